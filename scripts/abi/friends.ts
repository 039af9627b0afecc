import type { ModuleDecl, PathRef } from "../../packages/move/src/syntax/ast.ts";
import { forEachExpr } from "../../packages/move/src/syntax/visit.ts";
import { type ModuleId, type ModuleScope, moduleKey, resolveAddress } from "./scope.ts";

/**
 * The friends the compiler declares for `public(package)`: when module A of the package calls a package
 * function of module B, A becomes a friend of B (aptos-core #13680). Returns B's key -> A's keys.
 * Calls are found in function bodies as `addr::m::f`, `m::f` (m a module alias) or `f` (a `use`d member).
 * Receiver-style calls (`x.f()`) cannot be resolved without types and are not seen.
 */
export function inferPackageFriends(scopes: readonly ModuleScope[]): Map<string, Set<string>> {
  const byKey = new Map(scopes.map((s) => [moduleKey(s.id), s]));
  const out = new Map<string, Set<string>>();
  for (const caller of scopes) {
    const callerKey = moduleKey(caller.id);
    for (const f of caller.mod.functions) {
      if (!f.body) continue;
      forEachExpr(f.body, (e) => {
        // A name path too: Move 2 function values (`m::f` without a call) also reference the function.
        if (e.kind !== "call" && e.kind !== "name") return;
        const target = resolveFunction(caller, e.path);
        if (!target) return;
        const targetKey = moduleKey(target[0]);
        if (targetKey === callerKey) return;
        const callee = byKey.get(targetKey);
        if (!callee || !hasPackageFunction(callee.mod, target[1])) return;
        if (!out.has(targetKey)) out.set(targetKey, new Set());
        out.get(targetKey)?.add(callerKey);
      });
    }
  }
  return out;
}

function hasPackageFunction(mod: ModuleDecl, name: string): boolean {
  return mod.functions.some((f) => f.name === name && f.visibility === "package");
}

function resolveFunction(scope: ModuleScope, path: PathRef): [ModuleId, string] | undefined {
  const s = path.segments;
  if (s.length === 3) {
    try {
      return [
        { address: resolveAddress(s[0] as string, scope.namedAddresses), module: s[1] as string },
        s[2] as string,
      ];
    } catch {
      return undefined; // not an address: an enum variant path or similar
    }
  }
  if (s.length === 2) {
    const target = scope.moduleAliases.get(s[0] as string);
    return target ? [target, s[1] as string] : undefined;
  }
  const member = scope.memberAliases.get(s[0] as string);
  return member ? [member, member.member] : undefined;
}
