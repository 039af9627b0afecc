import type { SourcePos } from "./ast.ts";
import { MoveSyntaxError } from "./syntax-error.ts";

/**
 * Tokens of Aptos Move source. Keywords are plain identifiers; the parser decides by context.
 * `>` and `<` are always single tokens so `vector<vector<u8>>` closes two generic lists; the expression
 * parser recognises `<<` / `>>` (and `+=`-style compound assignments) from adjacent tokens.
 */
export type TokenKind = "ident" | "number" | "bytes" | "hexbytes" | "string" | "label" | "punct" | "eof";

export interface Token {
  kind: TokenKind;
  /** The token text; for strings the decoded contents, for numbers the digits without the suffix. */
  text: string;
  /** Integer suffix of a number (`u8` … `u256`), if any. */
  suffix?: string;
  /** Offsets in the source: `[start, end)`. */
  start: number;
  end: number;
  line: number;
  col: number;
  /** `///` and `/** *\/` doc comment lines directly before this token (since the previous token). */
  docs: readonly string[];
  /** For `(`, `[`, `{`: the index of the matching closing token; -1 when unbalanced or not an opener. */
  close: number;
}

const NO_DOCS: readonly string[] = Object.freeze([]);
const CLOSER: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const TWO_CHAR_PUNCT = new Set(["::", "==", "!=", "<=", ">=", "&&", "||", "..", "->", "=>"]);
const SINGLE_PUNCT = "(){}[]<>,;:.&|!=+-*/%^@#$?~";
const NUMBER_SUFFIXES = new Set([
  "u8",
  "u16",
  "u32",
  "u64",
  "u128",
  "u256",
  "i8",
  "i16",
  "i32",
  "i64",
  "i128",
  "i256",
]);

// Character classes by table lookup: the scanning loops stay cheap before the JIT has warmed up.
const IDENT_START = 1;
const DIGIT = 2;
const HEX = 4;
const CLASS = new Uint8Array(128);
for (let ch = 0; ch < 128; ch++) {
  const c = String.fromCharCode(ch);
  CLASS[ch] =
    (/[A-Za-z_]/.test(c) ? IDENT_START : 0) |
    (/[0-9]/.test(c) ? DIGIT : 0) |
    (/[0-9A-Fa-f]/.test(c) ? HEX : 0);
}
// Out-of-range indices read as undefined, and `undefined & k` is 0: non-ASCII is never an identifier.
const isIdentStart = (ch: number) => ((CLASS[ch] as number) & IDENT_START) !== 0;
const isDigit = (ch: number) => ((CLASS[ch] as number) & DIGIT) !== 0;
const isIdentChar = (ch: number) => ((CLASS[ch] as number) & (IDENT_START | DIGIT)) !== 0;
const isHexDigit = (ch: number) => ((CLASS[ch] as number) & HEX) !== 0;

/**
 * Turns Move source into tokens, dropping comments but keeping doc comments on the next token.
 * Linear in the source length; throws `MoveSyntaxError` at the first lexical error.
 */
export function tokenize(source: string, file: string): Token[] {
  const tokens: Token[] = [];
  const n = source.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let docs: string[] | undefined;

  // Positions of errors are recomputed from the start of the file: errors are rare, tokens are not.
  const posAt = (offset: number): SourcePos => {
    let l = 1;
    let ls = 0;
    for (let k = 0; k < offset; k++) {
      if (source.charCodeAt(k) === 10) {
        l++;
        ls = k + 1;
      }
    }
    return { file, line: l, col: offset - ls + 1 };
  };
  const fail = (message: string, offset: number): never => {
    throw new MoveSyntaxError(message, posAt(offset));
  };
  /** Moves `i` to `to`, counting the newlines crossed (strings and block comments may span lines). */
  const advanceTo = (to: number) => {
    for (; i < to; i++) {
      if (source.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
  };
  const push = (
    kind: TokenKind,
    text: string,
    start: number,
    tokLine: number,
    col: number,
    suffix?: string,
  ) => {
    // Every token gets every field (suffix, close), so all tokens share one object shape.
    tokens.push({ kind, text, suffix, start, end: i, line: tokLine, col, docs: docs ?? NO_DOCS, close: -1 });
    docs = undefined;
  };
  // Bracket matching in the same pass: openers wait on a stack for their closer.
  const open: number[] = [];
  const punct = (text: string, start: number, tokLine: number, col: number) => {
    const index = tokens.length;
    push("punct", text, start, tokLine, col);
    if (text === "(" || text === "[" || text === "{") open.push(index);
    else if (text === ")" || text === "]" || text === "}") {
      const o = open.pop();
      // A mismatched closer leaves its opener unmatched (close stays -1); the parser reports it there.
      if (o !== undefined && CLOSER[(tokens[o] as Token).text] === text) (tokens[o] as Token).close = index;
    }
  };

  while (i < n) {
    const ch = source.charCodeAt(i);
    if (ch === 10) {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (ch === 32 || ch === 9 || ch === 13) {
      i++;
      continue;
    }
    if (ch === 47 /* / */ && source.charCodeAt(i + 1) === 47) {
      const nl = source.indexOf("\n", i);
      const endOfLine = nl === -1 ? n : nl;
      if (source.charCodeAt(i + 2) === 47 && source.charCodeAt(i + 3) !== 47) {
        docs ??= [];
        docs.push(source.slice(i + 3, endOfLine).trim());
      }
      i = endOfLine;
      continue;
    }
    if (ch === 47 && source.charCodeAt(i + 1) === 42 /* * */) {
      // Block comments nest: `/* a /* b */ c */` is one comment.
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
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
          if (text !== "") {
            docs ??= [];
            docs.push(text);
          }
        }
      }
      advanceTo(j);
      continue;
    }
    const start = i;
    const tokLine = line;
    const col = i - lineStart + 1;
    // Byte strings b"..." and hex strings x"...".
    if ((ch === 98 /* b */ || ch === 120) /* x */ && source.charCodeAt(i + 1) === 34) {
      const { text, end } = readQuoted(source, i + 1, fail);
      if (ch === 120 && !/^[0-9a-fA-F]*$/.test(text)) fail(`invalid hex string x"${text}"`, start);
      advanceTo(end);
      push(ch === 98 ? "bytes" : "hexbytes", text, start, tokLine, col);
      continue;
    }
    if (ch === 34 /* " */) {
      const { text, end } = readQuoted(source, i, fail);
      advanceTo(end);
      push("string", text, start, tokLine, col);
      continue;
    }
    if (isIdentStart(ch)) {
      let j = i + 1;
      while (j < n && isIdentChar(source.charCodeAt(j))) j++;
      i = j;
      push("ident", source.slice(start, j), start, tokLine, col);
      continue;
    }
    if (isDigit(ch)) {
      let j = i + 1;
      if (ch === 48 && source.charCodeAt(j) === 120 /* x */ && isHexDigit(source.charCodeAt(j + 1))) {
        j++;
        while (j < n && (isHexDigit(source.charCodeAt(j)) || source.charCodeAt(j) === 95)) j++;
      } else {
        while (j < n && (isDigit(source.charCodeAt(j)) || source.charCodeAt(j) === 95)) j++;
      }
      const digits = source.slice(start, j);
      let suffix: string | undefined;
      if (j < n && isIdentChar(source.charCodeAt(j))) {
        let k = j;
        while (k < n && isIdentChar(source.charCodeAt(k))) k++;
        const word = source.slice(j, k);
        if (!NUMBER_SUFFIXES.has(word)) fail(`invalid number literal '${source.slice(start, j + 1)}'`, start);
        suffix = word;
        j = k;
      }
      i = j;
      push("number", digits, start, tokLine, col, suffix);
      continue;
    }
    if (ch === 39 /* ' */ && isIdentStart(source.charCodeAt(i + 1))) {
      let j = i + 2;
      while (j < n && isIdentChar(source.charCodeAt(j))) j++;
      i = j;
      push("label", source.slice(start, j), start, tokLine, col);
      continue;
    }
    const two = source.slice(i, i + 2);
    if (TWO_CHAR_PUNCT.has(two)) {
      i += 2;
      punct(two, start, tokLine, col);
      continue;
    }
    const c = source[i] as string;
    if (SINGLE_PUNCT.includes(c)) {
      i++;
      punct(c, start, tokLine, col);
      continue;
    }
    fail(`unexpected character '${c}'`, i);
  }
  push("eof", "", i, line, i - lineStart + 1);
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
        const hex = source.slice(j + 2, j + 4);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) fail(`invalid escape '\\x${hex}'`, j);
        text += String.fromCharCode(Number.parseInt(hex, 16));
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
