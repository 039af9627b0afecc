import { entry, view } from "../core/abiJson.ts";
import { big, type ChainReader, toEntryFunctionAbi } from "../core/chain.ts";
import type { LendingAdapter, LendingMarket } from "../core/lendingAdapter.ts";
import type { AdapterMeta } from "../core/meta.ts";
import { type Address, type KofiTokens, normalize } from "../core/tokens.ts";
import { VENUES } from "./mainnet.ts";

/**
 * Echelon lending. Signatures from the fullnode ABIs in `EchelonMarket/echelon-sdk` @0c5a7ce
 * (`src/abi/lending_scripts.ts`, `src/abi/lending_assets.ts`). Shapes the ABI does not show, taken from the
 * SDK's own reading code (`src/index.ts` @0c5a7ce): `FixedPoint64` values come back as `{ v }`. Markets are
 * either Coin markets (`lending::CoinInfo { type_name }`) or FA markets (`lending::FungibleAssetInfo
 * { metadata }`); `market_is_fa` / `market_is_coin` are not in that ABI (newer deployments, seen in public
 * integrator code), so they are probed and every market is resolved on its own.
 */
export const ECHELON_FP64 =
  "0x94f0e00a99685c74067f7541b171bf2a4bd7d859609adce17980a7c924b135c8::fixed_point64::FixedPoint64";
export function echelonAbi(address: Address) {
  const m = `0x1::object::Object<${address}::lending::Market>`;
  const m1 = (name: string, ret: string) => view(name, [m], [ret]);
  return {
    supply_fa: entry("supply_fa", [m, "u64"]),
    market_objects: view("market_objects", [], [`vector<${m}>`]),
    market_asset_metadata: m1("market_asset_metadata", "0x1::object::Object<0x1::fungible_asset::Metadata>"),
    market_collateral_factor_bps: m1("market_collateral_factor_bps", "u64"),
    market_supply_cap: m1("market_supply_cap", "u64"),
    market_paused: m1("market_paused", "bool"),
    market_total_cash: m1("market_total_cash", "u64"),
    market_total_liability: m1("market_total_liability", "u64"),
    supply_interest_rate: m1("supply_interest_rate", ECHELON_FP64),
    account_coins: view("account_coins", ["address", m], ["u64"]),
    market_coin: m1("market_coin", "0x1::string::String"),
    market_is_fa: m1("market_is_fa", "bool"),
  } as const;
}

const Q64 = 1n << 64n;

/**
 * The raw u128 of a FixedPoint64 view result. Echelon's own `fixed_point64` is read as `{ v }` by its SDK;
 * `aptos_std::fixed_point64` serialises as `{ value }`; a bare decimal string is accepted too.
 */
export function fixedPoint64Raw(x: unknown): bigint {
  if (typeof x === "object" && x !== null) {
    const o = x as { v?: unknown; value?: unknown };
    if (o.v !== undefined) return big(o.v);
    if (o.value !== undefined) return big(o.value);
  }
  if (typeof x === "string" || typeof x === "bigint") return big(x);
  throw new TypeError(`echelon: not a FixedPoint64: ${JSON.stringify(x)}`);
}

/** FixedPoint64 annual rate to bps, rounded to the nearest (a display figure). */
export const fixedPoint64ToBps = (raw: bigint): bigint => (raw * 10_000n + Q64 / 2n) / Q64;

/**
 * A view the node answered with a VM failure (Move abort, execution failure, or a function/module the
 * deployment does not have), as opposed to a transport error. A missing view comes back as
 * `FUNCTION_RESOLUTION_FAILURE: function … does not exist` (`vm_error_code` 1091; a missing module is
 * `LINKER_ERROR`, 1081), as the localnet answers it; any answer carrying a `vm_error_code` is the VM's verdict.
 */
export function isViewFailure(e: unknown): boolean {
  const data = e instanceof Error ? (e as { data?: unknown }).data : undefined;
  if (
    typeof data === "object" &&
    data !== null &&
    typeof (data as { vm_error_code?: unknown }).vm_error_code === "number"
  )
    return true;
  const m = e instanceof Error ? `${e.message} ${JSON.stringify(data ?? "")}` : String(e);
  return /abort|EXECUTION_FAILURE|execution failed|MISSING_DATA|FUNCTION_NOT_FOUND|FUNCTION_RESOLUTION_FAILURE|does not exist|not found|LINKER_ERROR/i.test(
    m,
  );
}

/** What a market holds: an FA (metadata address) or a Coin (type name, when read). */
export type EchelonMarketAsset = { kind: "fa"; metadata: Address } | { kind: "coin"; coinType?: string };

export function echelonAdapter(o: {
  reader: ChainReader;
  tokens: KofiTokens;
  address?: Address;
}): LendingAdapter {
  const address = o.address ?? VENUES.echelon.package;
  const abi = echelonAbi(address);
  const fid = (f: string) => `${address}::lending::${f}` as const;
  const wanted = new Set<Address>([o.tokens.kAPT, o.tokens.stkAPT]);
  /** market -> asset (immutable, cached). */
  const assetOf = new Map<Address, EchelonMarketAsset>();
  /** Whether the deployment has `market_is_fa` (learned on the first call). */
  let hasIsFa: boolean | undefined;
  const meta: AdapterMeta = {
    id: "echelon",
    name: "Echelon",
    kind: "lending",
    packages: [address],
    liveness: VENUES.echelon.liveness,
    livenessSource: VENUES.echelon.livenessSource,
    quoteSource: "view",
  };
  const v = <K extends keyof ReturnType<typeof echelonAbi>>(name: K, args: unknown[], lv?: bigint) =>
    o.reader.view(fid(name), abi[name], args as never, lv);

  /**
   * FA or Coin market: `market_is_fa` when the deployment has it; otherwise `market_asset_metadata`, whose
   * abort marks a Coin market (kAPT/stkAPT are FA-only, so a Coin market is never one of ours). One market's
   * failure never hides the others.
   */
  async function resolveAsset(m: Address, lv?: bigint): Promise<EchelonMarketAsset> {
    if (hasIsFa !== false) {
      try {
        const [isFa] = await v("market_is_fa", [m], lv);
        hasIsFa = true;
        if (isFa !== true) return { kind: "coin" };
      } catch (e) {
        if (!isViewFailure(e)) throw e;
        if (hasIsFa === undefined) hasIsFa = false;
      }
    }
    try {
      const [t] = await v("market_asset_metadata", [m], lv);
      return { kind: "fa", metadata: normalize(t) };
    } catch (e) {
      if (!isViewFailure(e)) throw e;
      return { kind: "coin" };
    }
  }

  async function kofiMarkets(lv?: bigint): Promise<{ market: Address; token: Address }[]> {
    const [list] = await v("market_objects", [], lv);
    const markets = (list as unknown[]).map((x) => normalize(x));
    await Promise.all(
      markets
        .filter((m) => !assetOf.has(m))
        .map(async (m) => {
          assetOf.set(m, await resolveAsset(m, lv));
        }),
    );
    const out: { market: Address; token: Address }[] = [];
    for (const m of markets) {
      const a = assetOf.get(m);
      if (a?.kind === "fa" && wanted.has(a.metadata)) out.push({ market: m, token: a.metadata });
    }
    return out;
  }

  async function markets(options: { ledgerVersion?: bigint } = {}): Promise<LendingMarket[]> {
    const lv = options.ledgerVersion;
    return Promise.all(
      (await kofiMarkets(lv)).map(async ({ market, token }) => {
        const [[ltv], [cap], [paused], [cash], [liab], [rate]] = await Promise.all([
          v("market_collateral_factor_bps", [market], lv),
          v("market_supply_cap", [market], lv),
          v("market_paused", [market], lv),
          v("market_total_cash", [market], lv),
          v("market_total_liability", [market], lv),
          v("supply_interest_rate", [market], lv),
        ]);
        const capN = big(cap);
        return {
          market,
          token,
          ltvBps: big(ltv),
          supplyCap: capN === 0n ? undefined : capN,
          totalSupplied: big(cash) + big(liab),
          // nearest bps (a display figure; FixedPoint64 rarely divides evenly)
          supplyAprBps: fixedPoint64ToBps(fixedPoint64Raw(rate)),
          paused: paused as boolean,
        };
      }),
    );
  }

  return {
    meta,
    markets,
    async position(owner, options = {}) {
      const lv = options.ledgerVersion ?? (await o.reader.ledgerVersion());
      const ms = await kofiMarkets(lv);
      const supplied = await Promise.all(
        ms.map(async ({ market, token }) => {
          const [c] = await v("account_coins", [owner, market], lv);
          return { market, token, amount: big(c) };
        }),
      );
      return { owner: normalize(owner), supplied, ledgerVersion: lv };
    },
    async previewSupply(token, amount) {
      const m = (await markets()).find((x) => x.token === normalize(token));
      if (!m) throw new Error(`echelon: no market for ${token}`);
      const warnings: string[] = [];
      const capRoomAfter = m.supplyCap === undefined ? undefined : m.supplyCap - m.totalSupplied - amount;
      if (m.paused) warnings.push("echelon: the market is paused");
      if (capRoomAfter !== undefined && capRoomAfter < 0n)
        warnings.push("echelon: the supply cap would be exceeded");
      if (meta.liveness !== "live") warnings.push(`echelon: venue is ${meta.liveness}`);
      return {
        market: m,
        amount,
        borrowPowerAdded: (amount * m.ltvBps) / 10_000n,
        capRoomAfter,
        warnings,
        ok: !m.paused && (capRoomAfter === undefined || capRoomAfter >= 0n) && amount > 0n,
      };
    },
    async buildSupply(token, amount) {
      const m = (await kofiMarkets()).find((x) => x.token === normalize(token));
      if (!m) throw new Error(`echelon: no market for ${token}`);
      return [
        {
          data: {
            function: `${address}::scripts::supply_fa`,
            functionArguments: [m.market, amount],
            abi: toEntryFunctionAbi(abi.supply_fa),
          },
        },
      ];
    },
  };
}
