/**
 * The amount tabs (Stake, Convert, Unstake): what the tokens become, the amount field, the quote (with the
 * venues to buy on, on Stake) or the standard-versus-instant comparison (Unstake), and Review (or Connect).
 */
import { html, nothing, type TemplateResult } from "lit";
import { renderAmountField } from "./amount-field.ts";
import type { AmountState } from "./amount-state.ts";
import type { AccountInfo, ProtocolSummary, Quote } from "./backend.ts";
import { renderChoiceGroup } from "./choice-group.ts";
import { hasEntryComparison, type QuoteController } from "./controllers/quote-controller.ts";
import { renderError, renderNotice } from "./error-view.ts";
import { renderQuote } from "./quote-view.ts";
import { renderFacts } from "./summary-view.ts";
import type { ViewContext } from "./view-context.ts";

export type AmountTab = "deposit" | "stake" | "unstake";

/** The form's choices on the amount tabs. */
export interface AmountForm {
  readonly depositTo: "kAPT" | "stkAPT";
  readonly stakeDirection: "stake" | "unstake";
  readonly unstakeFrom: "kAPT" | "stkAPT";
  readonly amountText: string;
  /** Stake tab: `mint` or the venue to buy on. */
  readonly entryRoute: string;
}

export interface AmountTabProps {
  readonly tab: AmountTab;
  readonly form: AmountForm;
  readonly amount: AmountState;
  readonly quotes: QuoteController;
  /** The quote Review would open (see the element's `selectedQuote`). */
  readonly quote: Quote | null;
  readonly protocol: ProtocolSummary | null;
  readonly protocolLoaded: boolean;
  readonly account: AccountInfo | null;
  readonly signing: boolean;
  /** The paused protocol action this tab would use (a notice, and Review disabled). */
  readonly paused: "deposit" | "stake" | "unstake" | "withdraw" | null;
  /** Something other than the form blocks Review: the wallet's network, or a blocked instant exit. */
  readonly otherwiseBlocked: boolean;
  /** Unstake tab: standard versus instant. */
  readonly exitComparison: () => TemplateResult;
  readonly onDepositTo: (to: "kAPT" | "stkAPT") => void;
  readonly onStakeDirection: (direction: "stake" | "unstake") => void;
  readonly onUnstakeFrom: (from: "kAPT" | "stkAPT") => void;
  readonly onAmountInput: (text: string) => void;
  readonly onMax: () => void;
  readonly onEntryRoute: (route: string) => void;
  readonly onReview: (quote: Quote) => void;
  readonly onConnect: () => void;
}

/** What the tokens become: deposit to kAPT or stkAPT, convert either way, unstake from either. */
function renderDirectionChoice(ctx: ViewContext, p: AmountTabProps): TemplateResult {
  const { form } = p;
  if (p.tab === "deposit")
    return renderChoiceGroup(
      "kofi-deposit-to",
      ctx.t("stake.receive"),
      [
        { value: "stkAPT", label: ctx.t("stake.toStkapt") },
        { value: "kAPT", label: ctx.t("stake.toKapt") },
      ],
      form.depositTo,
      p.onDepositTo,
    );
  if (p.tab === "stake")
    return renderChoiceGroup(
      "kofi-stake-direction",
      ctx.t("convert.direction"),
      [
        { value: "stake", label: ctx.t("convert.toStkapt") },
        { value: "unstake", label: ctx.t("convert.toKapt") },
      ],
      form.stakeDirection,
      p.onStakeDirection,
    );
  return renderChoiceGroup(
    "kofi-unstake-from",
    ctx.t("unstake.from"),
    [
      { value: "stkAPT", label: "stkAPT" },
      { value: "kAPT", label: "kAPT" },
    ],
    form.unstakeFrom,
    p.onUnstakeFrom,
  );
}

/**
 * Stake tab: mint or buy. The view is a lazy chunk (`QuoteController.entryView`); until it has loaded, an empty
 * busy placeholder stands where the comparison will be.
 */
function renderEntries(ctx: ViewContext, p: AmountTabProps): TemplateResult | typeof nothing {
  const { quotes, quote } = p;
  if (quotes.entryView)
    return quotes.entryView.renderEntryComparison({ html, nothing }, ctx, quotes.entries, {
      selected: quote?.request.action === "buy" ? p.form.entryRoute : "mint",
      disabled: p.signing,
      onSelect: p.onEntryRoute,
    });
  return hasEntryComparison(quotes.entries)
    ? html`<div class="entry-pending" aria-busy="true"></div>`
    : nothing;
}

export function renderAmountTab(ctx: ViewContext, p: AmountTabProps): TemplateResult {
  const { amount: s, quotes, quote, account, paused } = p;
  const choice = renderDirectionChoice(ctx, p);
  const field = renderAmountField(ctx, {
    id: `kofi-amount-${p.tab}`,
    token: s.token,
    text: p.form.amountText,
    parsed: s.parsed,
    issue: s.issue,
    disabled: p.signing,
    ...(s.balance !== undefined ? { balance: s.balance } : {}),
    ...(s.max !== undefined ? { max: s.max } : {}),
    onInput: p.onAmountInput,
    onMax: p.onMax,
  });
  const body =
    p.tab === "unstake"
      ? p.exitComparison()
      : html`${renderQuote(ctx, quote, quotes.loading, p.protocol?.rate)}${
          p.tab === "deposit" && !quotes.loading ? renderEntries(ctx, p) : nothing
        }`;
  const blocked =
    !account ||
    !s.parsed.ok ||
    s.issue !== null ||
    !quote ||
    quotes.loading ||
    paused !== null ||
    p.otherwiseBlocked;
  return html`${p.tab === "deposit" ? renderFacts(ctx, p.protocol, p.protocolLoaded) : nothing}
      ${choice}
      ${paused ? renderNotice(ctx.t(`paused.${paused}`), "paused") : nothing} ${field} ${body}
      ${quotes.error ? renderError(ctx, quotes.error, { onRetry: () => quotes.schedule() }) : nothing}
      ${
        account
          ? html`<button
              part="review-button primary-button"
              type="button"
              ?disabled=${blocked}
              @click=${() => quote && p.onReview(quote)}
            >
              ${ctx.t("action.review")}
            </button>`
          : html`<button part="connect-button primary-button" type="button" @click=${p.onConnect}>
              ${ctx.t("wallet.connect")}
            </button>`
      }`;
}
