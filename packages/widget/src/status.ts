/** Transaction status text for the always-present aria-live region. */
import type { Flow } from "./flow.ts";
import type { ViewContext } from "./view-context.ts";

/** Shortens a hash for display: 0x1234…abcd. */
export function shortHash(hash: string): string {
  return hash.length > 14 ? `${hash.slice(0, 6)}…${hash.slice(-4)}` : hash;
}

/** The live-region text for the current flow; empty when there is nothing to announce. */
export function statusText(ctx: ViewContext, flow: Flow, recovering: boolean): string {
  if (recovering) return ctx.t("status.recovering");
  switch (flow.phase) {
    case "pending": {
      const stage = ctx.t(`status.${flow.stage}`);
      return flow.hash ? `${stage} ${ctx.t("status.hash", { hash: shortHash(flow.hash) })}` : stage;
    }
    case "success":
      return `${ctx.t("status.confirmed")} ${ctx.t("status.hash", { hash: shortHash(flow.hash) })}`;
    case "error":
      // Cancelling in the wallet is the user's choice, not a failure.
      return flow.error.code === "user_rejected" ? ctx.t("status.rejected") : ctx.t("status.failed");
    default:
      return "";
  }
}
