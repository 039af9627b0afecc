/** The quote summary shown under the amount: what you receive, the minimum, the fee and the rate. */
import { html, nothing, type TemplateResult } from "lit";
import type { Fraction, Quote } from "./backend.ts";
import type { ViewContext } from "./view-context.ts";

export function renderQuote(
  ctx: ViewContext,
  quote: Quote | null,
  loading: boolean,
  rate: Fraction | undefined,
): TemplateResult | typeof nothing {
  if (loading && !quote) return html`<p part="quote-loading" class="hint">${ctx.t("quote.loading")}</p>`;
  if (!quote) return nothing;
  return html`<dl part="quote" aria-busy=${loading ? "true" : "false"}>
    <dt>${ctx.t("quote.receive")}</dt>
    <dd class="big">${ctx.tokenAmount(quote.amountOut, quote.tokenOut)}</dd>
    ${
      // A fixed amount (kAPT 1:1, a ticket) has no slippage: no "minimum received" to show.
      quote.minOut < quote.amountOut
        ? html`<dt>${ctx.t("quote.minReceived")}</dt>
            <dd>${ctx.tokenAmount(quote.minOut, quote.tokenOut)}</dd>`
        : nothing
    }
    ${
      quote.fee > 0n
        ? html`<dt>${ctx.t("quote.fee")}</dt>
            <dd>${ctx.tokenAmount(quote.fee, quote.tokenIn)}</dd>`
        : nothing
    }
    ${
      rate
        ? html`<dt>${ctx.t("quote.rate")}</dt>
            <dd>${ctx.t("quote.rateValue", { rate: ctx.rate(rate) })}</dd>`
        : nothing
    }
  </dl>`;
}
