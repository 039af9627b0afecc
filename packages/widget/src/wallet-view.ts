/** The header (title, account, Connect / Disconnect) and the built-in wallet picker. */
import { html, nothing, type TemplateResult } from "lit";
import type { AccountInfo } from "./backend.ts";
import type { PickerView } from "./controllers/wallet-controller.ts";
import type { ViewContext } from "./view-context.ts";

export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

export interface HeaderProps {
  readonly account: AccountInfo | null;
  readonly connecting: boolean;
  /** A wallet connected through the built-in picker (the host gave none): it can be disconnected here. */
  readonly canDisconnect: boolean;
  readonly onConnect: () => void;
  readonly onDisconnect: () => void;
}

export function renderHeader(ctx: ViewContext, props: HeaderProps): TemplateResult {
  const { account } = props;
  return html`<div part="header">
      <h2 part="title">${ctx.t("widget.label")}</h2>
      ${
        account
          ? html`<span part="account">${ctx.t("wallet.connected", { address: shortAddress(account.address) })}</span>
              ${
                props.canDisconnect
                  ? html`<button part="disconnect-button button" type="button" @click=${props.onDisconnect}>
                      ${ctx.t("wallet.disconnect")}
                    </button>`
                  : nothing
              }`
          : html`<button
              part="connect-button button"
              type="button"
              ?disabled=${props.connecting}
              @click=${props.onConnect}
            >
              ${ctx.t(props.connecting ? "wallet.connecting" : "wallet.connect")}
            </button>`
      }
    </div>`;
}

export interface PickerProps {
  readonly picker: PickerView;
  readonly connecting: boolean;
  readonly onPick: (name: string) => void;
  readonly onCancel: () => void;
}

export function renderPicker(ctx: ViewContext, props: PickerProps): TemplateResult {
  const { picker } = props;
  return html`<div part="wallet-picker" role="group" aria-labelledby="kofi-picker-title">
      <h3 id="kofi-picker-title" part="section-title">${ctx.t("wallet.choose")}</h3>
      ${
        picker.loading
          ? html`<p class="hint">${ctx.t("wallet.loading")}</p>`
          : picker.wallets.length === 0
            ? html`<p part="no-wallet" class="hint">${ctx.t("wallet.none")}</p>`
            : html`${
                picker.wallets.every((w) => w.web)
                  ? html`<p part="no-wallet" class="hint">${ctx.t("wallet.noExtension")}</p>`
                  : nothing
              }<ul class="wallets">
                ${picker.wallets.map(
                  (w) => html`<li>
                    <button
                      part="wallet-option button"
                      type="button"
                      ?disabled=${props.connecting}
                      @click=${() => props.onPick(w.name)}
                    >
                      <img src=${w.icon} alt="" width="24" height="24" />${w.name}
                    </button>
                  </li>`,
                )}
              </ul>`
      }
      <div class="actions">
        <button part="picker-cancel back-button button" type="button" @click=${props.onCancel}>
          ${ctx.t("action.cancel")}
        </button>
      </div>
    </div>`;
}
