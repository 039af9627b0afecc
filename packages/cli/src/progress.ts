import { formatAmount, type StageEvent } from "@kofi/core";
import type { CliIo } from "./io.ts";

export const fmt = (v: bigint, symbol?: "APT" | "kAPT" | "stkAPT") =>
  formatAmount(v, { locale: "en-US", ...(symbol ? { symbol } : {}) });

/** Seconds with one decimal, from milliseconds (display only; no amount). */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function describeQuote(kind: string, q: Record<string, unknown>): string {
  const b = (k: string) => q[k] as bigint;
  switch (kind) {
    case "deposit":
      return `${fmt(b("aptIn"), "APT")} -> ${fmt(b("kaptOut"), "kAPT")} (pool fee ${fmt(b("fee"), "APT")})`;
    case "deposit_and_stake":
      return `${fmt(b("aptIn"), "APT")} -> ${fmt(b("stkaptOut"), "stkAPT")}`;
    case "stake":
      return `${fmt(b("kaptIn"), "kAPT")} -> ${fmt(b("stkaptOut"), "stkAPT")}`;
    case "unstake":
      return `${fmt(b("stkaptIn"), "stkAPT")} -> ${fmt(b("kaptOut"), "kAPT")}`;
    case "request_withdrawal":
      return `${fmt(b("kaptIn"), "kAPT")} -> ticket for ${fmt(b("aptOut"), "APT")}, unlocks ~${new Date(Number(b("unlockAt")) * 1000).toISOString()}`;
    case "claim":
      return `${fmt(b("aptOut"), "APT")}${q.ready ? "" : " (not all tickets ready)"}`;
    default:
      return "";
  }
}

/**
 * One stderr line per stage. From `submitted` on, the time waited is shown: a ticker redrawn every second on a
 * terminal (`[waiting] 3 s`), and the total on the `confirmed` line. A failure is not printed here: the CLI prints
 * the error once, as its last line. Call `stop()` when the action ends (clears the ticker).
 */
export function progress(io: CliIo, now: () => number = Date.now) {
  let submittedAt: number | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (ticker) clearInterval(ticker);
    if (ticker && io.isTTY) io.stderr("\r\u001b[2K");
    ticker = undefined;
  };
  const onStage = (e: StageEvent) => {
    if (e.stage === "failed") {
      stop();
      return;
    }
    let line = `[${e.stage}]`;
    if (e.stage === "quote" && e.quote)
      line += ` ${describeQuote(e.kind, e.quote as Record<string, unknown>)}`;
    if (e.stage === "simulate" && e.skipped) line += " skipped";
    if (e.stage === "simulate" && e.gasUsed !== undefined) line += ` ok, gas ${e.gasUsed}`;
    if (e.stage === "sign") line += " signing";
    if (e.hash) line += ` ${e.hash}`;
    if (e.stage === "submitted" && e.recovered) line += " (recovered from an earlier attempt)";
    if (e.stage === "confirmed") {
      stop();
      const parts = [
        ...(e.gasUsed !== undefined ? [`gas ${e.gasUsed}`] : []),
        ...(submittedAt !== undefined ? [`${seconds(now() - submittedAt)} after submission`] : []),
      ];
      if (parts.length) line += ` (${parts.join(", ")})`;
    }
    io.stderr(`${line.trimEnd()}\n`);
    if (e.stage === "submitted") {
      submittedAt = now();
      if (io.isTTY) {
        ticker = setInterval(() => {
          io.stderr(`\r\u001b[2K[waiting] ${Math.round((now() - (submittedAt ?? now())) / 1000)} s`);
        }, 1000);
        ticker.unref?.();
      }
    }
  };
  return { onStage, stop };
}
