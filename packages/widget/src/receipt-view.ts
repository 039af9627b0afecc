/**
 * The two panels around a signature: while the wallet prompt is open (nothing editable: the amount cannot
 * change under a pending signature), and the receipt once confirmed (amounts in and out, tickets with their id
 * and unlock date in the viewer's time zone, the hash with an explorer link).
 */
import { html, nothing, type TemplateResult } from "lit";
import type { Quote, ReceiptTicket } from "./backend.ts";
import { shortHash } from "./status.ts";
import type { ViewContext } from "./view-context.ts";

/** The explorer URL for a hash: `template` with `{hash}` replaced, or null when there is no explorer. */
export function explorerLink(template: string | null, hash: string): string | null {
  if (!template) return null;
  return template.includes("{hash}") ? template.replaceAll("{hash}", hash) : null;
}

/** The Aptos explorer for the public networks; none for a local chain unless the host sets one. */
export function defaultExplorer(network: string): string | null {
  const n = network.trim().toLowerCase();
  return n === "mainnet" || n === "testnet" || n === "devnet"
    ? `https://explorer.aptoslabs.com/txn/{hash}?network=${n}`
    : null;
}

function hashView(ctx: ViewContext, hash: string, explorer: string | null): TemplateResult {
  const href = explorerLink(explorer, hash);
  return href
    ? html`<a part="explorer-link" href=${href} target="_blank" rel="noopener noreferrer" title=${hash}
        >${shortHash(hash)}<span class="visually-hidden"> ${ctx.t("receipt.opensExplorer")}</span></a
      >`
    : html`<code title=${hash}>${shortHash(hash)}</code>`;
}

/** While signing and submitting: what is being signed, read-only; no control can change it. */
export function renderPending(
  ctx: ViewContext,
  p: {
    readonly quote: Quote;
    readonly stage: string;
    readonly hash?: string;
    readonly explorer: string | null;
  },
): TemplateResult {
  const q = p.quote;
  return html`<section part="pending" aria-labelledby="kofi-pending-title" aria-busy="true">
    <h3 id="kofi-pending-title" part="section-title">
      ${ctx.t(p.stage === "sign" || p.stage === "quote" ? "pending.sign" : "pending.submitted")}
    </h3>
    <dl part="review-details">
      <dt>${ctx.t("review.pay")}</dt>
      <dd>${ctx.tokenAmount(q.amountIn, q.tokenIn, 8)}</dd>
      <dt>${ctx.t("review.receive")}</dt>
      <dd>${ctx.tokenAmount(q.amountOut, q.tokenOut, 8)}</dd>
      ${p.hash ? html`<dt>${ctx.t("receipt.transaction")}</dt><dd>${hashView(ctx, p.hash, p.explorer)}</dd>` : nothing}
    </dl>
    <p class="hint">${ctx.t("pending.locked")}</p>
  </section>`;
}

export interface ReceiptProps {
  readonly quote: Quote;
  readonly hash: string;
  /** From the transaction's events; absent: the quote's amount, labelled as expected. */
  readonly amountOut?: bigint;
  readonly tickets?: readonly ReceiptTicket[];
  readonly explorer: string | null;
  readonly onDone: () => void;
}

/** The success panel: a receipt, not just "Confirmed". */
export function renderReceipt(ctx: ViewContext, p: ReceiptProps): TemplateResult {
  const q = p.quote;
  const action = q.request.action;
  const tickets = p.tickets ?? [];
  return html`<section part="success" aria-labelledby="kofi-success-title">
      <h3 id="kofi-success-title" part="section-title" tabindex="-1">
        <span aria-hidden="true">✓ </span>${ctx.t(`receipt.title.${action}`)}
      </h3>
      <dl part="receipt">
        <dt>${ctx.t("receipt.paid")}</dt>
        <dd>${ctx.tokenAmount(q.amountIn, q.tokenIn, 8)}</dd>
        <dt>${ctx.t(p.amountOut !== undefined ? "receipt.received" : "receipt.expected")}</dt>
        <dd>${ctx.tokenAmount(p.amountOut ?? q.amountOut, q.tokenOut, 8)}</dd>
        ${tickets.map(
          (t) => html`<dt>${ctx.t("receipt.ticket")}</dt>
            <dd><code title=${t.id}>${shortHash(t.id)}</code></dd>
            <dt>${ctx.t("receipt.unlocks")}</dt>
            <dd>${ctx.dateWithZone(t.unlockAt)}</dd>`,
        )}
        ${
          tickets.length === 0 && q.unlockAt !== undefined
            ? html`<dt>${ctx.t("receipt.unlocks")}</dt><dd>${ctx.dateWithZone(q.unlockAt)}</dd>`
            : nothing
        }
        <dt>${ctx.t("receipt.transaction")}</dt>
        <dd>${hashView(ctx, p.hash, p.explorer)}</dd>
      </dl>
    </section>
    <button part="done-button primary-button" type="button" @click=${p.onDone}>${ctx.t("action.done")}</button>`;
}
