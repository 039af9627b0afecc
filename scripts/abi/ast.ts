import type { SourcePos } from "./errors.ts";
import type { Token } from "./lexer.ts";

/** A path as written: `Coin`, `coin::Coin`, `0x1::coin::Coin`, `aptos_framework::coin::Coin`. */
export interface PathRef {
  segments: string[];
  pos: SourcePos;
}

/** A type as written in the source, before resolution. */
export type TypeExpr =
  | { kind: "ref"; mutable: boolean; to: TypeExpr }
  | { kind: "tuple"; items: TypeExpr[] }
  | { kind: "fn"; params: TypeExpr[]; result: TypeExpr[]; abilities: string[] }
  | { kind: "named"; path: PathRef; args: TypeExpr[] };

export interface TypeParam {
  name: string;
  phantom: boolean;
  constraints: string[];
}

/** One `use` declaration leaf: either a module alias or a member alias. */
export type UseDecl =
  | { kind: "module"; address: string; module: string; alias: string; pos: SourcePos }
  | { kind: "member"; address: string; module: string; member: string; alias: string; pos: SourcePos };

export type Visibility = "public" | "friend" | "package" | "private";

export interface FunctionDecl {
  name: string;
  doc: string[];
  attributes: string[];
  visibility: Visibility;
  isEntry: boolean;
  isInline: boolean;
  isNative: boolean;
  typeParams: TypeParam[];
  params: { name: string; type: TypeExpr }[];
  returns: TypeExpr[];
  /** Tokens of the body between the braces (empty for native functions). */
  body: Token[];
  pos: SourcePos;
}

export interface StructDecl {
  name: string;
  doc: string[];
  attributes: string[];
  isNative: boolean;
  isEnum: boolean;
  abilities: string[];
  typeParams: TypeParam[];
  fields: { name: string; type: TypeExpr }[];
  pos: SourcePos;
}

export interface ConstDecl {
  name: string;
  doc: string[];
  type: TypeExpr;
  /** The tokens of the value expression, evaluated after all modules are parsed. */
  value: Token[];
  pos: SourcePos;
}

export interface ModuleDecl {
  /** The address as written: a named address (`kofi`) or a number (`0x1`). */
  address: string;
  name: string;
  doc: string[];
  file: string;
  uses: UseDecl[];
  friends: PathRef[];
  functions: FunctionDecl[];
  structs: StructDecl[];
  constants: ConstDecl[];
  pos: SourcePos;
}
