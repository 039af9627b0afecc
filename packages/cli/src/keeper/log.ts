import type { CliIo } from "../io.ts";
import type { Alert } from "./checks.ts";

/** One JSON object per line, bigints as decimal strings. */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}

export type Level = "debug" | "info" | "warn" | "error" | "alert";

/**
 * The keeper's log. With --json every event is one JSON line on stdout (`{ts, level, event, ...}`); without it a
 * human line on stderr. An alert is always both: a stderr line and a JSON line on stdout.
 */
export interface KeeperLog {
  /** --json only (e.g. every pass's summary): nothing in the human log. */
  debug(event: string, data?: Record<string, unknown>): void;
  info(event: string, human: string, data?: Record<string, unknown>): void;
  warn(event: string, human: string, data?: Record<string, unknown>): void;
  error(event: string, human: string, data?: Record<string, unknown>): void;
  alert(a: Alert): void;
}

export function keeperLog(io: CliIo, json: boolean, now: () => Date = () => new Date()): KeeperLog {
  const emit = (level: Level, event: string, human: string, data: Record<string, unknown> = {}) => {
    if (json) io.stdout(`${jsonLine({ ts: now().toISOString(), level, event, ...data })}\n`);
    else io.stderr(`kofi keeper: ${level === "info" ? "" : `${level}: `}${human}\n`);
  };
  return {
    debug: (e, d) => {
      if (json) emit("debug", e, "", d);
    },
    info: (e, h, d) => emit("info", e, h, d),
    warn: (e, h, d) => emit("warn", e, h, d),
    error: (e, h, d) => emit("error", e, h, d),
    alert: (a) => {
      io.stderr(`kofi keeper: ALERT ${a.kind} pool ${a.pool}: ${a.message}\n`);
      io.stdout(
        `${jsonLine({ ts: now().toISOString(), level: "alert", event: "alert", kind: a.kind, pool: a.pool, epoch: a.epoch, message: a.message, ...a.data })}\n`,
      );
    },
  };
}
