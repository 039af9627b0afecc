/**
 * The Stake (deposit) tab's venue comparison (issue 15), shown under the mint quote the way Unstake compares exits:
 * what the same APT buys on each configured venue, and how that compares with minting. The router runs in the
 * lazily loaded SDK chunk; this view is only text.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { EntryRoute } from "./backend.ts";
import type { ViewContext } from "./view-context.ts";

export function renderEntryComparison(
  ctx: ViewContext,
  entries: readonly EntryRoute[],
  /** The route picked (`mint` or a venue id) and how to pick one: the venues become a radio group with the mint. */
  choice?: {
    readonly selected: string;
    readonly onSelect: (route: string) => void;
    readonly disabled: boolean;
  },
): TemplateResult | typeof nothing {
  // A venue that gave no quote this time (timed out, failed, no route) has nothing to compare.
  entries = entries.filter((e) => e.unavailable === undefined);
  if (entries.length === 0) return nothing;
  if (choice) return renderEntryChoice(ctx, entries, choice);
  return html`<section part="entry-options" aria-labelledby="kofi-entry-title">
    <h3 id="kofi-entry-title" part="section-title">${ctx.t("deposit.venues")}</h3>
    <ul class="entries">
      ${entries.map((e) => {
        const bps = e.vsMintBps;
        const verdict =
          bps === null
            ? ""
            : ctx.t(bps > 0 ? "deposit.venueMore" : bps < 0 ? "deposit.venueLess" : "deposit.venueSame", {
                percent: ctx.bps(Math.abs(bps)),
              });
        return html`<li part="entry-option">
          ${ctx.t("deposit.venue", { venue: e.venue, amount: ctx.tokenAmount(e.amountOut, e.tokenOut, 8) })}
          ${verdict}
        </li>`;
      })}
    </ul>
    <p class="hint">${ctx.t("deposit.venueHint")}</p>
  </section>`;
}

function verdictOf(ctx: ViewContext, e: EntryRoute): string {
  const bps = e.vsMintBps;
  return bps === null
    ? ""
    : ctx.t(bps > 0 ? "deposit.venueMore" : bps < 0 ? "deposit.venueLess" : "deposit.venueSame", {
        percent: ctx.bps(Math.abs(bps)),
      });
}

/** Mint or buy, as native radios in a fieldset (arrow keys, labels), the way Unstake offers its exits. */
function renderEntryChoice(
  ctx: ViewContext,
  entries: readonly EntryRoute[],
  choice: {
    readonly selected: string;
    readonly onSelect: (route: string) => void;
    readonly disabled: boolean;
  },
): TemplateResult {
  const radio = (value: string, disabled: boolean) =>
    html`<input
      type="radio"
      name="kofi-entry-route"
      .value=${value}
      .checked=${choice.selected === value}
      ?disabled=${disabled || choice.disabled}
      @change=${() => choice.onSelect(value)}
    />`;
  return html`<fieldset part="entry-options">
    <legend part="section-title">${ctx.t("deposit.venues")}</legend>
    <label part="entry-option-mint">${radio("mint", false)} ${ctx.t("deposit.mint")}</label>
    ${entries.map(
      (e) => html`<label part="entry-option entry-option-buy" data-venue=${e.id ?? e.venue}>
        ${radio(e.id ?? e.venue, !e.quote)}
        ${ctx.t("deposit.venue", { venue: e.venue, amount: ctx.tokenAmount(e.amountOut, e.tokenOut, 8) })}
        ${verdictOf(ctx, e)}
      </label>`,
    )}
  </fieldset>`;
}
