import type { AdapterMeta } from "./meta.ts";
import type { EntryPayload } from "./swapAdapter.ts";
import type { Address } from "./tokens.ts";

/** A market that accepts a Kofi token as collateral. */
export interface LendingMarket {
  /** Market object address. */
  market: Address;
  /** The token's FA metadata. */
  token: Address;
  /** Loan-to-value (collateral factor), bps. */
  ltvBps: bigint;
  /** Max total supply in base units (`undefined` when the venue reports none / 0 = uncapped). */
  supplyCap: bigint | undefined;
  totalSupplied: bigint;
  /** Supply APR in bps, when the venue exposes it on chain. */
  supplyAprBps: bigint | undefined;
  paused: boolean;
}

export interface LendingPosition {
  owner: Address;
  /** Per market: the supplied amount in token base units. */
  supplied: { market: Address; token: Address; amount: bigint }[];
  ledgerVersion: bigint;
}

export interface SupplyPreview {
  market: LendingMarket;
  amount: bigint;
  /** Collateral value the supply adds to borrowing power, in token units: `amount * ltv`. */
  borrowPowerAdded: bigint;
  /** Room left under the supply cap after this supply (`undefined` if uncapped). */
  capRoomAfter: bigint | undefined;
  warnings: string[];
  /** `false` when the supply would abort (paused, cap). */
  ok: boolean;
}

/** A lending venue where kAPT/stkAPT can be supplied as collateral. */
export interface LendingAdapter {
  readonly meta: AdapterMeta;
  markets(options?: { ledgerVersion?: bigint }): Promise<LendingMarket[]>;
  position(owner: Address, options?: { ledgerVersion?: bigint }): Promise<LendingPosition>;
  previewSupply(token: Address, amount: bigint): Promise<SupplyPreview>;
  /** Payload(s) to supply `amount` of `token` as collateral (some venues need more than one transaction). */
  buildSupply(token: Address, amount: bigint): Promise<EntryPayload[]>;
}
