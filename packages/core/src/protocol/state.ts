import type { KofiClient } from "../client/createKofiClient.ts";
import { normalizeAddress } from "../client/createKofiClient.ts";
import { big, type ReadOptions, readView } from "../client/view.ts";
import type { ExchangeRate } from "../vault/math.ts";
import { type OnChainApr, parseApr } from "./protocolApr.ts";

export { type OnChainApr, parseApr } from "./protocolApr.ts";

export interface ValidatorInfo {
  pool: `0x${string}`;
  weightBps: bigint;
  cap: bigint;
  enabled: boolean;
  active: bigint;
  pendingInactive: bigint;
  inactive: bigint;
  validatorActive: boolean;
  commissionBps: bigint;
  lockupEndsAt: bigint;
  /** Operator commission from the next lockup cycle (bps); equals `commissionBps` when no change is pending. */
  nextCommissionBps: bigint;
  /** APT this pool can take in a deposit now (0: not eligible: allowlist, commission limit, caps, max stake). */
  depositRoom: bigint;
  /** Whether the protocol may add stake (the pool's allowlisting is off or lists the protocol). */
  allowlisted: boolean;
}

/** The vault's current reward stream (`gateway::ProtocolState`'s `stream_*` fields). */
export interface StreamInfo {
  /** kAPT of the stream, the part already released included. */
  amount: bigint;
  /** Start of the stream, seconds. */
  start: bigint;
  /** End of the stream, seconds (`start` + one epoch interval at the sync that set it). */
  end: bigint;
}

/** `gateway::ProtocolState`, bigint amounts, plus derived fields. */
export interface ProtocolState {
  /** kAPT per stkAPT. */
  rate: ExchangeRate;
  /** Total value locked, APT octas: `totalStakedApt + idleApt` (the protocol's controlled APT). */
  tvlApt: bigint;
  totalStakedApt: bigint;
  kaptSupply: bigint;
  stkaptSupply: bigint;
  /** Vault assets at `nowSecs` (released kAPT). */
  vaultKapt: bigint;
  /** kAPT rewards still streaming into the vault. */
  streamingKapt: bigint;
  /**
   * The vault's current reward stream as stored (`stream_amount`, `stream_start`, `stream_end`): `amount` kAPT
   * (released part included) streams linearly from `start` to `end` (seconds). With `rate` and `nowSecs` it gives
   * the stream APR (`aprFromState`) without reading the `vault::Vault` resource.
   */
  stream: StreamInfo;
  feeBps: bigint;
  maxFeeBps: bigint;
  treasury: `0x${string}`;
  admin: `0x${string}`;
  paused: { deposit: boolean; stake: boolean; unstake: boolean; withdraw: boolean };
  lockupDurationSecs: bigint;
  epochIntervalSecs: bigint;
  ticketLiabilities: bigint;
  idleApt: bigint;
  protocolEquity: bigint;
  minDeposit: bigint;
  minWithdrawal: bigint;
  /** Chain time of the read, seconds. */
  nowSecs: bigint;
  validators: ValidatorInfo[];
  /** Pools whose operator commission (now or next cycle) exceeds this (bps) receive no deposits; 10000: no limit. */
  maxCommissionBps: bigint;
  /** Largest kAPT `request_withdrawal` accepts now ("at most X now"): `gateway::max_withdrawal`. */
  maxWithdrawalKapt: bigint;
  /** Total APT the pools can take in deposits now: `gateway::deposit_capacity`. */
  depositCapacityApt: bigint;
  /** APT owed on matured, unclaimed tickets (kept idle by `rebalance`). */
  maturedTicketApt: bigint;
  /** The on-chain APR (`gateway::apr`), read in the same request. */
  apr: OnChainApr;
}

export function parseProtocolState(raw: unknown): ProtocolState {
  const r = raw as Record<string, unknown>;
  const totalStakedApt = big(r.total_staked_apt);
  const idleApt = big(r.idle_apt);
  return {
    rate: { numerator: big(r.rate_numerator), denominator: big(r.rate_denominator) },
    tvlApt: totalStakedApt + idleApt,
    totalStakedApt,
    kaptSupply: big(r.kapt_supply),
    stkaptSupply: big(r.stkapt_supply),
    vaultKapt: big(r.vault_kapt),
    streamingKapt: big(r.streaming_kapt),
    stream: { amount: big(r.stream_amount), start: big(r.stream_start), end: big(r.stream_end) },
    feeBps: big(r.fee_bps),
    maxFeeBps: big(r.max_fee_bps),
    treasury: normalizeAddress(String(r.treasury)),
    admin: normalizeAddress(String(r.admin)),
    paused: {
      deposit: r.paused_deposit === true,
      stake: r.paused_stake === true,
      unstake: r.paused_unstake === true,
      withdraw: r.paused_withdraw === true,
    },
    lockupDurationSecs: big(r.lockup_duration_secs),
    epochIntervalSecs: big(r.epoch_interval_secs),
    ticketLiabilities: big(r.ticket_liabilities),
    idleApt,
    protocolEquity: big(r.protocol_equity),
    minDeposit: big(r.min_deposit),
    minWithdrawal: big(r.min_withdrawal),
    nowSecs: big(r.now_secs),
    validators: ((r.validators as unknown[]) ?? []).map((v) => {
      const x = v as Record<string, unknown>;
      return {
        pool: normalizeAddress(String(x.pool)),
        weightBps: big(x.weight_bps),
        cap: big(x.cap),
        enabled: x.enabled === true,
        active: big(x.active),
        pendingInactive: big(x.pending_inactive),
        inactive: big(x.inactive),
        validatorActive: x.validator_active === true,
        commissionBps: big(x.commission_bps),
        lockupEndsAt: big(x.lockup_ends_at),
        nextCommissionBps: big(x.next_commission_bps ?? x.commission_bps),
        depositRoom: big(x.deposit_room ?? 0),
        allowlisted: x.allowlisted !== false,
      };
    }),
    maxCommissionBps: big(r.max_commission_bps ?? 10_000),
    maxWithdrawalKapt: big(r.max_withdrawal_kapt ?? 0),
    depositCapacityApt: big(r.deposit_capacity_apt ?? 0),
    maturedTicketApt: big(r.matured_ticket_apt ?? 0),
    apr: parseApr(r.apr),
  };
}

/** `gateway::protocol_state()`: one `POST /v1/view`. */
export async function getProtocolState(
  client: KofiClient,
  options: ReadOptions = {},
): Promise<ProtocolState> {
  const [state] = await readView(client, "gateway", "protocol_state", [], options);
  return parseProtocolState(state);
}

/**
 * `gateway::max_withdrawal()`: the largest kAPT amount `request_withdrawal` accepts now (pool minimums excluded;
 * per pool at most the stake pool's own active stake less one octa, so this epoch's pending_active deposits
 * count only while the pool's active stake covers them), so a UI can say "at most X now" instead of failing with
 * `E_INSUFFICIENT_UNLOCKABLE`. Also in `ProtocolState.maxWithdrawalKapt`.
 */
export async function getMaxWithdrawal(client: KofiClient, options: ReadOptions = {}): Promise<bigint> {
  const [max] = await readView(client, "gateway", "max_withdrawal", [], options);
  return big(max);
}

/** `gateway::apr()`: the on-chain APR (one request; also carried by `protocol_state`). */
export async function getOnChainApr(client: KofiClient, options: ReadOptions = {}): Promise<OnChainApr> {
  const [apr] = await readView(client, "gateway", "apr", [], options);
  return parseApr(apr);
}
