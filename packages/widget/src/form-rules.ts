/**
 * What the form's choices imply, as pure functions of them: the token the amount is typed in, the protocol's
 * minimum for it, and the paused protocol action that would refuse it.
 */
import type { ProtocolSummary, Token } from "./backend.ts";
import type { ExitPath } from "./exit-options.ts";
import type { TabId } from "./tabs.ts";

/** The form's choices (the element's state). */
export interface FormChoices {
  readonly tab: TabId;
  readonly depositTo: "kAPT" | "stkAPT";
  readonly stakeDirection: "stake" | "unstake";
  readonly unstakeFrom: "kAPT" | "stkAPT";
  readonly exitPath: ExitPath;
}

export type PausedAction = "deposit" | "stake" | "unstake" | "withdraw";

export function inputToken(f: FormChoices): Token {
  switch (f.tab) {
    case "deposit":
      return "APT";
    case "stake":
      return f.stakeDirection === "stake" ? "kAPT" : "stkAPT";
    default:
      return f.unstakeFrom;
  }
}

export function minimumAmount(f: FormChoices, protocol: ProtocolSummary | null): bigint | undefined {
  if (f.tab === "deposit") return protocol?.minDeposit;
  if (f.tab === "unstake" && f.unstakeFrom === "kAPT" && f.exitPath === "standard")
    return protocol?.minWithdrawal;
  return undefined;
}

/** The paused protocol action the form would use; `buying` on a venue (Stake tab) uses none. */
export function pausedAction(
  f: FormChoices,
  paused: ProtocolSummary["paused"] | undefined,
  buying: boolean,
): PausedAction | null {
  if (!paused) return null;
  switch (f.tab) {
    case "deposit":
      if (buying) return null; // a venue, not the protocol
      if (paused.deposit) return "deposit";
      return f.depositTo === "stkAPT" && paused.stake ? "stake" : null;
    case "stake":
      return paused[f.stakeDirection] ? f.stakeDirection : null;
    case "unstake":
      if (f.exitPath !== "standard") return null;
      if (paused.withdraw) return "withdraw";
      return f.unstakeFrom === "stkAPT" && paused.unstake ? "unstake" : null;
    default:
      return null;
  }
}

/** The `unstake-paths` attribute: the paths offered, in the host's order (the first is preselected). */
export function parseExitPaths(unstakePaths: string | undefined): ExitPath[] {
  const paths: ExitPath[] = [];
  for (const token of (unstakePaths ?? "").split(/[\s,]+/))
    if ((token === "standard" || token === "instant") && !paths.includes(token)) paths.push(token);
  return paths.length ? paths : ["standard", "instant"];
}
