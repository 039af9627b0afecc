/**
 * Type inference variables and unification. Unsuffixed integer literals are integer-constrained variables
 * that default to `u64` when nothing else fixes them, as the Move compiler does.
 */
import type { Ty } from "../types.ts";

export class Unifier {
  private readonly binding: (Ty | undefined)[] = [];
  private readonly intOnly: boolean[] = [];

  fresh(int = false): Ty {
    this.binding.push(undefined);
    this.intOnly.push(int);
    return { k: "var", id: this.binding.length - 1 };
  }

  /** Follows variable bindings at the top level. */
  shallow(t: Ty): Ty {
    let cur = t;
    while (cur.k === "var") {
      const b = this.binding[cur.id];
      if (!b) return cur;
      cur = b;
    }
    return cur;
  }

  isIntVar(t: Ty): boolean {
    const s = this.shallow(t);
    return s.k === "var" && this.intOnly[s.id] === true;
  }

  /** Fully substitutes bound variables; unbound integer variables default to u64 when `defaultInts`. */
  zonk(t: Ty, defaultInts = false): Ty {
    const s = this.shallow(t);
    switch (s.k) {
      case "var":
        if (defaultInts && this.intOnly[s.id]) {
          this.binding[s.id] = { k: "u64" };
          return { k: "u64" };
        }
        return s;
      case "vector":
        return { k: "vector", elem: this.zonk(s.elem, defaultInts) };
      case "struct":
        return s.args.length ? { ...s, args: s.args.map((a) => this.zonk(a, defaultInts)) } : s;
      case "ref":
        return { k: "ref", mut: s.mut, to: this.zonk(s.to, defaultInts) };
      case "tuple":
        return { k: "tuple", items: s.items.map((a) => this.zonk(a, defaultInts)) };
      default:
        return s;
    }
  }

  /** True when some unbound variable remains. */
  hasVars(t: Ty): boolean {
    const s = this.shallow(t);
    switch (s.k) {
      case "var":
        return true;
      case "vector":
        return this.hasVars(s.elem);
      case "struct":
        return s.args.some((a) => this.hasVars(a));
      case "ref":
        return this.hasVars(s.to);
      case "tuple":
        return s.items.some((a) => this.hasVars(a));
      default:
        return false;
    }
  }

  private occurs(id: number, t: Ty): boolean {
    const s = this.shallow(t);
    switch (s.k) {
      case "var":
        return s.id === id;
      case "vector":
        return this.occurs(id, s.elem);
      case "struct":
        return s.args.some((a) => this.occurs(id, a));
      case "ref":
        return this.occurs(id, s.to);
      case "tuple":
        return s.items.some((a) => this.occurs(id, a));
      default:
        return false;
    }
  }

  private bind(id: number, t: Ty): boolean {
    const s = this.shallow(t);
    if (s.k === "var") {
      if (s.id === id) return true;
      if (this.intOnly[id]) this.intOnly[s.id] = true;
      this.binding[id] = s;
      return true;
    }
    if (this.intOnly[id] && !isInt(s)) return false;
    if (this.occurs(id, s)) return false;
    this.binding[id] = s;
    return true;
  }

  /** Makes `a` and `b` equal; false when they cannot be. `never` unifies with anything. */
  unify(a: Ty, b: Ty): boolean {
    const x = this.shallow(a);
    const y = this.shallow(b);
    if (x.k === "never" || y.k === "never") return true;
    if (x.k === "var") return this.bind(x.id, y);
    if (y.k === "var") return this.bind(y.id, x);
    switch (x.k) {
      case "vector":
        return y.k === "vector" && this.unify(x.elem, y.elem);
      case "struct":
        return (
          y.k === "struct" &&
          x.address === y.address &&
          x.module === y.module &&
          x.name === y.name &&
          x.args.length === y.args.length &&
          x.args.every((t, i) => this.unify(t, y.args[i] as Ty))
        );
      case "ref":
        return y.k === "ref" && x.mut === y.mut && this.unify(x.to, y.to);
      case "tuple":
        return (
          y.k === "tuple" &&
          x.items.length === y.items.length &&
          x.items.every((t, i) => this.unify(t, y.items[i] as Ty))
        );
      case "param":
        return y.k === "param" && x.index === y.index;
      default:
        return x.k === y.k;
    }
  }

  /**
   * `actual` where `expected` is wanted: equal types, or `&mut T` where `&T` is wanted (freeze).
   */
  coerce(actual: Ty, expected: Ty): boolean {
    const a = this.shallow(actual);
    const e = this.shallow(expected);
    if (a.k === "ref" && e.k === "ref" && a.mut && !e.mut) return this.unify(a.to, e.to);
    if (a.k === "tuple" && e.k === "tuple" && a.items.length === e.items.length) {
      return a.items.every((t, i) => this.coerce(t, e.items[i] as Ty));
    }
    return this.unify(a, e);
  }
}

export function isInt(t: Ty): boolean {
  return t.k === "u8" || t.k === "u16" || t.k === "u32" || t.k === "u64" || t.k === "u128" || t.k === "u256";
}
