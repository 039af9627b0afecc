import type { Diagnostic, DiagnosticCode } from "../diagnostics.ts";
import type { SourcePos } from "./ast.ts";
import type { Token } from "./lexer.ts";
import { MoveSyntaxError } from "./syntax-error.ts";

const CLOSERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/**
 * A position in a token list with the look-ahead helpers the parsers need, and the file's diagnostics.
 * The lexer matched the brackets (`Token.close`), so skipping a group or recovering after an error is a
 * jump, not a scan.
 */
export class Cursor {
  private i = 0;
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly tokens: Token[],
    readonly file: string,
    readonly source = "",
  ) {}

  get index(): number {
    return this.i;
  }

  /** Back-tracking for speculative parses (generic type arguments). */
  reset(index: number): void {
    this.i = index;
  }

  peek(offset = 0): Token {
    const t = this.tokens[this.i + offset];
    if (t) return t;
    const k = Math.max(0, Math.min(this.i + offset, this.tokens.length - 1));
    const last = this.tokens[k];
    if (!last) throw new MoveSyntaxError("empty token list", { file: this.file, line: 1, col: 1 });
    return last;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== "eof") this.i++;
    return t;
  }

  atEnd(): boolean {
    return this.peek().kind === "eof";
  }

  /** True when the token is punctuation or an identifier with this exact text. */
  is(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return (t.kind === "punct" || t.kind === "ident") && t.text === text;
  }

  /** True when the token at `offset` starts exactly where the one before it ends (`<<`, `+=`). */
  adjacent(offset: number): boolean {
    return this.peek(offset - 1).end === this.peek(offset).start;
  }

  eat(text: string): boolean {
    if (!this.is(text)) return false;
    this.next();
    return true;
  }

  expect(text: string, what?: string): Token {
    if (!this.is(text))
      this.fail(`expected '${text}'${what ? ` ${what}` : ""}, found ${describe(this.peek())}`);
    return this.next();
  }

  ident(what: string): string {
    const t = this.peek();
    if (t.kind !== "ident") this.fail(`expected ${what}, found ${describe(t)}`);
    return this.next().text;
  }

  pos(token: Token = this.peek()): SourcePos {
    return { file: this.file, line: token.line, col: token.col };
  }

  fail(message: string, token: Token = this.peek()): never {
    throw new MoveSyntaxError(message, this.pos(token));
  }

  /** Valid Move this toolchain does not execute: reported as `unsupported_syntax`. */
  unsupported(what: string, token: Token = this.peek()): never {
    throw new MoveSyntaxError(`${what} is not supported`, this.pos(token), "unsupported_syntax");
  }

  /** Records a diagnostic and goes on parsing. */
  report(code: DiagnosticCode, message: string, token: Token = this.peek()): void {
    this.diagnostics.push({ severity: "error", code, message, pos: this.pos(token) });
  }

  reportError(e: MoveSyntaxError): void {
    this.diagnostics.push({ severity: "error", code: e.code, message: e.reason, pos: e.pos });
  }

  /** Index of the token closing the group opened at `index`, or -1. */
  closeIndex(index: number): number {
    return this.tokens[index]?.close ?? -1;
  }

  /** Skips a balanced `()`, `[]` or `{}` group starting at the current opening bracket; returns its tokens. */
  skipGroup(): Token[] {
    const open = this.peek();
    if (open.kind !== "punct" || !CLOSERS[open.text])
      this.fail(`expected an opening bracket, found ${describe(open)}`);
    const close = this.closeIndex(this.i);
    if (close < 0) this.fail(`unclosed '${open.text}'`, open);
    const inner = this.tokens.slice(this.i + 1, close);
    this.i = close + 1;
    return inner;
  }

  /** The source text from the start of token `from` to the end of the token before the cursor. */
  textSince(from: number): string {
    const a = this.tokens[from];
    const b = this.tokens[this.i - 1];
    if (!a || !b || !this.source) return "";
    return this.source.slice(a.start, b.end);
  }
}

export function describe(t: Token): string {
  if (t.kind === "eof") return "end of file";
  if (t.kind === "bytes") return `b"${t.text}"`;
  if (t.kind === "hexbytes") return `x"${t.text}"`;
  if (t.kind === "string") return `"${t.text}"`;
  return `'${t.text}'`;
}
