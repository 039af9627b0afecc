/** The review-before-signing panel: the exact entry function, its arguments, amounts and the simulation. */
import type { Sponsor } from "@kofi/core";
import { html, nothing, type TemplateResult } from "lit";
import type { Quote, Simulation } from "./backend.ts";
import { errorMessage } from "./error-view.ts";
import type { ViewContext } from "./view-context.ts";

/** An argument as text: bigints and numbers verbatim, vectors bracketed. */
export function formatArgument(arg: string | bigint | boolean | readonly string[]): string {
  if (Array.isArray(arg)) return `[${arg.join(", ")}]`;
  return String(arg);
}

/** Who pays a sponsored fee, for the review: the sponsor's `name`, else the page's host name. */
export function sponsorName(sponsor: Sponsor): string {
  if (typeof sponsor === "object" && sponsor.name) return sponsor.name;
  return typeof location !== "undefined" && location.hostname ? location.hostname : "this site";
}

export interface ReviewProps {
  readonly quote: Quote;
  readonly simulation: Simulation | null;
  readonly previous?: Quote;
  /** Sponsored: who pays the network fee (the user pays none). */
  readonly sponsoredBy?: string;
  readonly canConfirm: boolean;
  readonly onConfirm: () => void;
  readonly onBack: () => void;
}

export function renderReview(ctx: ViewContext, p: ReviewProps): TemplateResult {
  const q = p.quote;
  const sim = p.simulation;
  return html`<section part="review" aria-labelledby="kofi-review-title">
    <h3 id="kofi-review-title" tabindex="-1">${ctx.t("review.title")}</h3>
    ${
      p.previous
        ? html`<div part="notice" role="alert" data-code="quote_worsened">
            <span class="icon" aria-hidden="true">!</span>
            <p>
              ${ctx.t("review.worsened", {
                amount: ctx.amount(q.amountOut, 8),
                token: q.tokenOut,
                previous: ctx.tokenAmount(p.previous.amountOut, q.tokenOut, 8),
              })}
            </p>
          </div>`
        : nothing
    }
    <dl part="review-details">
      <dt>${ctx.t("review.function")}</dt>
      <dd><code part="entry-function">${q.payload.function}</code></dd>
      <dt>${ctx.t("review.arguments")}</dt>
      <dd><code>${q.payload.functionArguments.map(formatArgument).join(", ")}</code></dd>
      <dt>${ctx.t("review.pay")}</dt>
      <dd>${ctx.tokenAmount(q.amountIn, q.tokenIn, 8)}</dd>
      ${
        q.request.action === "buy" && q.route
          ? html`<dt>${ctx.t("review.route")}</dt>
              <dd part="review-route">${q.route.venue}</dd>
              ${
                q.route.feeIn !== undefined
                  ? html`<dt>${ctx.t("review.venueFee")}</dt>
                      <dd>${ctx.tokenAmount(q.route.feeIn, q.tokenIn, 8)}</dd>`
                  : nothing
              }`
          : nothing
      }
      <dt>${ctx.t("review.receive")}</dt>
      <dd>${ctx.tokenAmount(q.amountOut, q.tokenOut, 8)}</dd>
      ${
        q.minOut < q.amountOut
          ? html`<dt>${ctx.t("review.minReceived")}</dt>
              <dd>${ctx.tokenAmount(q.minOut, q.tokenOut, 8)}</dd>`
          : nothing
      }
      ${
        q.unlockAt !== undefined
          ? html`<dt>${ctx.t("review.unlock")}</dt>
              <dd>${ctx.dateWithZone(q.unlockAt)}</dd>`
          : nothing
      }
      ${
        p.sponsoredBy !== undefined
          ? html`<dt>${ctx.t("review.fee")}</dt>
              <dd part="fee-sponsored">${ctx.t("review.feeSponsored", { site: p.sponsoredBy })}</dd>`
          : sim && !sim.skipped
            ? html`<dt>${ctx.t("review.gas")}</dt>
                <dd>${ctx.tokenAmount(sim.feeOctas, "APT", 8)}</dd>`
            : nothing
      }
    </dl>
    <p part="simulation" data-state=${sim === null ? "loading" : sim.skipped ? "skipped" : sim.success ? "ok" : "failed"}>
      ${
        sim === null
          ? ctx.t("review.simulating")
          : sim.success && sim.skipped
            ? ctx.t("review.simSkipped")
            : sim.success
              ? html`<span aria-hidden="true">✓ </span>${ctx.t("review.simOk")}`
              : html`<span aria-hidden="true">✕ </span>${ctx.t("review.simFailed")}
                ${sim.error ? html` ${errorMessage(ctx, sim.error)} (${sim.error.code})` : nothing}`
      }
    </p>
    <div class="actions">
      <button part="back-button button" type="button" @click=${p.onBack}>${ctx.t("action.back")}</button>
      <button part="confirm-button primary-button" type="button" ?disabled=${!p.canConfirm} @click=${p.onConfirm}>
        ${ctx.t("action.confirm")}
      </button>
    </div>
  </section>`;
}
