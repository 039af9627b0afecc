// @kofi/adapters: instant exit through DEXes and aggregators, and kAPT/stkAPT as lending collateral.
// No side effects at import.

export { type MoveFunctionJson, toEntryFunctionAbi, toViewFunctionAbi } from "./core/abiJson.ts";
export {
  annualiseBps,
  BPS,
  formatUnits,
  minOutWithSlippage,
  parseDecimal,
  SECONDS_PER_YEAR,
  shortfallBps,
  toBps,
} from "./core/bps.ts";
export { big, type ChainReader, chainReader } from "./core/chain.ts";
export { gasEstimate, makeQuote } from "./core/finalize.ts";
export type { LendingAdapter, LendingMarket, LendingPosition, SupplyPreview } from "./core/lendingAdapter.ts";
export type { AdapterMeta, LivenessStatus, VenueKind } from "./core/meta.ts";
export {
  DEFAULT_QUOTE_TTL_MS,
  type FeeItem,
  type GasEstimate,
  type Hop,
  isExpired,
  type Quote,
  type QuoteRequest,
} from "./core/quote.ts";
export { fairValueWithRate, kofiRateProvider, type Rate, type RateProvider } from "./core/rateProvider.ts";
export type { EntryPayload, SwapAdapter, SwapPayload } from "./core/swapAdapter.ts";
export {
  type Address,
  APT_METADATA,
  type ExitToken,
  KOFI_MAINNET_TOKENS,
  type KofiTokens,
  normalize,
  resolveKofiTokens,
} from "./core/tokens.ts";
export {
  createEntryRouter,
  type EntryOptions,
  type EntryResult,
  type EntryRouterOptions,
} from "./router/entryOptions.ts";
export {
  createExitRouter,
  type ExitOptions,
  type ExitRouterOptions,
  type VenueResult,
} from "./router/exitOptions.ts";
export { checkQuote, DEFAULT_GUARD, type GuardVerdict, type QuoteGuard } from "./router/guard.ts";
export { type StandardPath, standardPath } from "./router/standardPath.ts";
export { AdapterTimeoutError, withTimeout } from "./router/timeout.ts";
export {
  type EchelonMarketAsset,
  echelonAbi,
  echelonAdapter,
  fixedPoint64Raw,
  fixedPoint64ToBps,
} from "./venues/echelon.ts";
export {
  HYPERION_SWAP_GAS_UNITS,
  type HyperionOptions,
  hyperionAbi,
  hyperionAdapter,
  hyperionFeeRatePpm,
} from "./venues/hyperion.ts";
export { KOFI_GAS_UNITS, type KofiRoute, kofiVenueAdapter } from "./venues/kofi.ts";
export { VENUES } from "./venues/mainnet.ts";
export {
  PANORA_GAS_UNITS,
  PANORA_ROUTER_ENTRY,
  type PanoraOptions,
  type PanoraQuoteJson,
  type PanoraSwapResponse,
  type PanoraTokenJson,
  panoraAdapter,
  panoraTokenAddress,
} from "./venues/panora.ts";
export {
  discoverThalaPools,
  type ThalaPool,
  type ThalaPoolKind,
  thalaAbi,
  thalaswapV2Adapter,
} from "./venues/thalaswapV2.ts";
