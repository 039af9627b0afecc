/**
 * The tab panel around the form: the wallet picker, or the transaction flow (review, error, pending,
 * receipt) when one is under way, else the load problems and the selected tab's content; and the status line.
 */
import type { Sponsor } from "@kofi/core";
import { html, nothing, type TemplateResult } from "lit";
import type { AccountInfo } from "./backend.ts";
import type { ChainController } from "./controllers/chain-controller.ts";
import type { TransactionController } from "./controllers/transaction-controller.ts";
import type { WalletController } from "./controllers/wallet-controller.ts";
import { renderError } from "./error-view.ts";
import { widgetError } from "./errors.ts";
import { canConfirm } from "./flow.ts";
import type { WrongNetwork } from "./network-match.ts";
import { renderPending, renderReceipt } from "./receipt-view.ts";
import { renderReview, sponsorName } from "./review.ts";
import { statusText } from "./status.ts";
import { renderPosition, renderProtocol } from "./summary-view.ts";
import type { TabId } from "./tabs.ts";
import type { ViewContext } from "./view-context.ts";
import { renderPicker } from "./wallet-view.ts";
import { renderWithdrawals } from "./withdrawals-view.ts";

export interface PanelProps {
  readonly wallets: WalletController;
  readonly tx: TransactionController;
  readonly chain: ChainController;
  /** The expected network (the `network` attribute), shown when the backend names none. */
  readonly network: string;
  readonly wrongNetwork: WrongNetwork | null;
  readonly explorer: string | null;
  readonly sponsor: Sponsor | undefined;
  readonly onRetryLoad: () => void;
  /** The selected tab's content, when neither the picker nor a transaction takes the panel. */
  readonly tabContent: () => TemplateResult | typeof nothing;
}

export function renderStatus(ctx: ViewContext, tx: TransactionController): TemplateResult {
  const text = statusText(ctx, tx.flow, tx.recovering);
  return html`<div part="status" role="status" aria-live="polite" aria-atomic="true" ?data-empty=${text === ""}>
      ${text}
    </div>`;
}

export function renderPanel(ctx: ViewContext, p: PanelProps): TemplateResult | typeof nothing {
  const { tx, wallets } = p;
  const flow = tx.flow;
  if (wallets.picker && !wallets.account)
    return renderPicker(ctx, {
      picker: wallets.picker,
      connecting: wallets.connecting,
      onPick: (name) => void wallets.pick(name),
      onCancel: () => wallets.closePicker(),
    });
  if (flow.phase === "review")
    return renderReview(ctx, {
      quote: flow.quote,
      simulation: flow.simulation,
      ...(flow.previous ? { previous: flow.previous } : {}),
      canConfirm: canConfirm(flow),
      ...(p.sponsor ? { sponsoredBy: sponsorName(p.sponsor) } : {}),
      onConfirm: () => void tx.confirm(),
      onBack: () => tx.reset(),
    });
  if (flow.phase === "error") {
    const wrong = p.wrongNetwork;
    return html`${renderError(ctx, flow.error, {
      params: { actual: wrong?.actual ?? "?", expected: wrong?.expected ?? p.network },
    })}
        <div class="actions">
          <button part="back-button button" type="button" @click=${() => tx.reset()}>
            ${ctx.t("action.back")}
          </button>
        </div>`;
  }
  if (flow.phase === "pending")
    return renderPending(ctx, {
      quote: flow.quote,
      stage: flow.stage,
      explorer: p.explorer,
      ...(flow.hash ? { hash: flow.hash } : {}),
    });
  if (flow.phase === "success")
    return renderReceipt(ctx, {
      quote: flow.quote,
      hash: flow.hash,
      explorer: p.explorer,
      ...(flow.amountOut !== undefined ? { amountOut: flow.amountOut } : {}),
      ...(flow.tickets ? { tickets: flow.tickets } : {}),
      onDone: () => tx.reset(),
    });
  return html`${renderLoadProblems(ctx, p)}${p.tabContent()}`;
}

function renderLoadProblems(ctx: ViewContext, p: PanelProps): TemplateResult | typeof nothing {
  const parts: TemplateResult[] = [];
  const loadError = p.chain.loadError;
  if (loadError)
    parts.push(
      renderError(ctx, loadError, {
        onRetry: p.onRetryLoad,
        params: { actual: "?", expected: p.network },
      }),
    );
  const wrong = p.wrongNetwork;
  if (wrong)
    parts.push(
      renderError(ctx, widgetError("wrong_network"), {
        params: { actual: wrong.actual, expected: wrong.expected },
      }),
    );
  return parts.length ? html`${parts}` : nothing;
}

export function renderConnectPrompt(ctx: ViewContext): TemplateResult {
  return html`<p part="connect-prompt" class="hint">${ctx.t("wallet.needed")}</p>`;
}

/** The Withdrawals and Position tabs: reads of the account (a connect prompt without one) and the protocol. */
export function renderAccountTab(
  ctx: ViewContext,
  tab: Extract<TabId, "withdrawals" | "position">,
  p: {
    readonly chain: ChainController;
    readonly account: AccountInfo | null;
    readonly onClaim: (ticketIds: readonly string[]) => void;
  },
): TemplateResult {
  const { chain, account } = p;
  if (tab === "withdrawals") {
    if (!account) return renderConnectPrompt(ctx);
    return renderWithdrawals(ctx, {
      tickets: chain.position?.tickets ?? [],
      nowMs: chain.now || Date.now(),
      busy: false,
      onClaim: (tickets) => p.onClaim(tickets.map((t) => t.id)),
    });
  }
  return html`${account ? renderPosition(ctx, chain.position) : renderConnectPrompt(ctx)}
        ${renderProtocol(ctx, chain.protocol, chain.loadError === null)}`;
}
