import type { SourcePos, TypeExpr } from "../../packages/move/src/syntax/ast.ts";
import { GeneratorError } from "./errors.ts";
import { type ModuleId, type ModuleScope, moduleKey, resolveAddress } from "./scope.ts";

const PRIMITIVES = new Set([
  "bool",
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
  "address",
  "signer",
]);

/**
 * Prints a type exactly as the fullnode's module ABI does: primitives as-is, `vector<T>`, references as
 * `&T` / `&mut T`, structs as `<address>::<module>::<Name><args>` with args joined by `, `, and type
 * parameters by position (`T0`, `T1`, ...). A name that is none of these is an error, never a guess.
 */
export function resolveType(
  scope: ModuleScope,
  type: TypeExpr,
  typeParams: readonly string[],
  where: string,
): string {
  const go = (t: TypeExpr): string => resolveType(scope, t, typeParams, where);
  switch (type.kind) {
    case "ref":
      return `${type.mutable ? "&mut " : "&"}${go(type.to)}`;
    case "tuple":
      throw new GeneratorError(`a tuple type is only allowed as a return type (in ${where})`);
    case "fn":
      // The fullnode's `MoveType::Function` display: `|a,b|r`, commas without spaces, abilities omitted.
      return `|${type.params.map(go).join(",")}|${type.result.map(go).join(",")}`;
    case "named": {
      const { segments, pos } = type.path;
      const args = type.args.map(go);
      const argCount = (n: number) => {
        if (args.length !== n) {
          throw new GeneratorError(
            `'${segments.join("::")}' takes ${n} type argument(s), got ${args.length}`,
            pos,
          );
        }
      };
      if (segments.length === 1) {
        const name = segments[0] as string;
        if (PRIMITIVES.has(name)) {
          argCount(0);
          return name;
        }
        if (name === "vector") {
          argCount(1);
          return `vector<${args[0]}>`;
        }
        const index = typeParams.indexOf(name);
        if (index >= 0) {
          argCount(0);
          return `T${index}`;
        }
        if (scope.mod.structs.some((s) => s.name === name))
          return structTag(scope, scope.id, name, args, pos);
        const member = scope.memberAliases.get(name);
        if (member) return structTag(scope, member, member.member, args, pos);
        throw new GeneratorError(
          `unknown type '${name}' in ${where}: not a builtin, a type parameter, a struct of ` +
            `${scope.mod.address}::${scope.mod.name} or a name imported with 'use'`,
          pos,
        );
      }
      if (segments.length === 2) {
        const [m, name] = segments as [string, string];
        const target = m === "Self" ? scope.id : scope.moduleAliases.get(m);
        if (!target) {
          throw new GeneratorError(
            `unknown module '${m}' in type '${m}::${name}' in ${where} (no 'use' for it)`,
            pos,
          );
        }
        return structTag(scope, target, name, args, pos);
      }
      if (segments.length === 3) {
        const [a, m, name] = segments as [string, string, string];
        return structTag(
          scope,
          { address: resolveAddress(a, scope.namedAddresses, pos), module: m },
          name,
          args,
          pos,
        );
      }
      throw new GeneratorError(`invalid type path '${segments.join("::")}' in ${where}`, pos);
    }
  }
}

function structTag(
  scope: ModuleScope,
  target: ModuleId,
  name: string,
  args: string[],
  pos: SourcePos,
): string {
  // A reference into the package being generated is checked against its declarations.
  const samePackage = [...scope.packageModules.values()].some(
    (m) => resolveAddress(m.address, scope.namedAddresses) === target.address,
  );
  if (samePackage) {
    const mod = scope.packageModules.get(moduleKey(target));
    if (!mod) throw new GeneratorError(`unknown module ${target.module} at ${target.address}`, pos);
    const decl = mod.structs.find((s) => s.name === name);
    if (!decl)
      throw new GeneratorError(`unknown type '${name}': module ${mod.name} declares no such struct`, pos);
    if (decl.typeParams.length !== args.length) {
      throw new GeneratorError(
        `'${mod.name}::${name}' takes ${decl.typeParams.length} type argument(s), got ${args.length}`,
        pos,
      );
    }
  }
  return `${target.address}::${target.module}::${name}${args.length > 0 ? `<${args.join(", ")}>` : ""}`;
}
