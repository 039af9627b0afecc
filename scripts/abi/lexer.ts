import { GeneratorError, type SourcePos } from "./errors.ts";

/**
 * Tokens of Aptos Move source. Keywords are plain identifiers; the parser decides by context.
 * `>` and `<` are always single tokens so `vector<vector<u8>>` closes two generic lists; shifts are
 * recognised by the constant evaluator from two adjacent tokens.
 */
export type TokenKind = "ident" | "number" | "bytes" | "hexbytes" | "string" | "label" | "punct" | "eof";

export interface Token {
  kind: TokenKind;
  /** The token text; for strings the decoded contents, for numbers the digits without the suffix. */
  text: string;
  /** Integer suffix of a number (`u8` … `u256`), if any. */
  suffix?: string;
  start: number;
  end: number;
  line: number;
  col: number;
  /** `///` and `/** *\/` doc comment lines directly before this token (since the previous token). */
  docs: string[];
}

const MULTI_PUNCT = ["::", "==", "!=", "<=", ">=", "&&", "||", "..", "->", "=>"];
const SINGLE_PUNCT = "(){}[]<>,;:.&|!=+-*/%^@#$?~";
const NUMBER_SUFFIX = /^(u8|u16|u32|u64|u128|u256|i8|i16|i32|i64|i128|i256)/;

/** Turns Move source into tokens, dropping comments but keeping doc comments on the next token. */
export function tokenize(source: string, file: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let docs: string[] = [];

  const posAt = (offset: number): SourcePos => {
    let l = 1;
    let ls = 0;
    for (let k = 0; k < offset; k++) {
      if (source[k] === "\n") {
        l++;
        ls = k + 1;
      }
    }
    return { file, line: l, col: offset - ls + 1 };
  };
  const fail = (message: string, offset: number): never => {
    throw new GeneratorError(message, posAt(offset));
  };
  const advanceTo = (to: number) => {
    for (; i < to; i++) {
      if (source[i] === "\n") {
        line++;
        lineStart = i + 1;
      }
    }
  };
  const push = (kind: TokenKind, text: string, start: number, extra: Partial<Token> = {}) => {
    tokens.push({ kind, text, start, end: i, line: tokLine, col: start - tokLineStart + 1, docs, ...extra });
    docs = [];
  };
  let tokLine = 1;
  let tokLineStart = 0;

  while (i < source.length) {
    const c = source[i] as string;
    if (c === " " || c === "\t" || c === "\r" || c === "\n") {
      advanceTo(i + 1);
      continue;
    }
    if (source.startsWith("//", i)) {
      const nl = source.indexOf("\n", i);
      const endOfLine = nl === -1 ? source.length : nl;
      if (source.startsWith("///", i) && !source.startsWith("////", i)) {
        docs.push(source.slice(i + 3, endOfLine).trim());
      }
      advanceTo(endOfLine);
      continue;
    }
    if (source.startsWith("/*", i)) {
      // Block comments nest: `/* a /* b */ c */` is one comment.
      let depth = 1;
      let j = i + 2;
      while (j < source.length && depth > 0) {
        if (source.startsWith("/*", j)) {
          depth++;
          j += 2;
        } else if (source.startsWith("*/", j)) {
          depth--;
          j += 2;
        } else j++;
      }
      if (depth > 0) fail("unterminated block comment", i);
      const close = j - 2;
      const isDoc = source.startsWith("/**", i) && !source.startsWith("/**/", i) && source[i + 3] !== "*";
      if (isDoc) {
        for (const raw of source.slice(i + 3, close).split("\n")) {
          const text = raw.replace(/^\s*\*?/, "").trim();
          if (text !== "") docs.push(text);
        }
      }
      advanceTo(close + 2);
      continue;
    }
    tokLine = line;
    tokLineStart = lineStart;
    const start = i;
    // Byte strings b"..." and hex strings x"...".
    if ((c === "b" || c === "x") && source[i + 1] === '"') {
      const { text, end } = readQuoted(source, i + 1, fail);
      if (c === "x" && !/^[0-9a-fA-F]*$/.test(text)) fail(`invalid hex string x"${text}"`, start);
      advanceTo(end);
      push(c === "b" ? "bytes" : "hexbytes", text, start);
      continue;
    }
    if (c === '"') {
      const { text, end } = readQuoted(source, i, fail);
      advanceTo(end);
      push("string", text, start);
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i, i + 256)) as RegExpExecArray;
      advanceTo(i + m[0].length);
      push("ident", m[0], start);
      continue;
    }
    if (/[0-9]/.test(c)) {
      const rest = source.slice(i, i + 200);
      const m = /^(0x[0-9a-fA-F_]+|[0-9][0-9_]*)/.exec(rest) as RegExpExecArray;
      let len = m[0].length;
      let suffix: string | undefined;
      const s = NUMBER_SUFFIX.exec(rest.slice(len));
      if (s && !/[A-Za-z0-9_]/.test(rest[len + s[0].length] ?? "")) {
        suffix = s[0];
        len += s[0].length;
      } else if (/[A-Za-z_]/.test(rest[len] ?? "")) {
        fail(`invalid number literal '${rest.slice(0, len + 1)}'`, i);
      }
      advanceTo(i + len);
      push("number", m[0], start, suffix ? { suffix } : {});
      continue;
    }
    if (c === "'" && /[A-Za-z_]/.test(source[i + 1] ?? "")) {
      const m = /^'[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i, i + 256)) as RegExpExecArray;
      advanceTo(i + m[0].length);
      push("label", m[0], start);
      continue;
    }
    const multi = MULTI_PUNCT.find((p) => source.startsWith(p, i));
    if (multi) {
      advanceTo(i + multi.length);
      push("punct", multi, start);
      continue;
    }
    if (SINGLE_PUNCT.includes(c)) {
      advanceTo(i + 1);
      push("punct", c, start);
      continue;
    }
    fail(`unexpected character '${c}'`, i);
  }
  tokLine = line;
  tokLineStart = lineStart;
  push("eof", "", i);
  return tokens;
}

function readQuoted(
  source: string,
  quote: number,
  fail: (message: string, offset: number) => never,
): { text: string; end: number } {
  let j = quote + 1;
  let text = "";
  while (j < source.length && source[j] !== '"') {
    if (source[j] === "\\") {
      const e = source[j + 1];
      if (e === "n") text += "\n";
      else if (e === "t") text += "\t";
      else if (e === "r") text += "\r";
      else if (e === "0") text += "\0";
      else if (e === "x") {
        text += String.fromCharCode(Number.parseInt(source.slice(j + 2, j + 4), 16));
        j += 2;
      } else text += e ?? "";
      j += 2;
      continue;
    }
    text += source[j];
    j++;
  }
  if (j >= source.length) fail("unterminated string literal", quote);
  return { text, end: j + 1 };
}
