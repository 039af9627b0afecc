import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../diagnostics.ts";
import type { BlockExpr } from "./ast.ts";
import { parseFile } from "./parse-module.ts";
import { show, showStmt } from "./show-tree.ts";

/** Parses `body` as the body of a function; fails the test on any diagnostic. */
function body(src: string): BlockExpr {
  const r = parseFile(`module 0x1::t {\n  fun f() {\n${src}\n  }\n}`, "t.move");
  expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
  const b = r.modules[0]?.functions[0]?.body;
  if (!b) throw new Error("no body");
  return b;
}
/** The single result expression of `{ src }`. */
const expr = (src: string) => {
  const b = body(src);
  expect(b.stmts).toEqual([]);
  if (!b.result) throw new Error("no result");
  return show(b.result);
};
const stmts = (src: string) => {
  const b = body(src);
  return [...b.stmts.map(showStmt), ...(b.result ? [show(b.result)] : [])];
};
/** Diagnostics of a whole file, as `line:col code message`. */
const diags = (src: string) =>
  parseFile(src, "d.move").diagnostics.map((d) => `${d.pos.line}:${d.pos.col} ${d.code} ${d.message}`);

describe("operators", () => {
  it("binds || < && < comparisons < | < ^ < & < shifts < + - < * / %", () => {
    expect(expr("a || b && c == d | e ^ f & g << h + i * j")).toBe(
      "(|| a (&& b (== c (| d (^ e (& f (<< g (+ h (* i j)))))))))",
    );
    expect(expr("a * b + c << d & e ^ f | g != h && i || j")).toBe(
      "(|| (&& (!= (| (^ (& (<< (+ (* a b) c) d) e) f) g) h) i) j)",
    );
  });

  it("is left-associative within a level", () => {
    expect(expr("a - b - c")).toBe("(- (- a b) c)");
    expect(expr("a / b * c % d")).toBe("(% (* (/ a b) c) d)");
    expect(expr("a >> 1 >> 2")).toBe("(>> (>> a 1) 2)");
  });

  it("reads every comparison and the two-token shifts", () => {
    expect(expr("(a < b, a > b, a <= b, a >= b, a == b, a != b, 1 << 64, x >> 3)")).toBe(
      "(tuple (< a b) (> a b) (<= a b) (>= a b) (== a b) (!= a b) (<< 1 64) (>> x 3))",
    );
  });

  it("applies unary operators before casts and casts before binary operators", () => {
    expect(expr("!a && !b")).toBe("(&& (! a) (! b))");
    expect(expr("*r + 1")).toBe("(+ (* r) 1)");
    expect(expr("&mut s.f")).toBe("(&mut (. s f))");
    expect(expr("&v.items[0]")).toBe("(& (index (. v items) 0))");
    expect(expr("*&mut x")).toBe("(* (&mut x))");
    expect(expr("move a + copy b")).toBe("(+ (move a) (copy b))");
  });
});

describe("casts", () => {
  it("reads (e as T) around any expression", () => {
    expect(expr("((a as u128) * (b as u128) / (c as u128) as u64)")).toBe(
      "(as (/ (* (as a u128) (as b u128)) (as c u128)) u64)",
    );
    expect(expr("(option::extract(&mut s) as u64)")).toBe("(as (call option::extract (&mut s)) u64)");
  });

  it("casts a whole parenthesised expression, and a bare unary expression that is a whole expression", () => {
    expect(expr("(a * b as u128)")).toBe("(as (* a b) u128)");
    expect(expr("(x + 1 as u64) * 2")).toBe("(* (as (+ x 1) u64) 2)");
    expect(expr("(x as u64 as u128)")).toBe("(as (as x u64) u128)");
    expect(stmts("let y = x as u64;\nlet z = *r as u128;\nf(v.amount as u128)")).toEqual([
      "(let y (as x u64));",
      "(let z (as (* r) u128));",
      "(call f (as (. v amount) u128))",
    ]);
  });

  it("rejects a bare cast inside a binary expression, as Move does", () => {
    expect(diags("module 0x1::c {\n  fun f(): u64 { x as u64 + 1 }\n}")).toEqual([
      "2:27 syntax_error expected ';' or '}' after an expression, found '+'",
    ]);
  });
});

describe("terms", () => {
  it("reads numbers with suffixes, hex and underscores", () => {
    expect(expr("(1u64, 0xff, 1_000, 0x6b_6f6669u256, 340282366920938463463374607431768211455u128)")).toBe(
      "(tuple 1u64 255 1000 1802462825u256 340282366920938463463374607431768211455u128)",
    );
  });

  it("reads byte strings with escapes and hex strings", () => {
    expect(expr('(b"kAPT", b"a\\n\\x00\\"", x"0A0b", x"", b"")')).toBe(
      "(tuple bytes[107,65,80,84] bytes[97,10,0,34] bytes[10,11] bytes[] bytes[])",
    );
  });

  it("reads numeric and named address literals", () => {
    expect(expr("(@0x1, @kofi, @0xA11CE, @aptos_framework)")).toBe(
      "(tuple @0x1 @kofi @0xA11CE @aptos_framework)",
    );
  });

  it("reads unit, tuples and parenthesised expressions (not tuples)", () => {
    expect(expr("()")).toBe("(tuple)");
    expect(expr("(a)")).toBe("a");
    expect(expr("(a, (b), (c, d),)")).toBe("(tuple a b (tuple c d))");
  });

  it("reads vector literals with and without a type argument", () => {
    expect(expr("vector[1, 2, 3]")).toBe("(vector 1 2 3)");
    expect(expr("vector<u8>[]")).toBe("(vector<u8>)");
    expect(expr('vector<vector<u8>>[b"a"]')).toBe("(vector<vector<u8>> bytes[97])");
    expect(expr("vector::length(&v)")).toBe("(call vector::length (& v))");
  });

  it("reads field chains, method calls and index notation", () => {
    expect(expr("a.b.c")).toBe("(. (. a b) c)");
    expect(expr("vector::borrow(all, j).weight_bps")).toBe("(. (call vector::borrow all j) weight_bps)");
    expect(expr("v.length()")).toBe("(method v length)");
    expect(expr("x.map::<u64>(f).f")).toBe("(. (method x map<u64> f) f)");
    expect(expr("v[i + 1]")).toBe("(index v (+ i 1))");
  });
});

describe("calls and generic arguments", () => {
  it("reads plain, module, address-qualified and generic calls", () => {
    expect(expr("f(1, 2,)")).toBe("(call f 1 2)");
    expect(expr("coin::value(&c)")).toBe("(call coin::value (& c))");
    expect(expr("0x1::signer::address_of(s)")).toBe("(call 0x1::signer::address_of s)");
    expect(expr("aptos_framework::coin::zero<AptosCoin>()")).toBe(
      "(call aptos_framework::coin::zero<AptosCoin>)",
    );
    expect(expr("borrow_global_mut<Vault>(@kofi)")).toBe("(call borrow_global_mut<Vault> @kofi)");
    expect(expr("table::new<address, vector<Ticket>>()")).toBe("(call table::new<address,vector<Ticket>>)");
  });

  it("takes '<' as a comparison unless it touches the name and a type list and '(' or '{' follow", () => {
    expect(expr("f(a < b, c > (d))")).toBe("(call f (< a b) (> c (d)))".replace("(d)", "d"));
    expect(expr("a<b")).toBe("(< a b)");
    expect(expr("a < b")).toBe("(< a b)");
    expect(expr("a < b && c > d")).toBe("(&& (< a b) (> c d))");
    expect(expr("i < len && x")).toBe("(&& (< i len) x)");
    expect(expr("(a < b) == (c > d)")).toBe("(== (< a b) (> c d))");
    expect(expr("x < MAX")).toBe("(< x MAX)");
    expect(expr("f<T>(x) < g<u8>(y)")).toBe("(< (call f<T> x) (call g<u8> y))");
  });

  it("reads assert! and other macros", () => {
    expect(expr("assert!(x > 0, error::invalid_argument(E_ZERO))")).toBe(
      "(assert! (> x 0) (call error::invalid_argument E_ZERO))",
    );
    expect(expr("assert!(ok)")).toBe("(assert! ok)");
  });
});

describe("packs and blocks", () => {
  it("reads a name followed by '{' as a pack, with shorthand fields and type arguments", () => {
    expect(expr("S { a: 1, b }")).toBe("(pack S a:1 b:b)");
    expect(expr("m::S<T> { x: vector[] }")).toBe("(pack m::S<T> x:(vector))");
    expect(expr("Empty {}")).toBe("(pack Empty)");
  });

  it("reads if/while bodies as blocks, with packs in conditions' operands and branches", () => {
    expect(expr("if (x) { S { a } } else { T {} }")).toBe("(if x {(pack S a:a)} {(pack T)})");
    expect(expr("if (a == S { f: 1 }) 1 else 2")).toBe("(if (== a (pack S f:1)) 1 2)");
    expect(stmts("while (i < n) { i = i + 1 }; i")).toEqual(["(while (< i n) {(= i (+ i 1))});", "i"]);
  });

  it("needs ';' after every statement but the last, blocks and loops included, as Move does", () => {
    expect(stmts("if (c) { f() };\n*r = 1;\nloop { break };\n{ g() };\nx")).toEqual([
      "(if c {(call f)});",
      "(= [place (* r)] 1);",
      "(loop {(break)});",
      "{(call g)};",
      "x",
    ]);
    expect(diags("module 0x1::s {\n  fun f() {\n    if (c) { g() }\n    let x = 1;\n  }\n}")).toEqual([
      "4:5 syntax_error expected ';' or '}' after an expression, found 'let'",
    ]);
  });

  it("continues a block-bodied if with operators, not its last branch", () => {
    expect(expr("if (a) { 1 } else { 2 } + 1")).toBe("(+ (if a {1} {2}) 1)");
    expect(expr("if (a) 1 else 2 + 1")).toBe("(if a 1 (+ 2 1))");
  });

  it("parses if/else as an expression with greedy else branches", () => {
    expect(expr("if (a) 1 else if (b) 2 else 3 + 4")).toBe("(if a 1 (if b 2 (+ 3 4)))");
    expect(expr("1 + if (c) 2 else 3")).toBe("(+ 1 (if c 2 3))");
  });

  it("reads return/abort/break/continue and labels", () => {
    expect(stmts("if (x) return;\nif (y) return 5;\nabort E_X")).toEqual([
      "(if x (return));",
      "(if y (return 5));",
      "(abort E_X)",
    ]);
    expect(expr("'outer: loop { while (true) { if (x) break 'outer else continue } }")).toBe(
      "(loop 'outer {(while true {(if x (break 'outer) (continue))})})",
    );
    expect(stmts("if (!ok) abort error::not_found(E)")).toEqual([
      "(if (! ok) (abort (call error::not_found E)))",
    ]);
  });
});

describe("let, patterns and assignments", () => {
  it("reads let with optional types and initialisers", () => {
    expect(stmts('let x;\nlet y: u64 = 1;\nlet v: vector<u8> = b"";\n')).toEqual([
      "(let x);",
      "(let y: u64 1);",
      "(let v: vector<u8> bytes[]);",
    ]);
  });

  it("reads tuple, wildcard, nested unpack and positional patterns", () => {
    expect(
      stmts(
        "let (a, _, (b, c)) = t;\nlet S { f, g: G { h: _ } } = s;\nlet m::P<T> { x: y } = p;\nlet W(a, b) = w;",
      ),
    ).toEqual([
      "(let (a,_,(b,c)) t);",
      "(let S{f:f,g:G{h:_}} s);",
      "(let m::P<T>{x:y} p);",
      "(let W{0:a,1:b} w);",
    ]);
  });

  it("reads every assignment form", () => {
    expect(
      stmts(
        "x = 1;\n(a, _) = f();\n*r = 2;\ns.f = 3;\nr.f.g = 4;\nS { f } = s;\n_ = g();\nx += 1;\ny <<= 2;",
      ),
    ).toEqual([
      "(= x 1);",
      "(= (a,_) (call f));",
      "(= [place (* r)] 2);",
      "(= [place (. s f)] 3);",
      "(= [place (. (. r f) g)] 4);",
      "(= S{f:f} s);",
      "(= _ (call g));",
      "(+= x 1);",
      "(<<= y 2);",
    ]);
  });

  it("reads for loops and lambdas into their nodes", () => {
    expect(expr("for (i in 0..n) { sum = sum + i }")).toBe("(for i 0 n {(= sum (+ sum i))})");
    expect(expr("apply(|x, y| x + y, || 1)")).toBe("(call apply (lambda [x,y] (+ x y)) (lambda [] 1))");
  });
});

describe("constants", () => {
  it("parses constant values as expressions and keeps their source text", () => {
    const [m] = parseFile(
      'module 0x1::c {\n  const A: u64 = (1 << 16) | 2;\n  const B: vector<u8> = x"0a";\n  const C: address = @kofi;\n}',
      "c.move",
    ).modules;
    expect(m?.constants.map((k) => [k.name, show(k.value), k.source])).toEqual([
      ["A", "(| (<< 1 16) 2)", "(1 << 16) | 2"],
      ["B", "bytes[10]", 'x"0a"'],
      ["C", "@kofi", "@kofi"],
    ]);
  });
});

describe("positions", () => {
  it("places nodes at their first token, binary operators at the operator", () => {
    const b = body("    let total = a +\n      b;");
    const s = b.stmts[0];
    expect(s?.pos).toEqual({ file: "t.move", line: 3, col: 5 });
    if (s?.kind !== "let" || !s.init) throw new Error("let expected");
    expect(s.init.pos).toEqual({ file: "t.move", line: 3, col: 19 });
    if (s.init.kind !== "binary") throw new Error("binary expected");
    expect(s.init.left.pos).toEqual({ file: "t.move", line: 3, col: 17 });
    expect(s.init.right.pos).toEqual({ file: "t.move", line: 4, col: 7 });
  });
});

describe("attributes", () => {
  it("reads names, flags, assignments, nested arguments, paths and addresses", () => {
    const [m] = parseFile(
      `#[test_only]
module kofi::t {
  #[test(aptos_framework = @0x1, kofi = @kofi)]
  #[expected_failure(abort_code = staking_manager::E_X, location = kofi::staking_manager)]
  fun a() {}
  #[expected_failure(abort_code = 0x10001, location = Self)]
  fun b() {}
  #[expected_failure(arithmetic_error, location = Self), lint::skip(needless_mutable_reference)]
  fun c() {}
  #[view] #[deprecated = "old"] #[event]
  fun d() {}
}`,
      "t.move",
      { tests: true },
    ).modules;
    expect(m?.attributes).toEqual(["test_only"]);
    const attrs = (i: number) =>
      m?.functions[i]?.attrs.map((a) => ({ name: a.name, args: a.args, value: a.value }));
    const strip = (x: unknown) =>
      JSON.parse(
        JSON.stringify(x, (k, v) => (k === "pos" ? undefined : typeof v === "bigint" ? `${v}n` : v)),
      );
    expect(strip(attrs(0))).toEqual([
      {
        name: "test",
        args: [
          { kind: "assign", name: "aptos_framework", value: { kind: "address", value: "0x1" } },
          { kind: "assign", name: "kofi", value: { kind: "address", value: "kofi" } },
        ],
      },
      {
        name: "expected_failure",
        args: [
          {
            kind: "assign",
            name: "abort_code",
            value: { kind: "path", path: { segments: ["staking_manager", "E_X"] } },
          },
          {
            kind: "assign",
            name: "location",
            value: { kind: "path", path: { segments: ["kofi", "staking_manager"] } },
          },
        ],
      },
    ]);
    expect(strip(attrs(1))?.[0]?.args).toEqual([
      { kind: "assign", name: "abort_code", value: { kind: "number", value: "65537n" } },
      { kind: "assign", name: "location", value: { kind: "path", path: { segments: ["Self"] } } },
    ]);
    expect(strip(attrs(2))).toEqual([
      {
        name: "expected_failure",
        args: [
          { kind: "flag", name: "arithmetic_error" },
          { kind: "assign", name: "location", value: { kind: "path", path: { segments: ["Self"] } } },
        ],
      },
      { name: "lint::skip", args: [{ kind: "flag", name: "needless_mutable_reference" }] },
    ]);
    expect(m?.functions[3]?.attributes).toEqual(["view", "deprecated", "event"]);
    expect(m?.functions[3]?.attrs[1]?.value).toEqual({ kind: "string", value: "old" });
    expect(m?.functions[0]?.attrs[1]?.pos).toEqual({ file: "t.move", line: 4, col: 5 });
  });

  it("attaches attributes to structs and constants", () => {
    const [m] = parseFile(
      "module kofi::e {\n  #[event]\n  struct E has drop, store { x: u64 }\n  #[test_only]\n  const K: u64 = 1;\n}",
      "e.move",
      {
        tests: true,
      },
    ).modules;
    expect(m?.structs[0]?.attributes).toEqual(["event"]);
    expect(m?.constants[0]?.attrs?.map((a) => a.name)).toEqual(["test_only"]);
  });
});

describe("unsupported and malformed syntax", () => {
  it("reports match, enums, access specifiers, scripts and use in bodies at their line:col", () => {
    expect(
      diags(`module 0x1::u {
  enum Color { Red, Blue }
  fun m(x: u64): u64 {
    match (x) { _ => 1 }
  }
  fun r() reads S { }
  fun n() { use std::vector; }
  fun neg(): u64 { -1 }
  fun ann(): u64 { (1: u64) }
}
script { fun main() {} }`),
    ).toEqual([
      "2:3 unsupported_syntax enum Color: enums are not supported",
      "4:5 unsupported_syntax match expression is not supported",
      "6:11 unsupported_syntax access specifier 'reads' is not supported",
      "7:13 unsupported_syntax 'use' inside a function body is not supported",
      "8:20 unsupported_syntax unary minus (Move integers are unsigned) is not supported",
      "9:22 unsupported_syntax type annotation '(e: T)' is not supported",
      "11:1 unsupported_syntax scripts are not supported",
    ]);
  });

  it("reports syntax errors at the offending token", () => {
    expect(diags("module 0x1::e {\n  fun f() { let x = ; }\n}")).toEqual([
      "2:21 syntax_error expected an expression, found ';'",
    ]);
    expect(diags("module 0x1::e {\n  fun f() { a b }\n}")).toEqual([
      "2:15 syntax_error expected ';' or '}' after an expression, found 'b'",
    ]);
    expect(diags("module 0x1::e {\n  fun f() { 1 + 2 = 3; }\n}")).toEqual([
      "2:13 syntax_error invalid left side of an assignment",
    ]);
    expect(diags('module 0x1::e {\n  fun f() { x"abc" }\n}')).toEqual([
      '2:13 syntax_error x"abc" has an odd number of hex digits',
    ]);
    expect(diags("module 0x1::e {\n  fun f() { if x { } }\n}")).toEqual([
      "2:16 syntax_error expected '(' after 'if', found 'x'",
    ]);
  });

  it("skips spec blocks inside bodies (prover only)", () => {
    expect(stmts("spec { assert x > 0; };\n1")).toEqual(["{};", "1"]);
  });
});
