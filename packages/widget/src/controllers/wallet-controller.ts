/**
 * The wallet: the host's (passed through untouched) or the one the user connected with the built-in picker
 * (`wallet-picker.ts`, loaded on the first Connect without a host wallet); its events; the connected account.
 */
import type { ReactiveController } from "lit";
import type { AccountInfo } from "../backend.ts";
import { toKofiError, withTimeout } from "../errors.ts";
import { emit } from "../events.ts";
import type { WalletPicker } from "../wallet-picker.ts";
import { emitError, type StakeHost } from "./host.ts";

const WALLET_EVENTS = ["connect", "disconnect", "accountChange", "networkChange"] as const;

interface WalletEvents {
  on(event: string, fn: () => void): unknown;
  off(event: string, fn: () => void): unknown;
}

function hasEvents(x: unknown): x is WalletEvents {
  return (
    !!x &&
    typeof x === "object" &&
    typeof (x as WalletEvents).on === "function" &&
    typeof (x as WalletEvents).off === "function"
  );
}

/** The open built-in picker: loading, or the detected wallets. */
export interface PickerView {
  readonly loading: boolean;
  readonly wallets: readonly { name: string; icon: string; web?: boolean }[];
}

export class WalletController implements ReactiveController {
  /** The connected account, or null. */
  account: AccountInfo | null = null;
  connecting = false;
  picker: PickerView | null = null;
  /** The WalletCore the user connected through the built-in picker (never set when the host gives `wallet`). */
  pickerWallet: unknown = null;

  private engine: WalletPicker | null = null;
  private subscribed: WalletEvents | null = null;
  private readonly onWalletEvent = () => void this.host._chain.refresh();

  constructor(private readonly host: StakeHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // First connection: `walletChanged` subscribes once the element has rendered with its configuration.
    if (this.host.hasUpdated) this.subscribe();
  }

  hostDisconnected(): void {
    this.unsubscribe();
  }

  /** The host's wallet, passed through; else the one connected with the built-in picker. */
  get active(): unknown {
    return this.host.wallet ?? this.pickerWallet ?? undefined;
  }

  /** The element's `wallet` property changed (or the picker connected one): listen to it and re-read. */
  walletChanged(): void {
    this.subscribe();
    this.host._chain.requestRefresh();
  }

  setAccount(account: AccountInfo | null): void {
    const before = this.account?.address ?? null;
    const after = account?.address ?? null;
    this.account = account;
    this.host.requestUpdate();
    if (before === after) return;
    this.host._chain.forgetClaimable();
    if (account) {
      emit(this.host, "kofi-connect", { phase: "connected", account });
      void this.host._tx.recoverPending(account.address);
    } else {
      emit(this.host, "kofi-connect", { phase: "disconnected" });
    }
  }

  async connect(): Promise<void> {
    const host = this.host;
    const backend = host._backend;
    if (!host.wallet) {
      // No host wallet: tell the host (it may open its own modal and cancel), else the built-in picker.
      const proceed = emit(host, "kofi-connect", { phase: "request" }, { cancelable: true });
      if (proceed && host.walletPicker !== "none") await this.openPicker();
      return;
    }
    if (!backend?.connect) {
      emit(host, "kofi-connect", { phase: "request" });
      return;
    }
    this.setConnecting(true);
    try {
      const account = await withTimeout(backend.connect(host.wallet), 60_000, "connect");
      if (!account) {
        emit(host, "kofi-connect", { phase: "request" });
        return;
      }
      this.setAccount(account);
      await host._chain.refresh();
    } catch (e) {
      const err = toKofiError(e);
      host._chain.setLoadError(err);
      emitError(host, err);
    } finally {
      this.setConnecting(false);
    }
  }

  /** Loads wallet-adapter-core (first time only) and lists the detected wallets. */
  async openPicker(): Promise<void> {
    const host = this.host;
    this.setPicker({ loading: true, wallets: [] });
    try {
      if (!this.engine) {
        const { createWalletPicker } = await import("../wallet-picker.ts");
        const nodeUrl = host.nodeUrl ?? host._backend?.nodeUrl;
        const engine = createWalletPicker({
          network: host._backend?.network ?? host.network,
          ...(nodeUrl ? { nodeUrl } : {}),
        });
        engine.onChange(() => {
          if (this.picker) this.setPicker({ loading: false, wallets: engine.wallets() });
        });
        this.engine = engine;
      }
      this.setPicker({ loading: false, wallets: this.engine.wallets() });
      await host.updateComplete;
      host.renderRoot.querySelector<HTMLElement>("[part~=wallet-option], [part~=picker-cancel]")?.focus();
    } catch (e) {
      this.setPicker(null);
      emitError(host, toKofiError(e));
    }
  }

  closePicker(): void {
    this.setPicker(null);
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>("[part~=connect-button]")?.focus(),
    );
  }

  async pick(name: string): Promise<void> {
    const engine = this.engine;
    if (!engine) return;
    this.setConnecting(true);
    try {
      const core = await withTimeout(engine.connect(name), 120_000, "connect");
      this.setPicker(null);
      this.pickerWallet = core;
      this.host.requestUpdate();
      this.walletChanged();
    } catch (e) {
      const err = toKofiError(e);
      this.host._chain.setLoadError(err);
      emitError(this.host, err);
    } finally {
      this.setConnecting(false);
    }
  }

  async disconnectPicked(): Promise<void> {
    try {
      await this.engine?.disconnect();
    } catch {
      // already gone
    }
    this.pickerWallet = null;
    this.host.requestUpdate();
    this.walletChanged();
  }

  private setPicker(picker: PickerView | null): void {
    this.picker = picker;
    this.host.requestUpdate();
  }

  private setConnecting(connecting: boolean): void {
    this.connecting = connecting;
    this.host.requestUpdate();
  }

  private subscribe(): void {
    this.unsubscribe();
    const wallet = this.active;
    if (hasEvents(wallet)) {
      for (const name of WALLET_EVENTS) wallet.on(name, this.onWalletEvent);
      this.subscribed = wallet;
    }
  }

  private unsubscribe(): void {
    const w = this.subscribed;
    if (!w) return;
    for (const name of WALLET_EVENTS) w.off(name, this.onWalletEvent);
    this.subscribed = null;
  }
}
