import { GeneratorError, type SourcePos } from "./errors.ts";
import type { Token } from "./lexer.ts";

/** A position in a token list with the small look-ahead helpers the parsers need. */
export class Cursor {
  private i = 0;

  constructor(
    private readonly tokens: Token[],
    readonly file: string,
  ) {}

  get index(): number {
    return this.i;
  }

  peek(offset = 0): Token {
    const t = this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
    if (!t) throw new GeneratorError("empty token list");
    return t;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== "eof") this.i++;
    return t;
  }

  atEnd(): boolean {
    return this.peek().kind === "eof";
  }

  /** True when the current token is punctuation or an identifier with this exact text. */
  is(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return (t.kind === "punct" || t.kind === "ident") && t.text === text;
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
    throw new GeneratorError(message, this.pos(token));
  }

  /**
   * Skips a balanced group starting at the current opening bracket and returns the tokens inside it.
   * Only `()`, `[]` and `{}` nest; `<` `>` are not brackets here (they are operators in bodies).
   */
  skipGroup(): Token[] {
    const open = this.next();
    const close = CLOSERS[open.text];
    if (!close) this.fail(`expected an opening bracket, found ${describe(open)}`, open);
    const stack: string[] = [close];
    const inner: Token[] = [];
    for (;;) {
      const t = this.next();
      if (t.kind === "eof") this.fail(`unclosed '${open.text}'`, open);
      if (t.kind === "punct") {
        const c = CLOSERS[t.text];
        if (c) stack.push(c);
        else if (t.text === ")" || t.text === "]" || t.text === "}") {
          if (stack.pop() !== t.text) this.fail(`mismatched '${t.text}'`, t);
          if (stack.length === 0) return inner;
        }
      }
      inner.push(t);
    }
  }
}

const CLOSERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

export function describe(t: Token): string {
  if (t.kind === "eof") return "end of file";
  if (t.kind === "bytes") return `b"${t.text}"`;
  if (t.kind === "hexbytes") return `x"${t.text}"`;
  if (t.kind === "string") return `"${t.text}"`;
  return `'${t.text}'`;
}
