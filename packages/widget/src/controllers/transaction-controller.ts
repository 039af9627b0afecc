/**
 * One transaction at a time: pre-checks, the review panel with its simulation, a re-quote when the quote
 * expired (and a second confirmation when it got worse), `beforeSubmit`, signing, stages (`kofi-tx`), the
 * receipt, and recovery after a reload. While the wallet prompt is open (`signing`) the form is locked: tabs,
 * `setAmount` and the refresh timers leave everything as the user confirmed it.
 *
 * The flow itself is the pure reducer in `flow.ts`; this controller runs its effects and keeps keyboard focus
 * in place as the panel changes.
 */
import type { ReactiveController } from "lit";
import { isAllowedFunction } from "../allowlist.ts";
import { type KofiErrorLike, legacyActionOf, type Quote, type StageInfo, type TxStage } from "../backend.ts";
import { toKofiError, widgetError, withTimeout } from "../errors.ts";
import { amountsOf, emit } from "../events.ts";
import { canConfirm, type Flow, type FlowEvent, IDLE, isExpired, reduceFlow } from "../flow.ts";
import { clearPending, loadPending, savePending } from "../pending-store.ts";
import { emitError, REQUEST_TIMEOUT_MS, type StakeHost } from "./host.ts";

/** Where focus lands when the panel enters each phase (the first match wins). */
const FOCUS_TARGETS: Record<Flow["phase"], readonly string[]> = {
  review: ["#kofi-review-title"],
  success: ["[part~=done-button]"],
  error: ["[part~=back-button]"],
  // A disabled button cannot take focus (after Done the amount is cleared): then the amount field.
  idle: [
    "[part~=review-button]:not([disabled])",
    "[part~=amount-input]",
    "[part~=claim-button]:not([disabled])",
    "[role=tab][aria-selected=true]",
  ],
  pending: [],
};

export class TransactionController implements ReactiveController {
  flow: Flow = IDLE;
  /** A transaction submitted before a reload is being waited for. */
  recovering = false;

  private abort: AbortController | null = null;
  private renderedPhase: Flow["phase"] = "idle";
  private focusInside = false;
  private focusOwedByPending = false;

  constructor(private readonly host: StakeHost) {
    host.addController(this);
  }

  /** The signing lock: a transaction is in flight (wallet prompt open, or submitted and not yet final). */
  get signing(): boolean {
    return this.flow.phase === "pending";
  }

  hostUpdate(): void {
    // Before the render removes the focused control: was focus inside the widget?
    const root = this.host.renderRoot;
    this.focusInside = root instanceof ShadowRoot && root.activeElement !== null;
  }

  hostUpdated(): void {
    const before = this.renderedPhase;
    this.renderedPhase = this.flow.phase;
    if (before !== this.flow.phase) this.moveFocus();
  }

  dispatch(event: FlowEvent): void {
    this.flow = reduceFlow(this.flow, event);
    this.host.requestUpdate();
  }

  /** Back to the form (Back, Done). */
  reset(): void {
    this.dispatch({ type: "reset" });
  }

  /** Pre-checks, opens the review panel and simulates. */
  async review(quote: Quote): Promise<void> {
    const host = this.host;
    const backend = host._backend;
    if (!backend) return this.fail(widgetError("no_backend"), quote);
    if (!host._wallets.account) return this.fail(widgetError("not_connected"), quote);
    const wrong = host._wrongNetwork;
    if (wrong) return this.fail(widgetError("wrong_network", `wallet on ${wrong.actual}`), quote);
    if (!isAllowedFunction(quote.payload.function, backend.protocolAddress, backend.allowedFunctions))
      return this.fail(widgetError("not_allowed", quote.payload.function), quote);
    // The review says the site pays the fee: never sign through a backend that would let the user pay it.
    if (host.sponsor && !backend.sponsorship)
      return this.fail(widgetError("invalid_config", "this backend cannot sponsor transactions"), quote);
    this.dispatch({ type: "review", quote });
    await this.simulateCurrent();
  }

  /** Claim: quotes the tickets' claim, then reviews it. */
  async reviewClaim(tickets: readonly string[]): Promise<void> {
    const host = this.host;
    const backend = host._backend;
    if (!backend || tickets.length === 0) return;
    const account = host._wallets.account;
    try {
      const quote = await withTimeout(
        backend.quote(
          { action: "claim", tickets },
          { slippageBps: host.slippageBps, ...(account ? { account: account.address } : {}) },
        ),
        REQUEST_TIMEOUT_MS,
        "quote",
      );
      await this.review(quote);
    } catch (e) {
      this.fail(toKofiError(e));
    }
  }

  async confirm(): Promise<void> {
    const host = this.host;
    const backend = host._backend;
    const account = host._wallets.account;
    const flow = this.flow;
    if (!backend || !account || !canConfirm(flow) || flow.phase !== "review") return;
    let quote = flow.quote;
    try {
      if (isExpired(quote, Date.now())) {
        this.dispatch({ type: "stage", stage: "quote" });
        this.emitTx("quote", quote);
        const fresh = await withTimeout(
          backend.quote(quote.request, { slippageBps: host.slippageBps, account: account.address }),
          REQUEST_TIMEOUT_MS,
          "quote",
        );
        this.dispatch({ type: "requoted", quote: fresh });
        if (this.flow.phase === "review") {
          // Worse than what the user saw: show both and ask again.
          await this.simulateCurrent();
          return;
        }
        quote = fresh;
      }
      if (!isAllowedFunction(quote.payload.function, backend.protocolAddress, backend.allowedFunctions))
        return this.fail(widgetError("not_allowed", quote.payload.function), quote);
      if (host.beforeSubmit) {
        const verdict = await host.beforeSubmit({
          action: quote.request.action,
          account: account.address,
          quote,
        });
        if (verdict === false) return this.fail(widgetError("vetoed"), quote);
      }
      let lastStage: TxStage | null = null;
      const onStage = (info: StageInfo) => {
        if (info.stage === "failed" || info.stage === lastStage) return;
        lastStage = info.stage;
        this.dispatch(
          info.hash
            ? { type: "stage", stage: info.stage, hash: info.hash }
            : { type: "stage", stage: info.stage },
        );
        this.emitTx(info.stage, quote, info.hash);
        if (info.stage === "submitted" && info.hash)
          savePending(account.address, {
            hash: info.hash,
            action: quote.request.action,
            amounts: amountsOf(quote),
          });
      };
      if (this.flow.phase !== "pending") onStage({ stage: "sign" });
      const sponsor = host.sponsor;
      if (sponsor && !backend.sponsorship)
        return this.fail(widgetError("invalid_config", "this backend cannot sponsor transactions"), quote);
      const result = await backend.submit({
        quote,
        wallet: host._wallets.active,
        onStage,
        ...(sponsor ? { sponsor } : {}),
      });
      if (lastStage !== "confirmed") onStage({ stage: "confirmed", hash: result.hash });
      this.dispatch({
        type: "succeeded",
        hash: result.hash,
        ...(result.amountOut !== undefined ? { amountOut: result.amountOut } : {}),
        ...(result.tickets ? { tickets: result.tickets } : {}),
      });
      clearPending(account.address);
      host._clearAmount();
      void host._chain.refresh();
    } catch (e) {
      clearPending(account.address);
      this.fail(toKofiError(e), quote);
      void host._chain.refresh();
    }
  }

  /** After a reload: a transaction this tab submitted is still pending; wait for its outcome. */
  async recoverPending(address: string): Promise<void> {
    const host = this.host;
    const backend = host._backend;
    const pending = loadPending(address);
    if (!pending || !backend?.waitForTransaction) return;
    this.setRecovering(true);
    const base = {
      action: pending.action,
      legacyAction: legacyActionOf(pending.action),
      amounts: pending.amounts,
      hash: pending.hash,
    };
    try {
      const { success } = await backend.waitForTransaction(pending.hash);
      emit(host, "kofi-tx", { ...base, stage: success ? "confirmed" : "failed" });
      if (!success)
        emitError(host, widgetError("move_abort", `transaction ${pending.hash} failed`), pending.action);
    } catch (e) {
      emitError(host, toKofiError(e), pending.action);
    } finally {
      clearPending(address);
      this.setRecovering(false);
      void host._chain.refresh();
    }
  }

  private setRecovering(recovering: boolean): void {
    this.recovering = recovering;
    this.host.requestUpdate();
  }

  private async simulateCurrent(): Promise<void> {
    const host = this.host;
    const backend = host._backend;
    const account = host._wallets.account;
    const flow = this.flow;
    if (!backend || !account || flow.phase !== "review") return;
    this.abort?.abort();
    const ac = new AbortController();
    this.abort = ac;
    this.emitTx("simulate", flow.quote);
    try {
      const simulation = await withTimeout(
        backend.simulate(flow.quote, {
          account: account.address,
          wallet: host._wallets.active,
          signal: ac.signal,
          ...(host.sponsor ? { sponsor: host.sponsor } : {}),
        }),
        REQUEST_TIMEOUT_MS,
        "simulate",
      );
      if (ac.signal.aborted) return;
      this.dispatch({ type: "simulated", simulation });
      if (!simulation.success)
        emitError(host, simulation.error ?? widgetError("simulation_failed"), flow.quote.request.action);
    } catch (e) {
      if (!ac.signal.aborted) this.fail(toKofiError(e), flow.quote);
    }
  }

  private emitTx(stage: TxStage, quote: Quote, hash?: string): void {
    emit(this.host, "kofi-tx", {
      stage,
      action: quote.request.action,
      legacyAction: legacyActionOf(quote.request.action),
      amounts: amountsOf(quote),
      ...(hash ? { hash } : {}),
    });
  }

  fail(error: KofiErrorLike, quote?: Quote): void {
    this.dispatch({ type: "failed", error });
    if (quote) this.emitTx("failed", quote);
    emitError(this.host, error, quote?.request.action);
  }

  /**
   * Keeps keyboard users in place as the panel changes: into the review, onto the outcome, and back to
   * the action button when the review closes. Only when focus was inside the widget.
   */
  private moveFocus(): void {
    const root = this.host.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    // While pending nothing is focusable in the panel: remember to land focus on the outcome.
    const inside = this.focusInside || this.focusOwedByPending;
    this.focusOwedByPending = inside && this.flow.phase === "pending";
    if (!inside) return;
    for (const selector of FOCUS_TARGETS[this.flow.phase]) {
      const target = root.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        return;
      }
    }
  }
}
