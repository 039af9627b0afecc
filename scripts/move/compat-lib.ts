/**
 * The chain's `compatible` upgrade policy, judged on ABIs: what a re-publish of the package at the same address
 * would be refused for. Rules (Aptos Move book, "Package Upgrades"):
 * - no module is removed;
 * - no public or entry function is removed, and none changes its signature (type parameters and their
 *   constraints, parameter types, return types) or stops being entry; parameter names may change;
 *   `public(friend)`/`public(package)` functions count as private and may change freely;
 * - no struct is removed; an existing struct keeps its fields (names, types, order: none added or removed)
 *   and its type parameters; abilities may be added but not removed.
 * Additions (modules, functions, structs) are allowed.
 */

export interface AbiFunction {
  name: string;
  visibility: string;
  is_entry: boolean;
  is_view: boolean;
  generic_type_params: { constraints: string[] }[];
  params: string[];
  return: string[];
}

export interface AbiStruct {
  name: string;
  abilities: string[];
  generic_type_params: { constraints: string[] }[];
  fields: { name: string; type: string }[];
}

export interface AbiModule {
  name: string;
  exposed_functions: AbiFunction[];
  structs: AbiStruct[];
}

export interface Violation {
  /** `module`, `module::function` or `module::Struct`. */
  item: string;
  rule:
    | "module_removed"
    | "function_removed"
    | "signature_changed"
    | "struct_removed"
    | "layout_changed"
    | "ability_removed";
  detail: string;
}

const sig = (f: AbiFunction) =>
  `<${f.generic_type_params.map((g) => g.constraints.join("+")).join(", ")}>(${f.params.join(", ")}): (${f.return.join(", ")})${f.is_entry ? " entry" : ""}`;
const layout = (s: AbiStruct) =>
  `<${s.generic_type_params.map((g) => g.constraints.join("+")).join(", ")}>{ ${s.fields.map((f) => `${f.name}: ${f.type}`).join(", ")} }`;
/** Functions the policy protects: public ones and entry ones (friend/package functions count as private). */
const protectedFn = (f: AbiFunction) => f.visibility === "public" || f.is_entry;

/** Every way `next` breaks the `compatible` policy against `published`. Empty when the upgrade is accepted. */
export function judgeUpgrade(
  published: Readonly<Record<string, AbiModule>>,
  next: Readonly<Record<string, AbiModule>>,
): Violation[] {
  const out: Violation[] = [];
  for (const [name, old] of Object.entries(published)) {
    const now = next[name];
    if (!now) {
      out.push({ item: name, rule: "module_removed", detail: "a published module cannot be removed" });
      continue;
    }
    for (const f of old.exposed_functions.filter(protectedFn)) {
      const g = now.exposed_functions.find((x) => x.name === f.name);
      const item = `${name}::${f.name}`;
      if (!g || !protectedFn(g)) {
        out.push({
          item,
          rule: "function_removed",
          detail: `${f.visibility}${f.is_entry ? " entry" : ""} function removed or made non-public`,
        });
        continue;
      }
      if (f.visibility === "public" && g.visibility !== "public") {
        out.push({
          item,
          rule: "signature_changed",
          detail: `visibility ${f.visibility} -> ${g.visibility}`,
        });
      } else if (sig(f) !== sig(g)) {
        out.push({ item, rule: "signature_changed", detail: `${sig(f)} -> ${sig(g)}` });
      }
    }
    for (const s of old.structs) {
      const t = now.structs.find((x) => x.name === s.name);
      const item = `${name}::${s.name}`;
      if (!t) {
        out.push({ item, rule: "struct_removed", detail: "a published struct cannot be removed" });
        continue;
      }
      if (layout(s) !== layout(t))
        out.push({ item, rule: "layout_changed", detail: `${layout(s)} -> ${layout(t)}` });
      const lost = s.abilities.filter((a) => !t.abilities.includes(a));
      if (lost.length)
        out.push({ item, rule: "ability_removed", detail: `abilities removed: ${lost.join(", ")}` });
    }
  }
  return out;
}
