/** The quote summary shown under the amount: what you receive, the minimum, the fee and the rate. */
import { html, nothing, type TemplateResult } from "lit";
import { formatFraction } from "./amount.ts";
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
    <dt>${ctx.t("quote.minReceived")}</dt>
    <dd>${ctx.tokenAmount(quote.minOut, quote.tokenOut)}</dd>
    ${
      quote.fee > 0n
        ? html`<dt>${ctx.t("quote.fee")}</dt>
            <dd>${ctx.tokenAmount(quote.fee, quote.tokenIn)}</dd>`
        : nothing
    }
    ${
      rate
        ? html`<dt>${ctx.t("quote.rate")}</dt>
            <dd>${ctx.t("quote.rateValue", { rate: formatFraction(rate.numerator, rate.denominator, ctx.locale) })}</dd>`
        : nothing
    }
  </dl>`;
}
