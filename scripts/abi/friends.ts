import {
  type CheckedPackage,
  displayAddress,
  forEachExpr,
  type ModuleId,
  moduleKey,
} from "../../packages/move/src/index.ts";

/**
 * The friends the compiler declares for `public(package)`: when module A of the package calls a package
 * function of module B, A becomes a friend of B (aptos-core #13680). Returns B's `moduleKey` (long address)
 * -> A as the fullnode lists friends (`shownModule`). Calls are the checker's resolved callees (`CallExpr.res`), so every form the
 * checker accepts (`addr::m::f`, `m::f`, an imported `f`) is seen the way the interpreter will call it.
 */
export function inferPackageFriends(checked: CheckedPackage): Map<string, Set<string>> {
  const { env } = checked;
  const out = new Map<string, Set<string>>();
  for (const mod of checked.package.modules) {
    const caller = checked.moduleIds.get(mod) as ModuleId;
    const callerKey = moduleKey(caller);
    for (const f of mod.functions) {
      if (!f.body) continue;
      forEachExpr(f.body, (e) => {
        if (e.kind !== "call" || e.res?.kind !== "function") return;
        const targetKey = moduleKey(e.res.module);
        if (targetKey === callerKey) return;
        const callee = env.funs.get(`${targetKey}::${e.res.name}`);
        if (!callee || callee.framework || callee.visibility !== "package") return;
        if (!out.has(targetKey)) out.set(targetKey, new Set());
        out.get(targetKey)?.add(shownModule(caller));
      });
    }
  }
  return out;
}

/** `0x1::coin`, `0x…6b6f6669::gateway`: a module as the fullnode lists it among friends. */
export const shownModule = (id: ModuleId): string => `${displayAddress(id.address)}::${id.name}`;
