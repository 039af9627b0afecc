/** The withdrawals tab: tickets with a live countdown, claimable state and one batched claim. */
import { html, type TemplateResult } from "lit";
import type { Ticket } from "./backend.ts";
import { secondsUntil } from "./countdown.ts";
import { shortHash } from "./status.ts";
import type { ViewContext } from "./view-context.ts";

/**
 * The on-chain limit of tickets in one `claim`: `withdrawals::MAX_CLAIM_BATCH`, i.e. `@kofi/core`'s
 * `MAX_CLAIM_BATCH` (generated ABI). Not imported from core: core's value lives in the generated ABI module,
 * and importing it put that module into the CDN build's eager chunk (measured +8.8 kB gzip, 31.7 -> 40.5 kB,
 * over the 32 kB lean-path budget). protocol-constants.test.ts holds this copy equal to core's.
 */
export const MAX_CLAIM_BATCH = 20;

/** Ready tickets to claim in one transaction, oldest unlock first, at most `MAX_CLAIM_BATCH`. */
export function claimBatch(tickets: readonly Ticket[]): Ticket[] {
  return tickets
    .filter((t) => t.ready)
    .sort((a, b) => a.unlockAt - b.unlockAt)
    .slice(0, MAX_CLAIM_BATCH);
}

export interface WithdrawalsProps {
  readonly tickets: readonly Ticket[];
  readonly nowMs: number;
  readonly busy: boolean;
  readonly onClaim: (tickets: readonly Ticket[]) => void;
}

export function renderWithdrawals(ctx: ViewContext, p: WithdrawalsProps): TemplateResult {
  if (p.tickets.length === 0)
    return html`<p part="tickets-empty" class="hint">${ctx.t("withdrawals.empty")}</p>`;
  const sorted = [...p.tickets].sort((a, b) => a.unlockAt - b.unlockAt);
  const batch = claimBatch(p.tickets);
  const total = batch.reduce((sum, t) => sum + t.aptAmount, 0n);
  return html`<ul part="tickets">
      ${sorted.map((t) => {
        const left = secondsUntil(t.unlockAt, p.nowMs);
        return html`<li part="ticket${t.ready ? " ticket-ready" : ""}" ?data-ready=${t.ready}>
          <span class="big">${ctx.t("withdrawals.ticket", { amount: ctx.amount(t.aptAmount) })}</span>
          ${
            t.ready
              ? html`<span class="ready"><span aria-hidden="true">✓ </span>${ctx.t("withdrawals.ready")}</span>`
              : html`<span class="countdown"
                  >${left > 0 ? ctx.t("withdrawals.pending", { time: ctx.countdown(left) }) : ctx.t("withdrawals.due")}</span
                >`
          }
          <span class="hint ticket-meta"
            >${ctx.t("withdrawals.unlockAt", { date: ctx.dateWithZone(t.unlockAt) })} ·
            <span title=${t.id}>${ctx.t("withdrawals.id", { id: shortHash(t.id) })}</span></span
          >
        </li>`;
      })}
    </ul>
    <button
      part="claim-button primary-button"
      type="button"
      ?disabled=${batch.length === 0 || p.busy}
      @click=${() => p.onClaim(batch)}
    >
      ${
        batch.length === 0
          ? ctx.t("withdrawals.claimNone")
          : ctx.t("withdrawals.claim", { count: batch.length, amount: ctx.amount(total) })
      }
    </button>`;
}
