/** The amount input: strict text input (never type=number), balance, Max, and the inline problem. */
import { html, nothing, type TemplateResult } from "lit";
import { type AmountIssue, DECIMALS, type ParseResult } from "./amount.ts";
import type { Token } from "./backend.ts";
import type { ViewContext } from "./view-context.ts";

export interface AmountFieldProps {
  readonly id: string;
  readonly token: Token;
  readonly text: string;
  readonly parsed: ParseResult;
  readonly issue: AmountIssue | null;
  readonly balance?: bigint;
  /** What Max fills in; absent hides Max. */
  readonly max?: bigint;
  readonly disabled?: boolean;
  readonly onInput: (text: string) => void;
  readonly onMax: () => void;
}

/** The message for what is wrong with the typed amount, or null. Empty input is not an error. */
export function amountProblem(
  ctx: ViewContext,
  props: Pick<AmountFieldProps, "parsed" | "issue" | "token"> & { readonly text?: string },
): string | null {
  const { parsed, issue, token } = props;
  if (!parsed.ok) {
    if (parsed.reason === "empty") return null;
    if (parsed.reason === "too_many_decimals")
      return ctx.t("amount.too_many_decimals", { decimals: DECIMALS });
    // "-5" is a number, just not one you can stake: say that rather than "not a number".
    if (/^\s*[-−]\s*\d/.test(props.text ?? "")) return ctx.t("amount.negative");
    return ctx.t("amount.invalid");
  }
  if (!issue) return null;
  switch (issue.kind) {
    case "zero":
      return ctx.t("amount.zero");
    case "below_minimum":
      return ctx.t("amount.below_minimum", { amount: ctx.amount(issue.minimum, 8), token });
    case "over_balance":
      return ctx.t("amount.over_balance", { amount: ctx.amount(issue.balance, 8), token });
    case "gas_reserve":
      return ctx.t("amount.gas_reserve", { amount: ctx.amount(issue.reserve, 8) });
  }
}

export function renderAmountField(ctx: ViewContext, props: AmountFieldProps): TemplateResult {
  const problem = amountProblem(ctx, props);
  const errorId = `${props.id}-error`;
  const balanceId = `${props.id}-balance`;
  return html`<div part="amount">
    <label for=${props.id}>${ctx.t("amount.label", { token: props.token })}</label>
    <div class="amount-row">
      <input
        part="amount-input"
        id=${props.id}
        type="text"
        inputmode="decimal"
        autocomplete="off"
        spellcheck="false"
        placeholder="0"
        dir="ltr"
        .value=${props.text}
        ?disabled=${props.disabled}
        aria-invalid=${problem ? "true" : "false"}
        aria-describedby=${problem ? `${errorId} ${balanceId}` : balanceId}
        @input=${(e: Event) => props.onInput((e.target as HTMLInputElement).value)}
      />
      ${
        props.max !== undefined
          ? html`<button
              part="max-button button"
              type="button"
              ?disabled=${props.disabled || props.max <= 0n}
              aria-label=${ctx.t("amount.maxLabel", { amount: ctx.amount(props.max, 8), token: props.token })}
              @click=${props.onMax}
            >
              ${ctx.t("amount.max")}
            </button>`
          : nothing
      }
    </div>
    <span class="hint" id=${balanceId} part="balance"
      >${props.balance !== undefined ? ctx.t("amount.balance", { amount: ctx.amount(props.balance), token: props.token }) : ""}</span
    >
    ${
      problem
        ? html`<p part="field-error" id=${errorId}><span class="icon" aria-hidden="true">⚠ </span>${problem}</p>`
        : nothing
    }
  </div>`;
}
