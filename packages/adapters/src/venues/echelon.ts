import { entry, view } from "../core/abiJson.ts";
import { big, type ChainReader, toEntryFunctionAbi } from "../core/chain.ts";
import type { LendingAdapter, LendingMarket } from "../core/lendingAdapter.ts";
import type { AdapterMeta } from "../core/meta.ts";
import { type Address, type KofiTokens, normalize } from "../core/tokens.ts";
import { VENUES } from "./mainnet.ts";

/**
 * Echelon lending. Signatures from the fullnode ABIs in `EchelonMarket/echelon-sdk` @0c5a7ce
 * (`src/abi/lending_scripts.ts`, `src/abi/lending_assets.ts`).
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
  } as const;
}

const Q64 = 1n << 64n;

export function echelonAdapter(o: {
  reader: ChainReader;
  tokens: KofiTokens;
  address?: Address;
}): LendingAdapter {
  const address = o.address ?? VENUES.echelon.package;
  const abi = echelonAbi(address);
  const fid = (f: string) => `${address}::lending::${f}` as const;
  const wanted = new Set<Address>([o.tokens.kAPT, o.tokens.stkAPT]);
  /** market -> token (immutable, cached). */
  const tokenOf = new Map<Address, Address>();
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

  async function kofiMarkets(lv?: bigint): Promise<{ market: Address; token: Address }[]> {
    const [list] = await v("market_objects", [], lv);
    const markets = (list as unknown[]).map((x) => normalize(x));
    await Promise.all(
      markets
        .filter((m) => !tokenOf.has(m))
        .map(async (m) => {
          const [t] = await v("market_asset_metadata", [m], lv);
          tokenOf.set(m, normalize(t));
        }),
    );
    return markets
      .map((m) => ({ market: m, token: tokenOf.get(m) as Address }))
      .filter((x) => wanted.has(x.token));
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
          supplyAprBps: (big((rate as { value: string }).value) * 10_000n + Q64 / 2n) / Q64,
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
