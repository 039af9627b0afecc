import { describe, expect, it } from "vitest";
import { tokenize } from "./lexer.ts";
import { MoveSyntaxError } from "./syntax-error.ts";

const texts = (src: string) => tokenize(src, "t.move").map((t) => t.text);

describe("tokenize", () => {
  it("drops // and /* */ comments, including inside a signature", () => {
    expect(texts("fun f(/* a */ x: u64, // trailing\n y: /* t */ bool)")).toEqual([
      "fun",
      "f",
      "(",
      "x",
      ":",
      "u64",
      ",",
      "y",
      ":",
      "bool",
      ")",
      "",
    ]);
  });

  it("keeps /// and /** */ doc comments on the next token, not plain comments", () => {
    const tokens = tokenize("/// one\n// plain\n/// two\n/** three\n * four */\nconst X: u64 = 1;", "t.move");
    expect(tokens[0]?.docs).toEqual(["one", "two", "three", "four"]);
    expect(tokens[1]?.docs).toEqual([]);
  });

  it("nests block comments and treats /**/ and /***/ as plain comments", () => {
    expect(texts("a /* x /* y */ z */ b /**/ c /***/ d /* /**/ /***/ */ e")).toEqual([
      "a",
      "b",
      "c",
      "d",
      "e",
      "",
    ]);
    expect(tokenize("/***/ /**/ fun", "t.move")[0]?.docs).toEqual([]);
  });

  it("reads byte strings, hex strings and escapes", () => {
    const tokens = tokenize('b"kofi::stake\\"x" x"0A1b" "s"', "t.move");
    expect(tokens.map((t) => [t.kind, t.text])).toEqual([
      ["bytes", 'kofi::stake"x'],
      ["hexbytes", "0A1b"],
      ["string", "s"],
      ["eof", ""],
    ]);
  });

  it("reads decimal, hex and suffixed numbers with underscores", () => {
    const tokens = tokenize("1_000 0x6b_6f 10u64 0xffu8", "t.move").filter((t) => t.kind === "number");
    expect(tokens.map((t) => [t.text, t.suffix])).toEqual([
      ["1_000", undefined],
      ["0x6b_6f", undefined],
      ["10", "u64"],
      ["0xff", "u8"],
    ]);
  });

  it("splits >> into two tokens so nested generics close", () => {
    expect(texts("vector<vector<u8>>")).toEqual(["vector", "<", "vector", "<", "u8", ">", ">", ""]);
  });

  it("reports position of bad input", () => {
    expect(() => tokenize("fun f() {\n  `\n}", "bad.move")).toThrow(MoveSyntaxError);
    expect(() => tokenize("fun f() {\n  `\n}", "bad.move")).toThrow("bad.move:2:3: unexpected character '`'");
    expect(() => tokenize("/* open", "bad.move")).toThrow("unterminated block comment");
  });
});
