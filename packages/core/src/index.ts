// @kofi/core: tree-shakeable actions over the Kofi liquid staking protocol. No side effects at import.

export { adminPayloads } from "./admin/admin.ts";
export type { AdminAction, KofiAdminModule } from "./admin/adminAction.ts";
export {
  acceptAdmin,
  PAUSABLE_ACTIONS,
  type PausableAction,
  pausableActionId,
  setFeeBps,
  setMaxCommissionBps,
  setMinDeposit,
  setMinWithdrawal,
  setPaused,
  setTreasury,
  transferAdmin,
} from "./admin/config.ts";
export { addPool, disablePool, setPoolCap, setWeights } from "./admin/pools.ts";
export { seedVault } from "./admin/seedVault.ts";
export { type FormatAmountOptions, formatAmount } from "./amounts/format.ts";
export {
  assertU64,
  DECIMALS,
  formatRaw,
  OCTAS_PER_UNIT,
  parseAmount,
  parseApt,
  parseKapt,
  parseStkapt,
  type TokenSymbol,
  U64_MAX,
} from "./amounts/parse.ts";
export { DEFAULT_SLIPPAGE_BPS, minOutFromQuote } from "./amounts/slippage.ts";
export { rewriteAddress, toEntryFunctionAbi, toViewFunctionAbi } from "./client/abi.ts";
export { assertNetwork } from "./client/assertNetwork.ts";
export {
  type CreateKofiClientOptions,
  createKofiClient,
  type KofiClient,
  normalizeAddress,
} from "./client/createKofiClient.ts";
export { type KofiNetwork, NETWORK_PRESETS, type NetworkPreset } from "./client/networks.ts";
export { entryPayload } from "./client/payload.ts";
export { type ReadOptions, readView, viewPayload } from "./client/view.ts";
export {
  addStakeFee,
  type DepositPart,
  type DepositQuote,
  deposit,
  depositPayload,
  prepareDeposit,
  quoteDeposit,
  quoteDepositSplit,
} from "./deposit/deposit.ts";
export {
  type DepositAndStakeQuote,
  depositAndStake,
  depositAndStakePayload,
  prepareDepositAndStake,
  quoteDepositAndStake,
} from "./deposit/depositAndStake.ts";
export { decodeMoveAbort, type KofiErrorTable } from "./errors/decodeMoveAbort.ts";
export { isKofiError, KofiError, type KofiErrorCode, type MoveAbortInfo } from "./errors/KofiError.ts";
export { type ToKofiErrorContext, toKofiError } from "./errors/toKofiError.ts";
export { isEvent, type KofiEvent, type KofiEventType, parseKofiEvents } from "./events/parseEvents.ts";
export { type Received, type ReceivedTicket, receivedFromEvents } from "./events/received.ts";
export type { KofiAction, PreparedAction, SlippageOptions } from "./execute/action.ts";
export {
  type ExecuteOptions,
  type ExecuteResult,
  type ExecuteStage,
  execute,
  type StageEvent,
} from "./execute/execute.ts";
export {
  type Aip62WalletLike,
  assertSignerNetwork,
  type KofiSigner,
  type MinimalSigner,
  type SignerInfo,
  signerAddress,
  signerInfo,
  type WalletCoreLike,
} from "./execute/signer.ts";
export {
  type ChangeSummary,
  type SimulateOptions,
  type SimulationResult,
  simulate,
} from "./execute/simulate.ts";
export {
  type AuthenticatorInput,
  type Sponsor,
  type SponsorFunction,
  type SponsorSignature,
  sponsorAddress,
} from "./execute/sponsor.ts";
export { waitForKofiTransaction } from "./execute/wait.ts";
export { rebalance, withdrawInactiveStake } from "./keeper/rebalance.ts";
export { syncRewards } from "./keeper/syncRewards.ts";
export { getPosition, type Position, type PositionTicket, parseUserSummary } from "./position/getPosition.ts";
export {
  getKofiAddresses,
  getTokenMetadata,
  type KofiAddresses,
  primaryStoreAddress,
} from "./protocol/addresses.ts";
export {
  type AprEstimate,
  type AprUnavailableReason,
  aprFromSamples,
  aprFromState,
  type EstimateAprOptions,
  estimateApr,
  getApr,
  getStreamApr,
  MAX_PLAUSIBLE_APR_PPM,
  type ProtocolApr,
  protocolApr,
  type RateSample,
  SECONDS_PER_YEAR,
  sampleRate,
} from "./protocol/apr.ts";
export {
  getMaxWithdrawal,
  getOnChainApr,
  getProtocolState,
  type OnChainApr,
  type ProtocolState,
  parseApr,
  parseProtocolState,
  type StreamInfo,
  type ValidatorInfo,
} from "./protocol/state.ts";
export {
  type AdapterRegistry,
  type AssetId,
  createAdapterRegistry,
  type KofiAdapter,
  type LendingAdapter,
  type RateProvider,
  type RegistrySwapAdapter,
} from "./registry/registry.ts";
export type {
  AdapterMeta,
  LivenessStatus,
  SwapAdapter,
  SwapEntryPayload,
  SwapFee,
  SwapGasEstimate,
  SwapHop,
  SwapPayload,
  SwapQuote,
  SwapQuoteRequest,
  VenueAddress,
  VenueKind,
} from "./registry/venue.ts";
export {
  type KofiToken,
  prepareTransferToken,
  type TransferTokenArgs,
  transferKapt,
  transferStkapt,
  transferTokenPayload,
} from "./tokens/transfer.ts";
export {
  type ExpectedAprEffect,
  expectedAprEffect,
  grossAprPpm,
  poolExpectedAprPpm,
} from "./validators/expectedApr.ts";
export { FRAMEWORK_VIEWS, type FrameworkView, readFrameworkView } from "./validators/framework.ts";
export {
  type PreviousReading,
  type ProposalCounts,
  type ReadValidatorPoolsOptions,
  readValidatorPools,
  type ValidatorPoolReading,
  type ValidatorPoolsReading,
  type ValidatorState,
} from "./validators/pools.ts";
export {
  type ObservedRateUnavailable,
  type ObservedRewardRate,
  observedRewardRate,
  type PoolStakeSample,
} from "./validators/rewardRate.ts";
export {
  CONCENTRATION_PENALTY_PPM_PER_BPS,
  DEFAULT_MAX_SHARE_BPS,
  type IneligibleReason,
  type PoolScore,
  PPM,
  proposalRatioPpm,
  proposeWeights,
  rewardRatioPpm,
  type ScoreOptions,
  type ScoringInput,
  type ScoringPool,
  type WeightProposal,
} from "./validators/score.ts";
export {
  applyStake,
  applyUnstake,
  compareRates,
  type ExchangeRate,
  exchangeRateAt,
  formatRate,
  kaptToShares,
  releasedAt,
  sharesToKapt,
  streamingAt,
  type VaultState,
  VIRTUAL_ASSETS,
  VIRTUAL_SHARES,
  vaultAssetsAt,
} from "./vault/math.ts";
export { getExchangeRate, getVaultState } from "./vault/rate.ts";
export {
  prepareStake,
  quoteStake,
  quoteStakeLocal,
  type StakeQuote,
  stake,
  stakePayload,
} from "./vault/stake.ts";
export {
  prepareUnstake,
  quoteUnstake,
  quoteUnstakeLocal,
  type UnstakeQuote,
  unstake,
  unstakePayload,
} from "./vault/unstake.ts";
export {
  assertClaimBatch,
  type ClaimQuote,
  claim,
  claimPayload,
  MAX_CLAIM_BATCH,
  prepareClaim,
  quoteClaim,
} from "./withdrawals/claim.ts";
export { type Countdown, nowSecs, ticketCountdown } from "./withdrawals/countdown.ts";
export {
  prepareRequestWithdrawal,
  quoteRequestWithdrawal,
  type RequestWithdrawalQuote,
  requestWithdrawal,
  requestWithdrawalPayload,
} from "./withdrawals/request.ts";
export { getTicket, getTickets, parseTicketInfo, type Ticket } from "./withdrawals/tickets.ts";
export { transferTicket, transferTicketPayload } from "./withdrawals/transfer.ts";
export {
  prepareUnstakeAndRequestWithdrawal,
  quoteUnstakeAndRequestWithdrawal,
  type UnstakeAndRequestQuote,
  unstakeAndRequestWithdrawal,
  unstakeAndRequestWithdrawalPayload,
} from "./withdrawals/unstakeAndRequest.ts";
