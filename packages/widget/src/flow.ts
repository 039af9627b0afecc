/**
 * The transaction flow as a pure reducer: review (with simulation) → pending (stages) → success or error.
 * The element holds one `Flow`; everything it renders about a transaction comes from here.
 */
import type { KofiErrorLike, Quote, ReceiptTicket, Simulation, TxStage } from "./backend.ts";

export type Flow =
  | { readonly phase: "idle" }
  /** Showing the review panel; `simulation` is null while simulating. `previous` is set after a worse re-quote. */
  | {
      readonly phase: "review";
      readonly quote: Quote;
      readonly simulation: Simulation | null;
      readonly previous?: Quote;
    }
  | { readonly phase: "pending"; readonly quote: Quote; readonly stage: TxStage; readonly hash?: string }
  | {
      readonly phase: "success";
      readonly quote: Quote;
      readonly hash: string;
      /** What the transaction's events say was received (absent: the quote's figure, marked as expected). */
      readonly amountOut?: bigint;
      readonly tickets?: readonly ReceiptTicket[];
    }
  | {
      readonly phase: "error";
      readonly error: KofiErrorLike;
      readonly quote?: Quote;
      readonly hash?: string;
    };

export type FlowEvent =
  | { readonly type: "review"; readonly quote: Quote }
  | { readonly type: "simulated"; readonly simulation: Simulation }
  | { readonly type: "requoted"; readonly quote: Quote }
  | { readonly type: "stage"; readonly stage: TxStage; readonly hash?: string }
  | {
      readonly type: "succeeded";
      readonly hash: string;
      readonly amountOut?: bigint;
      readonly tickets?: readonly ReceiptTicket[];
    }
  | { readonly type: "failed"; readonly error: KofiErrorLike }
  | { readonly type: "reset" };

export const IDLE: Flow = { phase: "idle" };

export function reduceFlow(flow: Flow, event: FlowEvent): Flow {
  switch (event.type) {
    case "reset":
      return IDLE;
    case "review":
      // A new review may start from anywhere except while a transaction is in flight.
      return flow.phase === "pending" ? flow : { phase: "review", quote: event.quote, simulation: null };
    case "simulated":
      return flow.phase === "review" && flow.simulation === null
        ? { ...flow, simulation: event.simulation }
        : flow;
    case "requoted": {
      if (flow.phase !== "review" && flow.phase !== "pending") return flow;
      const old = flow.quote;
      if (isWorse(event.quote, old))
        return { phase: "review", quote: event.quote, simulation: null, previous: old };
      return { ...flow, quote: event.quote };
    }
    case "stage":
      if (flow.phase === "review" || flow.phase === "pending") {
        if (event.stage === "failed") return flow; // the `failed` event carries the error
        const hash = event.hash ?? (flow.phase === "pending" ? flow.hash : undefined);
        return hash === undefined
          ? { phase: "pending", quote: flow.quote, stage: event.stage }
          : { phase: "pending", quote: flow.quote, stage: event.stage, hash };
      }
      return flow;
    case "succeeded":
      if (flow.phase !== "pending" && flow.phase !== "review") return flow;
      return {
        phase: "success",
        quote: flow.quote,
        hash: event.hash,
        ...(event.amountOut !== undefined ? { amountOut: event.amountOut } : {}),
        ...(event.tickets ? { tickets: event.tickets } : {}),
      };
    case "failed": {
      const quote = "quote" in flow ? flow.quote : undefined;
      const hash = flow.phase === "pending" ? flow.hash : undefined;
      return {
        phase: "error",
        error: event.error,
        ...(quote ? { quote } : {}),
        ...(hash ? { hash } : {}),
      };
    }
  }
}

/** A re-quote is worse when the user would receive less, or the guaranteed minimum dropped. */
export function isWorse(next: Quote, previous: Quote): boolean {
  return next.amountOut < previous.amountOut || next.minOut < previous.minOut;
}

/** Whether the user may press Confirm: reviewing, simulated successfully. */
export function canConfirm(flow: Flow): boolean {
  return flow.phase === "review" && flow.simulation !== null && flow.simulation.success;
}

/** A quote is stale when its expiry passed (quotes without expiry are always re-fetched before signing). */
export function isExpired(quote: Quote, nowMs: number): boolean {
  return quote.expiresAt === undefined || quote.expiresAt <= nowMs;
}
