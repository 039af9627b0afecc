/**
 * Pending transactions and blocks. With `blockTimeMs > 0` an accepted transaction waits in the mempool as a
 * `pending_transaction` (GET by_hash answers the pending shape; `wait_by_hash` long-polls) until the next
 * block, which executes everything pending in submission order. With 0 (instant mode) the node executes at
 * submission, as before. Validation happens at submission in both modes (the sender's next sequence number
 * counts its pending transactions); what can change while a transaction waits (expiration, the gas payer's
 * balance, the sequence number) is checked again when its block runs, and a transaction that no longer
 * passes is dropped, as a real mempool drops it (by_hash then answers 404).
 */
import type { Chain, TxRecord } from "../chain.ts";
import { aptBalance } from "../framework/coin.ts";
import type { Address } from "../runtime/port.ts";
import { executePrepared, type PreparedTx } from "./submit.ts";

/** How long `wait_by_hash` holds a request for a pending transaction (the node's default: 1 s). */
export const WAIT_BY_HASH_TIMEOUT_MS = 1000;

export class Mempool {
  private readonly pending = new Map<string, PreparedTx>();
  private readonly nextSeq = new Map<Address, bigint>();
  private readonly waiters = new Map<string, (() => void)[]>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly chain: Chain,
    /** Block interval in ms; 0 = instant mode (no mempool). */
    readonly blockTimeMs: number,
  ) {}

  get instant(): boolean {
    return this.blockTimeMs <= 0;
  }

  /** The sequence number the sender's next transaction must carry: after its pending ones. */
  expectedSequence = (sender: Address): bigint | undefined => this.nextSeq.get(sender);

  get(hash: string): PreparedTx | undefined {
    return this.pending.get(hash.toLowerCase());
  }

  get size(): number {
    return this.pending.size;
  }

  /** Accept a validated transaction: executes at once in instant mode, else waits for the next block. */
  submit(p: PreparedTx): TxRecord | undefined {
    if (this.instant) return executePrepared(this.chain, p, false);
    this.pending.set(p.hash, p);
    this.nextSeq.set(p.sender, p.sequenceNumber + 1n);
    if (!this.timer && !this.stopped) this.timer = setTimeout(() => this.produceBlock(), this.blockTimeMs);
    return undefined;
  }

  /** Run a block now: every pending transaction, in submission order. */
  produceBlock(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending.values()];
    this.pending.clear();
    this.nextSeq.clear();
    const nowSecs = BigInt(Math.floor(Date.now() / 1000));
    for (const p of batch) {
      const stillValid =
        p.expirationTimestampSecs > nowSecs &&
        (p.createSender || this.chain.sequenceNumberOf(p.sender) === p.sequenceNumber) &&
        aptBalance(this.chain.readContext(), p.gasPayer) >= p.maxGasAmount * p.gasUnitPrice;
      if (stillValid) executePrepared(this.chain, p, false);
      this.notify(p.hash);
    }
  }

  /** Resolves when `hash` leaves the mempool (committed or dropped) or after `timeoutMs`. */
  waitFor(hash: string, timeoutMs = WAIT_BY_HASH_TIMEOUT_MS): Promise<void> {
    const h = hash.toLowerCase();
    if (!this.pending.has(h)) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(t);
        resolve();
      }
      let l = this.waiters.get(h);
      if (!l) {
        l = [];
        this.waiters.set(h, l);
      }
      l.push(done);
    });
  }

  private notify(hash: string): void {
    for (const w of this.waiters.get(hash) ?? []) w();
    this.waiters.delete(hash);
  }

  /** Stop producing blocks on a timer (what is pending runs now). */
  stop(): void {
    this.stopped = true;
    this.produceBlock();
  }
}

/** The pending shape of a transaction waiting in the mempool. */
export function pendingTxJson(p: PreparedTx) {
  return {
    hash: p.hash,
    sender: p.sender,
    sequence_number: p.sequenceNumber.toString(),
    max_gas_amount: p.maxGasAmount.toString(),
    gas_unit_price: p.gasUnitPrice.toString(),
    expiration_timestamp_secs: p.expirationTimestampSecs.toString(),
    payload: p.payloadJson,
    signature: p.signatureJson,
    type: "pending_transaction",
  };
}
