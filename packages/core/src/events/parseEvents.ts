import type { KofiClient } from "../client/createKofiClient.ts";
import { shortAddress } from "../errors/decodeMoveAbort.ts";

const u = (v: unknown): bigint => BigInt(v as string);
const a = (v: unknown): `0x${string}` => String(v) as `0x${string}`;
const b = (v: unknown): boolean => v === true;

/** Field decoders per Kofi event, in the order of docs/protocol.md. */
const DECODERS = {
  "config::AdminTransferStarted": (d: Record<string, unknown>) => ({
    admin: a(d.admin),
    pendingAdmin: a(d.pending_admin),
  }),
  "config::AdminTransferred": (d: Record<string, unknown>) => ({
    oldAdmin: a(d.old_admin),
    newAdmin: a(d.new_admin),
  }),
  "config::PauseChanged": (d: Record<string, unknown>) => ({ action: Number(d.action), paused: b(d.paused) }),
  "config::FeeChanged": (d: Record<string, unknown>) => ({
    oldFeeBps: u(d.old_fee_bps),
    newFeeBps: u(d.new_fee_bps),
  }),
  "config::TreasuryChanged": (d: Record<string, unknown>) => ({
    oldTreasury: a(d.old_treasury),
    newTreasury: a(d.new_treasury),
  }),
  "config::MaxCommissionChanged": (d: Record<string, unknown>) => ({
    oldMaxCommissionBps: u(d.old_max_commission_bps),
    newMaxCommissionBps: u(d.new_max_commission_bps),
  }),
  "staking_manager::InactiveWithdrawn": (d: Record<string, unknown>) => ({
    pool: a(d.pool),
    amount: u(d.amount),
  }),
  "config::LimitChanged": (d: Record<string, unknown>) => ({
    limit: Number(d.limit) === 0 ? ("deposit" as const) : ("withdrawal" as const),
    oldValue: u(d.old_value),
    newValue: u(d.new_value),
  }),
  "staking_manager::PoolAdded": (d: Record<string, unknown>) => ({
    pool: a(d.pool),
    cap: u(d.cap),
    seedApt: u(d.seed_apt),
    staked: u(d.staked),
  }),
  "staking_manager::PoolDisabled": (d: Record<string, unknown>) => ({ pool: a(d.pool) }),
  "staking_manager::WeightsChanged": (d: Record<string, unknown>) => ({
    pools: (d.pools as unknown[]).map(a),
    weightsBps: (d.weights_bps as unknown[]).map(u),
  }),
  "staking_manager::PoolCapChanged": (d: Record<string, unknown>) => ({ pool: a(d.pool), cap: u(d.cap) }),
  "staking_manager::Delegated": (d: Record<string, unknown>) => ({
    pool: a(d.pool),
    amount: u(d.amount),
    staked: u(d.staked),
    sideWithdrawn: u(d.side_withdrawn),
  }),
  "staking_manager::Unlocked": (d: Record<string, unknown>) => ({
    pool: a(d.pool),
    requested: u(d.requested),
    unlocked: u(d.unlocked),
    sideWithdrawn: u(d.side_withdrawn),
  }),
  "staking_manager::EvictionRecovered": (d: Record<string, unknown>) => ({
    pools: (d.pools as unknown[]).map(a),
    amount: u(d.amount),
  }),
  "staking_manager::RebalanceCharged": (d: Record<string, unknown>) => ({
    delegated: u(d.delegated),
    charged: u(d.charged),
  }),
  "gateway::Deposited": (d: Record<string, unknown>) => ({
    user: a(d.user),
    pool: a(d.pool),
    aptAmount: u(d.apt_amount),
    fee: u(d.fee),
    kaptMinted: u(d.kapt_minted),
  }),
  "vault::Staked": (d: Record<string, unknown>) => ({
    user: a(d.user),
    kaptAmount: u(d.kapt_amount),
    stkaptMinted: u(d.stkapt_minted),
  }),
  "vault::Unstaked": (d: Record<string, unknown>) => ({
    user: a(d.user),
    stkaptBurned: u(d.stkapt_burned),
    kaptAmount: u(d.kapt_amount),
  }),
  "vault::VaultSeeded": (d: Record<string, unknown>) => ({
    kaptAmount: u(d.kapt_amount),
    deadShares: u(d.dead_shares),
  }),
  "rewards::RewardsSynced": (d: Record<string, unknown>) => ({
    controlledApt: u(d.controlled_apt),
    rewards: u(d.rewards),
    fee: u(d.fee),
    toVault: u(d.to_vault),
    toTreasury: u(d.to_treasury),
    streamEnd: u(d.stream_end),
  }),
  "withdrawals::WithdrawalRequested": (d: Record<string, unknown>) => ({
    ticket: a(d.ticket),
    owner: a(d.owner),
    kaptBurned: u(d.kapt_burned),
    aptAmount: u(d.apt_amount),
    unlockAt: u(d.unlock_at),
  }),
  "withdrawals::WithdrawalClaimed": (d: Record<string, unknown>) => ({
    ticket: a(d.ticket),
    owner: a(d.owner),
    aptAmount: u(d.apt_amount),
  }),
  "withdrawals::TicketTransferred": (d: Record<string, unknown>) => ({
    ticket: a(d.ticket),
    from: a(d.from),
    to: a(d.to),
  }),
} as const;

type Decoders = typeof DECODERS;
/** `"<module>::<Event>"` of every Kofi event. */
export type KofiEventType = keyof Decoders;

/** A decoded Kofi event: `{ type: "vault::Staked", data: { user, kaptAmount, stkaptMinted } }`. */
export type KofiEvent = {
  [K in KofiEventType]: {
    type: K;
    name: K extends `${string}::${infer N}` ? N : never;
    data: ReturnType<Decoders[K]>;
  };
}[KofiEventType];

/** Narrowing helper: `events.filter(isEvent("vault::Staked"))`. */
export function isEvent<K extends KofiEventType>(type: K) {
  return (e: KofiEvent): e is Extract<KofiEvent, { type: K }> => e.type === type;
}

interface RawEvent {
  type: string;
  data: unknown;
}

/**
 * Decodes the Kofi events of a transaction (the JSON of `GET /v1/transactions/by_hash/…` or the ts-sdk's
 * `waitForTransaction` result). Events of other packages, and of another Kofi address, are skipped.
 */
export function parseKofiEvents(
  tx: { events?: readonly RawEvent[] } | undefined,
  client: Pick<KofiClient, "kofiAddress">,
): KofiEvent[] {
  const out: KofiEvent[] = [];
  const kofi = shortAddress(client.kofiAddress);
  for (const ev of tx?.events ?? []) {
    const m = /^(0x[0-9a-fA-F]+)::(\w+)::(\w+)$/.exec(ev.type);
    if (!m || shortAddress(m[1] ?? "") !== kofi) continue;
    const key = `${m[2]}::${m[3]}` as KofiEventType;
    const decode = DECODERS[key] as ((d: Record<string, unknown>) => unknown) | undefined;
    if (!decode) continue;
    out.push({
      type: key,
      name: m[3],
      data: decode((ev.data ?? {}) as Record<string, unknown>),
    } as KofiEvent);
  }
  return out;
}
