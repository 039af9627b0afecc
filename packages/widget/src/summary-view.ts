/** Position and protocol summary. */
import { html, nothing, type TemplateResult } from "lit";
import type { Position, ProtocolSummary } from "./backend.ts";
import { formatDays } from "./countdown.ts";
import type { MessageKey } from "./i18n.ts";
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

/** The APR, or why there is none yet (never an implausible figure: `protocolApr` in @kofi/core decides). */
export function aprText(ctx: ViewContext, protocol: ProtocolSummary): string {
  const apr = protocol.apr;
  if (apr?.status === "available") return ctx.bps(apr.bps);
  if (apr?.status === "unavailable") {
    const key = `protocol.aprNone.${apr.reason}` as MessageKey;
    const text = ctx.t(key);
    return text === key ? ctx.t("protocol.aprNone.other") : text;
  }
  // A backend that predates `apr`: its figure, or "not available yet".
  return protocol.aprBps === null ? ctx.t("protocol.aprNone.other") : ctx.bps(protocol.aprBps);
}

/** Rate, APR and TVL in one line: shown on the Stake tab before any wallet is connected. */
export function renderFacts(
  ctx: ViewContext,
  protocol: ProtocolSummary | null,
  loading: boolean,
): TemplateResult {
  if (!protocol)
    return html`<p part="facts" class="hint" aria-busy=${loading ? "true" : "false"}>
      ${loading ? ctx.t("protocol.loading") : nothing}
    </p>`;
  return html`<dl part="facts" aria-label=${ctx.t("facts.label")}>
    <dt>${ctx.t("protocol.rate")}</dt>
    <dd part="rate">${ctx.t("quote.rateValue", { rate: ctx.rate(protocol.rate) })}</dd>
    <dt>${ctx.t("protocol.apr")}</dt>
    <dd part="apr">${aprText(ctx, protocol)}</dd>
    <dt>${ctx.t("protocol.tvl")}</dt>
    <dd>${ctx.tokenAmount(protocol.totalStakedApt, "APT", 0)}</dd>
  </dl>`;
}

export function renderProtocol(
  ctx: ViewContext,
  protocol: ProtocolSummary | null,
  loading = false,
): TemplateResult | typeof nothing {
  if (!protocol)
    return loading
      ? html`<section aria-labelledby="kofi-protocol-title" aria-busy="true">
          <h3 id="kofi-protocol-title" part="section-title">${ctx.t("protocol.title")}</h3>
          <p part="protocol-loading" class="hint">${ctx.t("protocol.loading")}</p>
        </section>`
      : nothing;
  return html`<section aria-labelledby="kofi-protocol-title">
    <h3 id="kofi-protocol-title" part="section-title">${ctx.t("protocol.title")}</h3>
    <dl part="summary protocol">
      <dt>${ctx.t("protocol.rate")}</dt>
      <dd>
        ${ctx.t("quote.rateValue", { rate: ctx.rate(protocol.rate) })}
      </dd>
      <dt>${ctx.t("protocol.apr")}</dt>
      <dd part="apr">${aprText(ctx, protocol)}</dd>
      <dt>${ctx.t("protocol.fee")}</dt>
      <dd>${ctx.bps(protocol.feeBps)}</dd>
      <dt>${ctx.t("protocol.tvl")}</dt>
      <dd>${ctx.tokenAmount(protocol.totalStakedApt, "APT", 0)}</dd>
      <dt>${ctx.t("protocol.lockup")}</dt>
      <dd>${formatDays(protocol.lockupSecs, ctx.locale)}</dd>
    </dl>
  </section>`;
}
