/**
 * Echelon lending (`scripts::supply_fa` and the `lending` views) hosted by the localnet at Echelon's mainnet
 * address, with one market per Kofi token.
 *
 * Signatures: the fullnode ABIs shipped in `EchelonMarket/echelon-sdk` @0c5a7ce (`src/abi/lending_scripts.ts`:
 * `supply_fa(&signer, Object<lending::Market>, u64)`; `src/abi/lending_assets.ts`: `#[view]` `market_objects`,
 * `market_asset_metadata`, `market_collateral_factor_bps`, `market_supply_cap`, `market_borrow_cap`,
 * `market_paused`, `market_total_cash`, `market_total_shares`, `market_total_liability`,
 * `supply_interest_rate` / `borrow_interest_rate` (FixedPoint64), `account_coins`, `account_shares`,
 * `coins_to_shares`, `shares_to_coins`, `market_coin`). Share math is the obvious cash/shares ratio (no interest
 * accrues on the localnet: nobody borrows). Abort codes for a paused market or a full supply cap are NOT verified
 * (Echelon publishes no error table); they are named and numbered by this model only.
 *
 * Shapes beyond the ABI: FixedPoint64 results are `{ v }` (the SDK reads `result[0].v`, `src/index.ts`
 * @0c5a7ce). A market is a Coin market (`lending::CoinInfo`) or an FA market (`lending::FungibleAssetInfo`);
 * the genesis adds an APT Coin market, on which `market_asset_metadata` aborts (the model's choice: which
 * abort mainnet raises is not published) and `market_coin` answers the coin type. `market_is_fa` /
 * `market_is_coin` are not in the SDK's ABI: they are hosted as seen called on mainnet in public integrator
 * code (`[bool]` each).
 */
import { utf8 } from "../../runtime/address.ts";
import type { Address, FunctionBinding, Runtime } from "../../runtime/port.ts";
import { entryFn, moduleAbi, OBJ_METADATA, viewFn } from "../abi.ts";
import { argA, argU, signerOf, venueAbort } from "../support.ts";
import type { VenueGenesisContext, VenuePackage } from "../types.ts";

export const ECHELON: Address = "0xc6bc659f1649553c1a3fa05d9727433dc03843baac29473c817d06d39e7621ba";
/** The FixedPoint64 type the lending ABI returns rates in. */
export const FP64 =
  "0x94f0e00a99685c74067f7541b171bf2a4bd7d859609adce17980a7c924b135c8::fixed_point64::FixedPoint64";
const OBJ_MARKET = `0x1::object::Object<${ECHELON}::lending::Market>`;
const MARKET_T = `${ECHELON}::lending::Market`;
const LENDING_T = `${ECHELON}::lending::Lending`;
const VAULT_T = `${ECHELON}::lending::Vault`;
const LENDING = `${ECHELON}::lending`;

/** The subset of `lending::Market` fields the model keeps (same names as the real struct). */
export interface MarketModel {
  asset_name: string;
  /** FA markets: the metadata; Coin markets: `undefined` (see `coin_type`). */
  asset_metadata: Address | undefined;
  /** Coin markets: the coin type name (`lending::CoinInfo.type_name`). */
  coin_type?: string;
  total_shares: bigint;
  total_liability: bigint;
  total_reserve: bigint;
  total_cash: bigint;
  collateral_factor_bps: bigint;
  paused: boolean;
  supply_cap: bigint;
  borrow_cap: bigint;
  /** Annual rates as FixedPoint64 raw values (value / 2^64). */
  supply_rate_fp64: bigint;
  borrow_rate_fp64: bigint;
}
interface VaultModel {
  collaterals: { data: { key: Address; value: bigint }[] };
}

function market(rt: Runtime, addr: Address): MarketModel {
  if (!rt.storage.exists(addr, MARKET_T))
    venueAbort(LENDING, "EMARKET_NOT_FOUND", 1n, "No Echelon market here (model code).");
  return rt.storage.borrowMut<MarketModel>(addr, MARKET_T);
}
function sharesOf(rt: Runtime, user: Address, m: Address): bigint {
  if (!rt.storage.exists(user, VAULT_T)) return 0n;
  return rt.storage.borrow<VaultModel>(user, VAULT_T).collaterals.data.find((e) => e.key === m)?.value ?? 0n;
}
const assets = (m: MarketModel) => m.total_cash + m.total_liability - m.total_reserve;
const coinsToShares = (m: MarketModel, coins: bigint) =>
  m.total_shares === 0n ? coins : (coins * m.total_shares) / assets(m);
const sharesToCoins = (m: MarketModel, shares: bigint) =>
  m.total_shares === 0n ? 0n : (shares * assets(m)) / m.total_shares;

const view = (name: string, run: (rt: Runtime, a: readonly unknown[]) => unknown[]): FunctionBinding => ({
  module: "lending",
  name,
  run: (rt, a) => run(rt, a),
});
/** Echelon's FixedPoint64 serialises as `{ v }` (its SDK reads `.v`). */
const fp = (raw: bigint) => ({ v: raw });

function faMetadata(m: MarketModel): Address {
  if (m.asset_metadata === undefined)
    venueAbort(LENDING, "EMARKET_NOT_FA", 5n, "A Coin market has no FA metadata (model code).");
  return m.asset_metadata;
}

export const echelonBindings: FunctionBinding[] = [
  {
    module: "scripts",
    name: "supply_fa",
    run: (rt, a, s) => {
      const user = signerOf(s);
      const mAddr = argA(a, 0);
      const amount = argU(a, 1);
      const m = market(rt, mAddr);
      if (m.paused) venueAbort(LENDING, "EMARKET_PAUSED", 2n, "The market is paused (model code).");
      if (amount === 0n) venueAbort(LENDING, "EZERO_AMOUNT", 3n, "Zero amount (model code).");
      if (m.supply_cap > 0n && assets(m) + amount > m.supply_cap) {
        venueAbort(LENDING, "ESUPPLY_CAP_EXCEEDED", 4n, "The market's supply cap is reached (model code).");
      }
      const shares = coinsToShares(m, amount);
      rt.framework.faTransfer(user, faMetadata(m), mAddr, amount);
      m.total_cash += amount;
      m.total_shares += shares;
      if (!rt.storage.exists(user.address, VAULT_T)) {
        rt.storage.moveTo<VaultModel>(user.address, VAULT_T, { collaterals: { data: [] } });
      }
      const v = rt.storage.borrowMut<VaultModel>(user.address, VAULT_T);
      const e = v.collaterals.data.find((x) => x.key === mAddr);
      if (e) e.value += shares;
      else v.collaterals.data.push({ key: mAddr, value: shares });
      const userShares = e ? e.value : shares;
      rt.emit(`${LENDING}::SupplyEvent`, {
        account_addr: user.address,
        market_obj: { inner: mAddr },
        amount,
        shares,
        user_shares_increment: shares,
        user_shares: userShares,
        total_cash: m.total_cash,
        total_shares: m.total_shares,
      });
    },
  },
  view("market_objects", (rt) => [
    rt.storage.exists(ECHELON, LENDING_T)
      ? [...rt.storage.borrow<{ market_objects: Address[] }>(ECHELON, LENDING_T).market_objects]
      : [],
  ]),
  view("market_asset_metadata", (rt, a) => [faMetadata(market(rt, argA(a, 0)))]),
  view("market_is_fa", (rt, a) => [market(rt, argA(a, 0)).asset_metadata !== undefined]),
  view("market_is_coin", (rt, a) => [market(rt, argA(a, 0)).coin_type !== undefined]),
  view("market_coin", (rt, a) => {
    const m = market(rt, argA(a, 0));
    if (m.coin_type === undefined)
      venueAbort(LENDING, "EMARKET_NOT_COIN", 6n, "An FA market has no coin type (model code).");
    return [m.coin_type];
  }),
  view("market_collateral_factor_bps", (rt, a) => [market(rt, argA(a, 0)).collateral_factor_bps]),
  view("market_supply_cap", (rt, a) => [market(rt, argA(a, 0)).supply_cap]),
  view("market_borrow_cap", (rt, a) => [market(rt, argA(a, 0)).borrow_cap]),
  view("market_paused", (rt, a) => [market(rt, argA(a, 0)).paused]),
  view("market_total_cash", (rt, a) => [market(rt, argA(a, 0)).total_cash]),
  view("market_total_shares", (rt, a) => [market(rt, argA(a, 0)).total_shares]),
  view("market_total_liability", (rt, a) => [market(rt, argA(a, 0)).total_liability]),
  view("supply_interest_rate", (rt, a) => [fp(market(rt, argA(a, 0)).supply_rate_fp64)]),
  view("borrow_interest_rate", (rt, a) => [fp(market(rt, argA(a, 0)).borrow_rate_fp64)]),
  view("account_shares", (rt, a) => [sharesOf(rt, argA(a, 0), argA(a, 1))]),
  view("account_coins", (rt, a) => {
    const m = argA(a, 1);
    return [sharesToCoins(market(rt, m), sharesOf(rt, argA(a, 0), m))];
  }),
  view("coins_to_shares", (rt, a) => [coinsToShares(market(rt, argA(a, 0)), argU(a, 1))]),
  view("shares_to_coins", (rt, a) => [sharesToCoins(market(rt, argA(a, 0)), argU(a, 1))]),
];

const m1 = (name: string, ret: string) => viewFn(name, [OBJ_MARKET], [ret]);
export const echelonModules = {
  scripts: moduleAbi(ECHELON, "scripts", [entryFn("supply_fa", [OBJ_MARKET, "u64"])]),
  lending: moduleAbi(ECHELON, "lending", [
    viewFn("market_objects", [], [`vector<${OBJ_MARKET}>`]),
    m1("market_asset_metadata", OBJ_METADATA),
    m1("market_is_fa", "bool"),
    m1("market_is_coin", "bool"),
    m1("market_coin", "0x1::string::String"),
    m1("market_collateral_factor_bps", "u64"),
    m1("market_supply_cap", "u64"),
    m1("market_borrow_cap", "u64"),
    m1("market_paused", "bool"),
    m1("market_total_cash", "u64"),
    m1("market_total_shares", "u64"),
    m1("market_total_liability", "u64"),
    m1("supply_interest_rate", FP64),
    m1("borrow_interest_rate", FP64),
    viewFn("account_shares", ["address", OBJ_MARKET], ["u64"]),
    viewFn("account_coins", ["address", OBJ_MARKET], ["u64"]),
    viewFn("coins_to_shares", [OBJ_MARKET, "u64"], ["u64"]),
    viewFn("shares_to_coins", [OBJ_MARKET, "u64"], ["u64"]),
  ]),
};

/** Genesis markets: LTV (collateral factor), caps and a supply rate per Kofi token. */
export const ECHELON_SEED = {
  kapt: { collateralFactorBps: 7_000n, supplyCap: 5_000_000n * 100_000_000n, supplyAprBps: 150n },
  stkapt: { collateralFactorBps: 6_500n, supplyCap: 2_000_000n * 100_000_000n, supplyAprBps: 80n },
  /** Initial liquidity the LP supplies to each market (keeps share math away from the empty case). */
  initialSupply: 10n * 100_000_000n,
} as const;

function createMarket(
  rt: Runtime,
  ctx: VenueGenesisContext,
  name: string,
  metadata: Address,
  p: { collateralFactorBps: bigint; supplyCap: bigint; supplyAprBps: bigint },
): Address {
  const fw = rt.framework;
  const addr = fw.createNamedObject(fw.signerFor(ECHELON), utf8(`localnet-market:${metadata}`));
  rt.storage.moveTo<MarketModel>(addr, MARKET_T, {
    asset_name: name,
    asset_metadata: metadata,
    total_shares: 0n,
    total_liability: 0n,
    total_reserve: 0n,
    total_cash: 0n,
    collateral_factor_bps: p.collateralFactorBps,
    paused: false,
    supply_cap: p.supplyCap,
    borrow_cap: 0n,
    supply_rate_fp64: ((1n << 64n) * p.supplyAprBps) / 10_000n,
    borrow_rate_fp64: 0n,
  });
  if (!rt.storage.exists(ECHELON, LENDING_T))
    rt.storage.moveTo(ECHELON, LENDING_T, { market_objects: [] as Address[] });
  rt.storage.borrowMut<{ market_objects: Address[] }>(ECHELON, LENDING_T).market_objects.push(addr);
  // the LP supplies the first liquidity through the entry itself
  const supply = echelonBindings[0] as FunctionBinding;
  supply.run(rt, [addr, ECHELON_SEED.initialSupply], ctx.lp);
  return addr;
}

/** A Coin market (no FA metadata), as Echelon's APT market is: listed, never supplied here. */
function createCoinMarket(rt: Runtime, name: string, coinType: string): Address {
  const fw = rt.framework;
  const addr = fw.createNamedObject(fw.signerFor(ECHELON), utf8(`localnet-coin-market:${coinType}`));
  rt.storage.moveTo<MarketModel>(addr, MARKET_T, {
    asset_name: name,
    asset_metadata: undefined,
    coin_type: coinType,
    total_shares: 0n,
    total_liability: 0n,
    total_reserve: 0n,
    total_cash: 0n,
    collateral_factor_bps: 7_000n,
    paused: false,
    supply_cap: 0n,
    borrow_cap: 0n,
    supply_rate_fp64: 0n,
    borrow_rate_fp64: 0n,
  });
  if (!rt.storage.exists(ECHELON, LENDING_T))
    rt.storage.moveTo(ECHELON, LENDING_T, { market_objects: [] as Address[] });
  rt.storage.borrowMut<{ market_objects: Address[] }>(ECHELON, LENDING_T).market_objects.push(addr);
  return addr;
}

export function echelonGenesis(rt: Runtime, ctx: VenueGenesisContext): void {
  // listed first, as on mainnet where the APT Coin market predates the FA ones
  createCoinMarket(rt, "APT", "0x1::aptos_coin::AptosCoin");
  createMarket(rt, ctx, "kAPT", ctx.kaptMetadata, ECHELON_SEED.kapt);
  createMarket(rt, ctx, "stkAPT", ctx.stkaptMetadata, ECHELON_SEED.stkapt);
}

export const echelonPackage: VenuePackage = {
  name: "echelon",
  address: ECHELON,
  modules: echelonModules,
  bindings: echelonBindings,
  genesis: echelonGenesis,
  sources: [
    "EchelonMarket/echelon-sdk@0c5a7ce src/abi/lending_scripts.ts (scripts::supply_fa)",
    "EchelonMarket/echelon-sdk@0c5a7ce src/abi/lending_assets.ts (lending #[view] functions)",
    "EchelonMarket/echelon-sdk@0c5a7ce src/index.ts (FixedPoint64 read as { v })",
    "public integrator code calling mainnet lending::market_is_fa / market_is_coin (not in the SDK ABI)",
  ],
};
