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
): TemplateResult | typeof nothing {
  // A venue that gave no quote this time (timed out, failed, no route) has nothing to compare.
  entries = entries.filter((e) => e.unavailable === undefined);
  if (entries.length === 0) return nothing;
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
