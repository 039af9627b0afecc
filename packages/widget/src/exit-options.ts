/** Standard versus instant unstake, side by side, with the difference in APT. */
import { html, nothing, type TemplateResult } from "lit";
import type { ProtocolSummary, Quote } from "./backend.ts";
import { bestInstant, compareExits, type ExitComparison } from "./compare.ts";
import type { ViewContext } from "./view-context.ts";

export type ExitPath = "standard" | "instant";

export interface ExitOptionsProps {
  readonly paths: readonly ExitPath[];
  readonly selected: ExitPath;
  readonly standard: Quote | null;
  readonly instant: Quote | null;
  readonly comparison: ExitComparison | null;
  readonly maxDiscountBps: number;
  readonly loading: boolean;
  /** No amount typed yet: say so instead of "no instant route". */
  readonly empty?: boolean;
  readonly standardPaused: boolean;
  readonly onSelect: (path: ExitPath) => void;
}

export function renderExitOptions(ctx: ViewContext, p: ExitOptionsProps): TemplateResult {
  const blocked = p.comparison?.instantBlocked ?? false;
  const card = (path: ExitPath) => {
    const quote = path === "standard" ? p.standard : p.instant;
    const disabled = !quote || (path === "instant" && blocked) || (path === "standard" && p.standardPaused);
    const title = ctx.t(path === "standard" ? "unstake.standard" : "unstake.instant");
    return html`<label part="exit-option exit-option-${path}" ?data-blocked=${disabled} data-path=${path}>
      <span>
        <input
          type="radio"
          name="kofi-exit-path"
          .value=${path}
          .checked=${p.selected === path}
          ?disabled=${disabled}
          @change=${() => p.onSelect(path)}
        />
        <strong>${title}</strong>
      </span>
      ${
        quote
          ? html`<span class="big">${ctx.tokenAmount(quote.amountOut, "APT")}</span>
              ${
                path === "standard"
                  ? html`<span class="hint"
                      >${quote.unlockAt !== undefined ? ctx.t("unstake.standardWhen", { date: ctx.date(quote.unlockAt) }) : ""}</span
                    >`
                  : html`<span class="hint">${ctx.t("unstake.instantWhen", { venue: quote.route?.venue ?? "DEX" })}</span>
                      ${
                        quote.route
                          ? html`<span class="hint"
                                >${ctx.t("unstake.discount")}: ${ctx.bps(quote.route.discountBps)}</span
                              >
                              ${
                                quote.route.priceImpactBps !== undefined
                                  ? html`<span class="hint"
                                      >${ctx.t("unstake.priceImpact")}: ${ctx.bps(quote.route.priceImpactBps)}</span
                                    >`
                                  : nothing
                              }`
                          : nothing
                      }`
              }`
          : html`<span class="hint"
              >${
                p.loading
                  ? ctx.t("quote.loading")
                  : p.empty
                    ? ctx.t("unstake.enterAmount")
                    : path === "instant"
                      ? ctx.t("unstake.noRoute")
                      : "—"
              }</span
            >`
      }
      ${
        path === "instant" && blocked && quote?.route
          ? html`<span part="exit-blocked"
              ><span aria-hidden="true">⚠ </span>${ctx.t("unstake.discountBlocked", {
                percent: ctx.bps(quote.route.discountBps),
                limit: ctx.bps(p.maxDiscountBps),
              })}</span
            >`
          : nothing
      }
      ${path === "standard" && p.standardPaused ? html`<span><span aria-hidden="true">⚠ </span>${ctx.t("paused.withdraw")}</span>` : nothing}
    </label>`;
  };
  const c = p.comparison;
  return html`<fieldset part="exit-choice">
    <legend>${ctx.t("unstake.options")}</legend>
    <div part="exit-options">${p.paths.map(card)}</div>
    ${
      c && p.paths.length === 2 && c.differenceApt !== 0n
        ? html`<p part="exit-difference">
            ${
              c.differenceApt > 0n
                ? ctx.t("unstake.waitGain", {
                    amount: ctx.amount(c.differenceApt, 8),
                    percent: ctx.bps(c.differenceBps),
                  })
                : ctx.t("unstake.instantGain", {
                    amount: ctx.amount(-c.differenceApt, 8),
                    percent: ctx.bps(c.differenceBps),
                  })
            }
            ${c.annualisedBps !== null ? ctx.t("unstake.annualised", { percent: ctx.bps(c.annualisedBps) }) : nothing}
          </p>`
        : nothing
    }
  </fieldset>`;
}

export interface ExitComparisonProps {
  readonly paths: readonly ExitPath[];
  readonly selected: ExitPath;
  /** The standard path's quote (a withdrawal request). */
  readonly standard: Quote | null;
  /** Every venue's instant quote; the best one within the discount limit is offered. */
  readonly instantQuotes: readonly Quote[];
  readonly maxDiscountBps: number;
  readonly protocol: ProtocolSummary | null;
  readonly loading: boolean;
  readonly empty: boolean;
  readonly onSelect: (path: ExitPath) => void;
}

/** The Unstake tab's two paths: the best instant quote compared with the standard one. */
export function renderExitComparison(ctx: ViewContext, p: ExitComparisonProps): TemplateResult {
  const { standard, protocol } = p;
  const instant = bestInstant(p.instantQuotes, p.maxDiscountBps) ?? null;
  const nowSecs = protocol?.nowSecs ?? Math.floor(Date.now() / 1000);
  const comparison = standard && instant ? compareExits(standard, instant, p.maxDiscountBps, nowSecs) : null;
  const instantOnlyBlocked =
    !standard && instant ? (instant.route?.discountBps ?? 0) > p.maxDiscountBps : false;
  return renderExitOptions(ctx, {
    paths: p.paths,
    selected: p.selected,
    standard,
    instant,
    comparison:
      comparison ??
      (instantOnlyBlocked
        ? { differenceApt: 0n, differenceBps: 0, annualisedBps: null, instantBlocked: true }
        : null),
    maxDiscountBps: p.maxDiscountBps,
    loading: p.loading,
    empty: p.empty,
    standardPaused: !!protocol?.paused.withdraw,
    onSelect: p.onSelect,
  });
}
