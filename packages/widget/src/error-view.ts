/** Errors and notices: an icon, the message and the code in text, so colour is never the only signal. */
import { html, nothing, type TemplateResult } from "lit";
import type { KofiErrorLike } from "./backend.ts";
import type { MessageKey } from "./i18n.ts";
import type { ViewContext } from "./view-context.ts";

/** The translated message for an error code; the raw message for unknown codes. */
export function errorMessage(
  ctx: ViewContext,
  error: KofiErrorLike,
  params?: Readonly<Record<string, string | number>>,
): string {
  // A Move abort the user can act on gets its own sentence; the code stays the SDK's.
  if (error.abort?.name) {
    const abortKey = `abort.${error.abort.name}` as MessageKey;
    const abortText = ctx.t(abortKey, params);
    if (abortText !== abortKey) return abortText;
  }
  const key = `error.${error.code}` as MessageKey;
  const text = ctx.t(key, params);
  if (text !== key) return text;
  return error.message || ctx.t("error.unknown");
}

export function renderError(
  ctx: ViewContext,
  error: KofiErrorLike,
  options: { onRetry?: () => void; params?: Readonly<Record<string, string | number>> } = {},
): TemplateResult {
  const abort = error.abort?.name
    ? ` (${error.abort.module ? `${error.abort.module}::` : ""}${error.abort.name})`
    : "";
  return html`<div part="error" role="alert" data-code=${error.code}>
    <span class="icon" aria-hidden="true">✕</span>
    <p><strong>${ctx.t("error.title")}:</strong> ${errorMessage(ctx, error, options.params)}</p>
    ${
      // The user's own cancel needs no support code; every other error keeps its code in text.
      error.code === "user_rejected"
        ? nothing
        : html`<p class="code">${ctx.t("error.code", { code: error.code })}${abort}</p>`
    }
    ${
      options.onRetry
        ? html`<div class="actions">
            <button part="retry-button button" type="button" @click=${options.onRetry}>${ctx.t("action.retry")}</button>
          </div>`
        : nothing
    }
  </div>`;
}

export function renderNotice(text: string, code?: string): TemplateResult {
  return html`<div part="notice" role="note" data-code=${code ?? nothing}>
    <span class="icon" aria-hidden="true">!</span>
    <p>${text}</p>
  </div>`;
}
