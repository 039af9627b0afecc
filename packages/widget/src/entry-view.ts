/**
 * The Stake (deposit) tab's venue comparison (issue 15), shown under the mint quote the way Unstake compares exits:
 * what the same APT buys on each configured venue, and how that compares with minting. The router runs in the
 * lazily loaded SDK chunk; this view is only text, and a chunk of its own too: `QuoteController` imports it the
 * first time venues quote, so the visitor's eager `kofi-stake.js` (the lean path never quotes venues) does not
 * carry it.
 */
import type * as LitModule from "lit";
import type { TemplateResult } from "lit";
import type { EntryRoute } from "./backend.ts";
import type { ViewContext } from "./view-context.ts";

/**
 * lit's `html` and `nothing`, handed in by the caller rather than imported: a lazy chunk that imports lit makes the
 * bundler move lit out of the eager `kofi-stake.js` into a shared chunk of its own (a Vite library build keeps the
 * entry's exports strict, so the entry cannot export lit to its chunks), which would cost every visitor one more
 * script and most of what this split saves (measured: 29,263 B over 5 scripts against 29,351 B over 4).
 */
export interface Lit {
  readonly html: typeof LitModule.html;
  readonly nothing: typeof LitModule.nothing;
}

export function renderEntryComparison(
  lit: Lit,
  ctx: ViewContext,
  entries: readonly EntryRoute[],
  /** The route picked (`mint` or a venue id) and how to pick one: the venues become a radio group with the mint. */
  choice?: {
    readonly selected: string;
    readonly onSelect: (route: string) => void;
    readonly disabled: boolean;
  },
): TemplateResult | Lit["nothing"] {
  // A venue that gave no quote this time (timed out, failed, no route) has nothing to compare.
  entries = entries.filter((e) => e.unavailable === undefined);
  // `lit.nothing`, not a destructured copy: a binding would widen its `unique symbol` type to `symbol`.
  if (entries.length === 0) return lit.nothing;
  const { html } = lit;
  if (choice) return renderEntryChoice(html, ctx, entries, choice);
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
  html: Lit["html"],
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
