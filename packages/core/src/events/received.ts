import { shortAddress } from "../errors/decodeMoveAbort.ts";
import { isEvent, type KofiEvent } from "./parseEvents.ts";

/** A withdrawal ticket created by the transaction. */
export interface ReceivedTicket {
  /** The ticket object's address (its id). */
  id: `0x${string}`;
  /** APT the ticket pays when claimed, octas. */
  aptAmount: bigint;
  /** kAPT burned for it, octas. */
  kaptBurned: bigint;
  /** Unlock time, chain seconds. */
  unlockAt: bigint;
}

/**
 * What a transaction gave its user, read from its Kofi events (bigint octas, summed when an event repeats).
 * Each field is the amount at one step: in `deposit_and_stake` the minted kAPT is staked in the same transaction
 * (`kaptMinted` and `stkaptMinted` are both set; the user ends with stkAPT), in `unstake_and_request_withdrawal`
 * the kAPT paid out is burned for the ticket (`kaptOut` and `tickets`).
 */
export interface Received {
  /** kAPT minted by deposits (`gateway::Deposited.kapt_minted`). */
  kaptMinted: bigint;
  /** stkAPT minted by staking (`vault::Staked.stkapt_minted`). */
  stkaptMinted: bigint;
  /** kAPT paid out by the vault for burned stkAPT (`vault::Unstaked.kapt_amount`). */
  kaptOut: bigint;
  /** Withdrawal tickets created (`withdrawals::WithdrawalRequested`). */
  tickets: ReceivedTicket[];
  /** APT paid by claims (`withdrawals::WithdrawalClaimed.apt_amount`). */
  aptClaimed: bigint;
}

/**
 * Sums what `user` received from decoded Kofi events (`parseKofiEvents`). Without `user`, every user event
 * counts; with it, only events whose `user` / `owner` is that address (any address form).
 */
export function receivedFromEvents(events: readonly KofiEvent[], user?: string): Received {
  const mine = (address: string) => user === undefined || shortAddress(address) === shortAddress(user);
  const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
  return {
    kaptMinted: sum(
      events
        .filter(isEvent("gateway::Deposited"))
        .filter((e) => mine(e.data.user))
        .map((e) => e.data.kaptMinted),
    ),
    stkaptMinted: sum(
      events
        .filter(isEvent("vault::Staked"))
        .filter((e) => mine(e.data.user))
        .map((e) => e.data.stkaptMinted),
    ),
    kaptOut: sum(
      events
        .filter(isEvent("vault::Unstaked"))
        .filter((e) => mine(e.data.user))
        .map((e) => e.data.kaptAmount),
    ),
    tickets: events
      .filter(isEvent("withdrawals::WithdrawalRequested"))
      .filter((e) => mine(e.data.owner))
      .map((e) => ({
        id: e.data.ticket,
        aptAmount: e.data.aptAmount,
        kaptBurned: e.data.kaptBurned,
        unlockAt: e.data.unlockAt,
      })),
    aptClaimed: sum(
      events
        .filter(isEvent("withdrawals::WithdrawalClaimed"))
        .filter((e) => mine(e.data.owner))
        .map((e) => e.data.aptAmount),
    ),
  };
}
