/**
 * What the widget reads from the chain: the protocol (rate, APR, TVL, pauses), the account and its position.
 * Owns the refresh timer (every 30 s while visible, never under a pending signature), the one-second countdown
 * tick while a ticket unlocks, and `kofi-claimable`.
 */
import type { ReactiveController } from "lit";
import type { KofiErrorLike, Position, ProtocolSummary } from "../backend.ts";
import { toKofiError, widgetError, withTimeout } from "../errors.ts";
import { emit } from "../events.ts";
import { emitError, REQUEST_TIMEOUT_MS, type StakeHost } from "./host.ts";

export const REFRESH_MS = 30_000;

export class ChainController implements ReactiveController {
  protocol: ProtocolSummary | null = null;
  position: Position | null = null;
  loadError: KofiErrorLike | null = null;
  /** Wall-clock ms of the last tick (countdowns); 0 before the first read. */
  now = 0;

  private loadAbort: AbortController | null = null;
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  private tickTimer: ReturnType<typeof setInterval> | undefined;
  private lastRefresh = 0;
  private lastLoadErrorCode: string | null = null;
  private refreshQueued = false;
  private readonly notifiedReady = new Set<string>();

  constructor(private readonly host: StakeHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.refreshTimer = setInterval(() => {
      if (typeof document !== "undefined" && document.visibilityState === "hidden") return;
      if (this.host._tx.signing) return;
      void this.refresh();
    }, REFRESH_MS);
    // Re-attached: read again (the first read follows the first render, with the host's configuration).
    if (this.host.hasUpdated) void this.refresh();
  }

  hostDisconnected(): void {
    clearInterval(this.refreshTimer);
    clearInterval(this.tickTimer);
    this.tickTimer = undefined;
    this.loadAbort?.abort();
  }

  setLoadError(error: KofiErrorLike | null): void {
    this.loadError = error;
    this.host.requestUpdate();
  }

  /** A new account: its tickets are announced again. */
  forgetClaimable(): void {
    this.notifiedReady.clear();
  }

  /**
   * Coalesces the refreshes that configuration changes ask for: a host that sets `node-url`, `kofi-address`
   * and `wallet` in one task gets one round of reads for the final configuration, not one per property.
   */
  requestRefresh(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    setTimeout(() => {
      this.refreshQueued = false;
      if (this.host.isConnected) void this.refresh();
    }, 0);
  }

  /** Re-reads the protocol, the account and its position, then re-quotes. */
  async refresh(): Promise<void> {
    const host = this.host;
    const backend = host._backend;
    if (!backend) {
      const err = widgetError("no_backend");
      this.setLoadError(err);
      if (this.lastLoadErrorCode !== "no_backend") emitError(host, err);
      this.lastLoadErrorCode = "no_backend";
      return;
    }
    this.loadAbort?.abort();
    const ac = new AbortController();
    this.loadAbort = ac;
    this.lastRefresh = Date.now();
    const wallet = host._wallets.active;
    try {
      const [protocol, account] = await Promise.all([
        withTimeout(backend.getProtocol(ac.signal), REQUEST_TIMEOUT_MS, "getProtocol"),
        wallet ? withTimeout(backend.getAccount(wallet), REQUEST_TIMEOUT_MS, "getAccount") : null,
      ]);
      if (ac.signal.aborted) return;
      this.protocol = protocol;
      host._wallets.setAccount(account);
      this.position = account
        ? await withTimeout(
            backend.getPosition(account.address, ac.signal),
            REQUEST_TIMEOUT_MS,
            "getPosition",
          )
        : null;
      if (ac.signal.aborted) return;
      this.loadError = null;
      this.lastLoadErrorCode = null;
      this.now = Date.now();
      this.checkClaimable();
      this.syncTick();
    } catch (e) {
      if (ac.signal.aborted) return;
      const err = toKofiError(e);
      this.loadError = err;
      if (err.code !== this.lastLoadErrorCode) emitError(host, err);
      this.lastLoadErrorCode = err.code;
    } finally {
      host.requestUpdate();
    }
    host._quotes.schedule();
  }

  private checkClaimable(): void {
    const ready = (this.position?.tickets ?? []).filter((t) => t.ready && !this.notifiedReady.has(t.id));
    if (ready.length === 0) return;
    for (const t of ready) this.notifiedReady.add(t.id);
    emit(this.host, "kofi-claimable", {
      tickets: ready.map((t) => t.id),
      totalApt: ready.reduce((sum, t) => sum + t.aptAmount, 0n),
    });
  }

  /** Ticks every second while a ticket is counting down; refreshes when one reaches its unlock time. */
  private syncTick(): void {
    const waiting = (this.position?.tickets ?? []).some((t) => !t.ready);
    if (waiting && this.tickTimer === undefined && this.host.isConnected) {
      this.tickTimer = setInterval(() => {
        this.now = Date.now();
        this.host.requestUpdate();
        const due = (this.position?.tickets ?? []).some((t) => !t.ready && t.unlockAt * 1000 <= this.now);
        if (due && this.now - this.lastRefresh > REFRESH_MS && !this.host._tx.signing) void this.refresh();
      }, 1000);
    } else if (!waiting && this.tickTimer !== undefined) {
      clearInterval(this.tickTimer);
      this.tickTimer = undefined;
    }
  }
}
