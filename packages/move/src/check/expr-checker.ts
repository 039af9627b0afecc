/**
 * What the rule modules (calls, operators, places, structs, patterns) need of the body checker. The rules are
 * functions over this narrow interface so each kind of expression lives in its own file while the checker keeps
 * the state they share: the unifier, the scopes of locals and the lists `finish` resolves at the end.
 */
import type { Diagnostic, DiagnosticCode } from "../diagnostics.ts";
import type { CallExpr, Expr, FunctionDecl, SourcePos } from "../syntax/ast.ts";
import type { Ty } from "../types.ts";
import type { Env, FunSig } from "./env.ts";
import type { ModuleScope } from "./scope.ts";
import type { Unifier } from "./unify.ts";

export interface BodyContext {
  env: Env;
  scope: ModuleScope;
  diags: Diagnostic[];
  /** The function being checked (undefined for a constant). */
  fn?: FunctionDecl;
  /** The function's own signature. */
  sig?: FunSig;
  /** Whether the enclosing function or module is test-only. */
  testOnly: boolean;
  /** Own-module resources each function of the module acquires directly or through same-module calls. */
  acquiresOf: (name: string) => ReadonlySet<string>;
}

/** A call whose type arguments (and, for a function, constraints) are checked once all types are known. */
export interface PendingCall {
  res: NonNullable<CallExpr["res"]>;
  sig?: FunSig;
  pos: SourcePos;
}

export interface ExprChecker {
  readonly c: BodyContext;
  readonly u: Unifier;
  /** Own-module resources this body touches (for `acquires`). */
  readonly acquired: Set<string>;
  error(code: DiagnosticCode, message: string, pos: SourcePos): void;
  /** A type for a message, with what is known of its variables filled in. */
  show(t: Ty): string;
  /** Records an ability the code needs of a type, checked once all types are known. */
  need(ty: Ty, ability: string, pos: SourcePos, what: string): void;
  /** Writes a node's type into the tree (resolved at the end) and returns it. */
  set<T extends { ty?: Ty }>(node: T, ty: Ty): Ty;
  expect(actual: Ty, expected: Ty, pos: SourcePos, what: string): void;
  /** Checks an expression (with the type the context expects, if any) and returns its type. */
  expr(e: Expr, expected?: Ty): Ty;
  /** A new local in the innermost scope; returns its slot. */
  declare(name: string, ty: Ty): number;
  lookup(name: string): number | undefined;
  localTy(slot: number): Ty;
  typeParamNames(): string[];
  recordCall(call: PendingCall): void;
  /** A pack or unpack whose struct type is resolved at the end. */
  recordPack(node: { struct?: Ty }): void;
}
