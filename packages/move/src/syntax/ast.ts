/**
 * The Move syntax tree shared by every stage of `@kofi/move`:
 *
 *   parser (syntax/)  ->  checker (check/)  ->  interpreter (interp/)
 *
 * The parser fills the syntactic fields. The checker resolves names and infers types, writing its results into
 * the fields marked "checker:" (they stay undefined until `checkPackage` succeeds). The interpreter reads only
 * checked trees, so it never guesses a type, a slot or a callee.
 */
import type { Ty } from "../types.ts";

/** A position in a source file, 1-based, as compilers print it (`file:line:col`). */
export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

/** A path as written: `Coin`, `coin::Coin`, `0x1::coin::Coin`, `aptos_framework::coin::Coin`. */
export interface PathRef {
  segments: string[];
  pos: SourcePos;
}

/** A type as written in the source, before resolution. */
export type TypeExpr =
  | { kind: "ref"; mutable: boolean; to: TypeExpr; pos: SourcePos }
  | { kind: "tuple"; items: TypeExpr[]; pos: SourcePos }
  | { kind: "fn"; params: TypeExpr[]; result: TypeExpr[]; abilities: string[]; pos: SourcePos }
  | { kind: "named"; path: PathRef; args: TypeExpr[]; pos: SourcePos };

export interface TypeParam {
  name: string;
  phantom: boolean;
  constraints: string[];
}

/** An attribute such as `#[test(a = @0x1, b = @kofi)]` or `#[expected_failure(abort_code = E, location = m)]`. */
export interface Attribute {
  name: string;
  /** `name = value` pairs and bare names inside the parentheses, in source order. */
  args: AttributeArg[];
  /** `#[name = value]` (parser addition). */
  value?: AttributeValue;
  pos: SourcePos;
}

export type AttributeArg =
  | { kind: "flag"; name: string; pos: SourcePos }
  | { kind: "assign"; name: string; value: AttributeValue; pos: SourcePos }
  | { kind: "nested"; name: string; args: AttributeArg[]; pos: SourcePos };

/** `@addr`, a number, a path (`kofi::vault` or `vault::E_NAME`), a string, a bool. */
export type AttributeValue =
  | { kind: "address"; value: string }
  | { kind: "number"; value: bigint }
  | { kind: "path"; path: PathRef }
  | { kind: "string"; value: string }
  | { kind: "bool"; value: boolean };

/** One `use` declaration leaf: either a module alias or a member alias. */
export type UseDecl =
  | {
      kind: "module";
      address: string;
      module: string;
      alias: string;
      pos: SourcePos;
      attributes: Attribute[];
    }
  | {
      kind: "member";
      address: string;
      module: string;
      member: string;
      alias: string;
      pos: SourcePos;
      attributes: Attribute[];
    };

export type Visibility = "public" | "friend" | "package" | "private";

export interface Param {
  name: string;
  type: TypeExpr;
  pos: SourcePos;
  /** checker: the local slot of the parameter (parameters take slots 0..n-1). */
  slot?: number;
  /** checker: the resolved type. */
  ty?: Ty;
}

export interface FunctionDecl {
  name: string;
  doc: string[];
  /** Raw attribute names (`view`, `test`, `test_only`, ...), kept for the ABI generator. */
  attributes: string[];
  /** Parsed attributes with their arguments. */
  attrs: Attribute[];
  visibility: Visibility;
  isEntry: boolean;
  isInline: boolean;
  isNative: boolean;
  typeParams: TypeParam[];
  params: Param[];
  returns: TypeExpr[];
  /** `acquires A, B` as written. */
  acquires: PathRef[];
  /** The body; undefined for native functions. */
  body?: BlockExpr;
  pos: SourcePos;
  /** checker: number of local slots the body needs (parameters included). */
  frameSize?: number;
  /** checker: resolved return types. */
  returnTys?: Ty[];
  /** checker: for a `#[test]` function, what the runner needs (attribute paths resolved in the module's scope). */
  test?: TestInfo;
}

/** A `#[test]` function's signer injection and expected failure, resolved by the checker. */
export interface TestInfo {
  /** Long-form address injected for each parameter (all signers), in parameter order. */
  signers: string[];
  expectedFailure?: ExpectedFailure;
}

/**
 * `#[expected_failure(...)]`: `any` for the bare attribute; `abort` with `abort_code`; `arithmetic_error` /
 * `vector_error` (status failures). `location` is the module the failure must come from, when given.
 */
export interface ExpectedFailure {
  // "any" is the string tag of a bare #[expected_failure] (any failure passes), not the TypeScript `any` type.
  kind: "any" | "abort" | "arithmetic_error" | "vector_error";
  abortCode?: { value: bigint } | { constant: { module: ModuleId; name: string } };
  location?: ModuleId;
}

export interface FieldDecl {
  name: string;
  type: TypeExpr;
  pos: SourcePos;
  /** checker: resolved field type (type parameters as `{ k: "param" }`). */
  ty?: Ty;
}

export interface StructDecl {
  name: string;
  doc: string[];
  attributes: string[];
  attrs: Attribute[];
  isNative: boolean;
  isEnum: boolean;
  abilities: string[];
  typeParams: TypeParam[];
  fields: FieldDecl[];
  pos: SourcePos;
}

export interface ConstDecl {
  name: string;
  doc: string[];
  attributes: string[];
  /** Parsed attributes (parser addition; `#[test_only]` constants). */
  attrs?: Attribute[];
  type: TypeExpr;
  value: Expr;
  /** The value expression as written in the source (parser addition, for messages and the ABI). */
  source?: string;
  pos: SourcePos;
  /** checker: resolved type. */
  ty?: Ty;
}

export interface ModuleDecl {
  /** The address as written: a named address (`kofi`) or a number (`0x1`). */
  address: string;
  name: string;
  doc: string[];
  attributes: string[];
  attrs: Attribute[];
  file: string;
  uses: UseDecl[];
  friends: PathRef[];
  functions: FunctionDecl[];
  structs: StructDecl[];
  constants: ConstDecl[];
  pos: SourcePos;
}

// ------------------------------------------------------------------------------------------------ bodies

export type BinaryOp =
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "&"
  | "|"
  | "^"
  | "<<"
  | ">>"
  | "=="
  | "!="
  | "<"
  | ">"
  | "<="
  | ">="
  | "&&"
  | "||";

/** Every expression node carries its position and, after checking, its type (`ty`). */
interface ExprBase {
  pos: SourcePos;
  /** checker: the expression's type (a tuple type for multiple values, `{ k: "tuple", items: [] }` for unit). */
  ty?: Ty;
}

/** Integer literal. `suffix` as written (`u8`..`u256`); the checker infers unsuffixed ones. */
export interface NumberExpr extends ExprBase {
  kind: "number";
  value: bigint;
  suffix?: string;
}
export interface BoolExpr extends ExprBase {
  kind: "bool";
  value: boolean;
}
/** `@0x1`, `@kofi`. `value` as written (without `@`). checker: `address` is the normalised long form. */
export interface AddressExpr extends ExprBase {
  kind: "address";
  value: string;
  address?: string;
}
/** `b"..."` and `x"..."`. */
export interface BytesExpr extends ExprBase {
  kind: "bytes";
  value: Uint8Array;
}

/**
 * A bare name or path in expression position: a local variable, a constant (`E_PAUSED`, `vault::X` is not legal
 * Move for constants of other modules, but a local or same-module constant is).
 */
export interface NameExpr extends ExprBase {
  kind: "name";
  path: PathRef;
  /** checker: what the name is. */
  res?: { kind: "local"; slot: number } | { kind: "const"; module: ModuleId; name: string };
}

/** `move x` / `copy x`. */
export interface MoveCopyExpr extends ExprBase {
  kind: "move" | "copy";
  name: string;
  /** checker */
  slot?: number;
}

/** A fully qualified module: normalised long-form address + module name. */
export interface ModuleId {
  address: string;
  name: string;
}

/** Builtins the language defines (not functions of any module). */
export type BuiltinOp = "move_to" | "move_from" | "borrow_global" | "borrow_global_mut" | "exists" | "freeze";

/** `f(args)`, `m::f<T>(args)`, `0x1::m::f(args)`, and the global-storage builtins. */
export interface CallExpr extends ExprBase {
  kind: "call";
  path: PathRef;
  typeArgs?: TypeExpr[];
  args: Expr[];
  /** checker: the callee with its type arguments fully resolved (no inference variables left). */
  res?:
    | { kind: "function"; module: ModuleId; name: string; typeArgs: Ty[] }
    | { kind: "builtin"; op: BuiltinOp; typeArgs: Ty[] };
}

/** `assert!(cond, code)`; `macro` kept for other `name!` forms, which the checker reports as unsupported. */
export interface MacroExpr extends ExprBase {
  kind: "macro";
  name: string;
  args: Expr[];
}

/** `vector[a, b]`, `vector<u8>[]`. checker: `ty` is the vector type. */
export interface VectorExpr extends ExprBase {
  kind: "vector";
  typeArg?: TypeExpr;
  items: Expr[];
}

/** `S { a: 1, b }` (shorthand `b` is `{ name: "b", value: NameExpr b }`). */
export interface PackExpr extends ExprBase {
  kind: "pack";
  path: PathRef;
  typeArgs?: TypeExpr[];
  fields: { name: string; value: Expr; pos: SourcePos }[];
  /** checker: the struct type; field values are evaluated in source order, stored in declaration order. */
  struct?: Ty;
  /** checker: for each declared field (declaration order), the index into `fields`. */
  order?: number[];
}

/** `e.f` (auto-borrows: on a struct value, a reference, or a mutable reference). */
export interface FieldExpr extends ExprBase {
  kind: "field";
  base: Expr;
  name: string;
}

/** `e.f(args)`: receiver-style call. Not used by Kofi; the checker reports it as unsupported. */
export interface MethodCallExpr extends ExprBase {
  kind: "method";
  receiver: Expr;
  name: string;
  typeArgs?: TypeExpr[];
  args: Expr[];
}

/** `e[i]`: index notation. Not used by Kofi; the checker reports it as unsupported. */
export interface IndexExpr extends ExprBase {
  kind: "index";
  base: Expr;
  index: Expr;
}

/** `&e`, `&mut e`. */
export interface BorrowExpr extends ExprBase {
  kind: "borrow";
  mutable: boolean;
  expr: Expr;
}
/** `*e`. */
export interface DerefExpr extends ExprBase {
  kind: "deref";
  expr: Expr;
}
/** `!e`; `-e` does not exist for unsigned integers and is reported by the parser. */
export interface UnaryExpr extends ExprBase {
  kind: "unary";
  op: "!";
  expr: Expr;
}
export interface BinaryExpr extends ExprBase {
  kind: "binary";
  op: BinaryOp;
  left: Expr;
  right: Expr;
}
/** `(e as u64)`. */
export interface CastExpr extends ExprBase {
  kind: "cast";
  expr: Expr;
  type: TypeExpr;
}
export interface IfExpr extends ExprBase {
  kind: "if";
  cond: Expr;
  then: Expr;
  else?: Expr;
}
export interface WhileExpr extends ExprBase {
  kind: "while";
  cond: Expr;
  body: Expr;
  label?: string;
}
export interface LoopExpr extends ExprBase {
  kind: "loop";
  body: Expr;
  label?: string;
}
/** `for (i in a..b) body`. Not used by Kofi; the checker reports it as unsupported. */
export interface ForExpr extends ExprBase {
  kind: "for";
  var: string;
  from: Expr;
  to: Expr;
  body: Expr;
}
/** `{ stmts; result }`; `result` undefined when the block ends with `;` or is empty (unit). */
export interface BlockExpr extends ExprBase {
  kind: "block";
  stmts: Stmt[];
  result?: Expr;
}
export interface ReturnExpr extends ExprBase {
  kind: "return";
  value?: Expr;
}
export interface AbortExpr extends ExprBase {
  kind: "abort";
  code: Expr;
}
export interface BreakExpr extends ExprBase {
  kind: "break" | "continue";
  label?: string;
}
/** `(a, b)`; `()` is the empty tuple (unit). A parenthesised single expression is NOT a tuple. */
export interface TupleExpr extends ExprBase {
  kind: "tuple";
  items: Expr[];
}
/** `lhs = rhs`: `x = e`, `(a, _) = e`, `S { f } = e`, `*r = e`, `s.f = e`. */
export interface AssignExpr extends ExprBase {
  kind: "assign";
  lhs: LValue;
  rhs: Expr;
}

/**
 * The left side of an assignment: a pattern of locals (`x`, `_`, `(a, b)`, `S { f: x }`), or a place reached
 * through a reference or a field (`*r`, `s.f`, `r.f.g`).
 */
export type LValue = Pattern | { kind: "place"; expr: DerefExpr | FieldExpr; pos: SourcePos };
/** `lhs op= rhs` (`+=` ...). Not used by Kofi's Move; supported by the parser for completeness. */
export interface CompoundAssignExpr extends ExprBase {
  kind: "compound_assign";
  op: BinaryOp;
  lhs: Expr;
  rhs: Expr;
}
/** `|x| body`. Not used by Kofi; the checker reports it as unsupported. */
export interface LambdaExpr extends ExprBase {
  kind: "lambda";
  params: string[];
  body: Expr;
}
/** `match (e) { ... }`. Not used by Kofi; the parser reports it as unsupported. */

export type Expr =
  | NumberExpr
  | BoolExpr
  | AddressExpr
  | BytesExpr
  | NameExpr
  | MoveCopyExpr
  | CallExpr
  | MacroExpr
  | VectorExpr
  | PackExpr
  | FieldExpr
  | MethodCallExpr
  | IndexExpr
  | BorrowExpr
  | DerefExpr
  | UnaryExpr
  | BinaryExpr
  | CastExpr
  | IfExpr
  | WhileExpr
  | LoopExpr
  | ForExpr
  | BlockExpr
  | ReturnExpr
  | AbortExpr
  | BreakExpr
  | TupleExpr
  | AssignExpr
  | CompoundAssignExpr
  | LambdaExpr;

/** Binding patterns of `let` and unpacking assignments. */
export type Pattern =
  /** `x`. checker: `slot`. */
  | { kind: "var"; name: string; pos: SourcePos; slot?: number; ty?: Ty }
  /** `_` */
  | { kind: "wildcard"; pos: SourcePos; ty?: Ty }
  /** `(p1, p2)` */
  | { kind: "tuple"; items: Pattern[]; pos: SourcePos; ty?: Ty }
  /**
   * `S { f: p, g }` / `S<T> { .. }`. checker: `struct` is the struct type; `fields` keep source order and each
   * names a declared field.
   */
  | {
      kind: "unpack";
      path: PathRef;
      typeArgs?: TypeExpr[];
      fields: { name: string; pattern: Pattern; pos: SourcePos }[];
      pos: SourcePos;
      struct?: Ty;
      ty?: Ty;
    };

export type Stmt =
  /** `let p: T = e;` (type and initialiser optional). */
  | { kind: "let"; pattern: Pattern; type?: TypeExpr; init?: Expr; pos: SourcePos }
  /** An expression followed by `;` (its value is dropped). */
  | { kind: "expr"; expr: Expr; pos: SourcePos };
