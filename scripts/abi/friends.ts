import type { ModuleDecl } from "./ast.ts";
import type { Token } from "./lexer.ts";
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
      for (const [target, name] of references(caller, f.body)) {
        const targetKey = moduleKey(target);
        if (targetKey === callerKey) continue;
        const callee = byKey.get(targetKey);
        if (!callee || !hasPackageFunction(callee.mod, name)) continue;
        if (!out.has(targetKey)) out.set(targetKey, new Set());
        out.get(targetKey)?.add(callerKey);
      }
    }
  }
  return out;
}

function hasPackageFunction(mod: ModuleDecl, name: string): boolean {
  return mod.functions.some((f) => f.name === name && f.visibility === "package");
}

function* references(scope: ModuleScope, body: readonly Token[]): Generator<[ModuleId, string]> {
  const isSep = (k: number) => body[k]?.kind === "punct" && body[k]?.text === "::";
  for (let k = 0; k < body.length; k++) {
    const t = body[k] as Token;
    if ((t.kind !== "ident" && t.kind !== "number") || isSep(k - 1)) continue;
    const prevAt = body[k - 1];
    if (prevAt?.kind === "punct" && (prevAt.text === "@" || prevAt.text === ".")) continue;
    const b = body[k + 2];
    const c = body[k + 4];
    if (isSep(k + 1) && b?.kind === "ident" && isSep(k + 3) && c?.kind === "ident") {
      try {
        yield [{ address: resolveAddress(t.text, scope.namedAddresses), module: b.text }, c.text];
      } catch {
        // Not an address: an enum variant path or similar.
      }
      k += 4;
    } else if (isSep(k + 1) && b?.kind === "ident") {
      const target = scope.moduleAliases.get(t.text);
      if (target) yield [target, b.text];
      k += 2;
    } else if (t.kind === "ident") {
      const member = scope.memberAliases.get(t.text);
      if (member) yield [member, member.member];
    }
  }
}
