/** The element's public DOM events: all bubble and are composed, so hosts can listen on any ancestor. */
import type {
  AccountInfo,
  ActionKind,
  KofiErrorCode,
  LegacyActionKind,
  Quote,
  Token,
  TxStage,
} from "./backend.ts";

export interface TxAmounts {
  readonly tokenIn: Token;
  readonly amountIn: bigint;
  readonly tokenOut: Token;
  readonly amountOut: bigint;
  readonly minOut: bigint;
}

/** `kofi-tx`: one per stage of a transaction. */
export interface KofiTxDetail {
  readonly stage: TxStage;
  /** The Move's verb: `deposit`, `stake`, `unstake`, `request_withdrawal`, `instant_exit`, `claim`. */
  readonly action: ActionKind;
  /** @deprecated The pre-0.2 name (`stake` meant deposit, `convert` stake/unstake); removed in the next release. */
  readonly legacyAction: LegacyActionKind;
  readonly hash?: string;
  readonly amounts: TxAmounts;
}

/** `kofi-error`: every error the widget shows. `code` matches `KofiError.code` in `@kofi/core`. */
export interface KofiErrorDetail {
  readonly code: KofiErrorCode;
  readonly message: string;
  readonly action?: ActionKind;
  /** @deprecated The pre-0.2 name of `action`; removed in the next release. */
  readonly legacyAction?: LegacyActionKind;
  readonly cause?: unknown;
}

/**
 * `kofi-connect`: `request` when the user presses Connect and no wallet was given (open your own modal
 * and set `wallet`), `connected` / `disconnected` when the account changes.
 */
export interface KofiConnectDetail {
  readonly phase: "request" | "connected" | "disconnected";
  readonly account?: AccountInfo;
}

/** `kofi-claimable`: tickets became claimable (fired once per ticket). */
export interface KofiClaimableDetail {
  readonly tickets: readonly string[];
  readonly totalApt: bigint;
}

/** What `beforeSubmit` receives. Return `false` (or a promise of it) to veto. */
export interface SubmitIntent {
  readonly action: ActionKind;
  readonly account: string;
  readonly quote: Quote;
}

export type BeforeSubmit = (intent: SubmitIntent) => boolean | undefined | Promise<boolean | undefined>;

export interface KofiEventMap {
  "kofi-tx": CustomEvent<KofiTxDetail>;
  "kofi-error": CustomEvent<KofiErrorDetail>;
  "kofi-connect": CustomEvent<KofiConnectDetail>;
  "kofi-claimable": CustomEvent<KofiClaimableDetail>;
}

export function amountsOf(quote: Quote): TxAmounts {
  return {
    tokenIn: quote.tokenIn,
    amountIn: quote.amountIn,
    tokenOut: quote.tokenOut,
    amountOut: quote.amountOut,
    minOut: quote.minOut,
  };
}

/** Dispatches a typed, bubbling, composed event from `target`. */
export function emit<K extends keyof KofiEventMap>(
  target: EventTarget,
  type: K,
  detail: KofiEventMap[K]["detail"],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
