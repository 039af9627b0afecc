import { createInterface } from "node:readline";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Asks a question and resolves with the answer line ("" at end of input). Default: stdin. */
  prompt?: (question: string) => Promise<string>;
  /** stderr is a terminal: progress may redraw a line (the elapsed-time ticker). */
  isTTY?: boolean;
}

/** The process's streams and environment, read when `run` is called (nothing is read at import). */
export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    isTTY: process.stderr.isTTY === true,
    prompt: (question) =>
      new Promise((resolve) => {
        const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
        let answered = false;
        process.stderr.write(question);
        rl.once("line", (line) => {
          answered = true;
          rl.close();
          resolve(line);
        });
        rl.once("close", () => {
          if (!answered) resolve("");
        });
      }),
  };
}

/** A usage error: exit code 2, one line. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** JSON with bigints as decimal strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2);
}
