/** Position and protocol summary. */
import { html, nothing, type TemplateResult } from "lit";
import { formatFraction } from "./amount.ts";
import type { Position, ProtocolSummary } from "./backend.ts";
import { formatDays } from "./countdown.ts";
import type { ViewContext } from "./view-context.ts";

export function renderPosition(ctx: ViewContext, position: Position | null): TemplateResult | typeof nothing {
  if (!position) return nothing;
  const pending = position.tickets.reduce((sum, t) => sum + t.aptAmount, 0n);
  return html`<section aria-labelledby="kofi-position-title">
    <h3 id="kofi-position-title" part="section-title">${ctx.t("position.title")}</h3>
    <dl part="summary position">
      <dt>${ctx.t("position.apt")}</dt>
      <dd>${ctx.amount(position.apt)}</dd>
      <dt>${ctx.t("position.kapt")}</dt>
      <dd>${ctx.amount(position.kapt)}</dd>
      <dt>${ctx.t("position.stkapt")}</dt>
      <dd>${ctx.amount(position.stkapt)}</dd>
      <dt>${ctx.t("position.stkaptValue")}</dt>
      <dd>${ctx.tokenAmount(position.stkaptValueKapt, "kAPT")}</dd>
      <dt>${ctx.t("position.pending")}</dt>
      <dd>${ctx.tokenAmount(pending, "APT")}</dd>
    </dl>
  </section>`;
}

export function renderProtocol(
  ctx: ViewContext,
  protocol: ProtocolSummary | null,
): TemplateResult | typeof nothing {
  if (!protocol) return nothing;
  return html`<section aria-labelledby="kofi-protocol-title">
    <h3 id="kofi-protocol-title" part="section-title">${ctx.t("protocol.title")}</h3>
    <dl part="summary protocol">
      <dt>${ctx.t("protocol.rate")}</dt>
      <dd>
        ${ctx.t("quote.rateValue", {
          rate: formatFraction(protocol.rate.numerator, protocol.rate.denominator, ctx.locale),
        })}
      </dd>
      <dt>${ctx.t("protocol.apr")}</dt>
      <dd>${protocol.aprBps === null ? ctx.t("protocol.unknown") : ctx.bps(protocol.aprBps)}</dd>
      <dt>${ctx.t("protocol.fee")}</dt>
      <dd>${ctx.bps(protocol.feeBps)}</dd>
      <dt>${ctx.t("protocol.tvl")}</dt>
      <dd>${ctx.tokenAmount(protocol.totalStakedApt, "APT", 0)}</dd>
      <dt>${ctx.t("protocol.lockup")}</dt>
      <dd>${formatDays(protocol.lockupSecs, ctx.locale)}</dd>
    </dl>
  </section>`;
}
