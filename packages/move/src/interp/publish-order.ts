/**
 * Module order for publishing: a module's `init_module` runs after the inits of the modules it uses, as the
 * Aptos publisher orders a package's modules by their dependencies. Cycles (not legal in Move) keep source order.
 */
import type { ModuleDecl } from "../syntax/ast.ts";

export function publishOrder(
  mods: readonly { id: string; decl: ModuleDecl }[],
  uses: (m: ModuleDecl) => readonly string[],
): string[] {
  const byId = new Map(mods.map((m) => [m.id, m]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: string[] = [];
  const visit = (id: string) => {
    if (done.has(id) || visiting.has(id)) return;
    const m = byId.get(id);
    if (!m) return;
    visiting.add(id);
    for (const dep of uses(m.decl)) visit(dep);
    visiting.delete(id);
    done.add(id);
    out.push(id);
  };
  for (const m of mods) visit(m.id);
  return out;
}
