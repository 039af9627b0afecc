import { describe, expect, it } from "vitest";
import { KOFI, packageFromSources } from "../interp/test-support.ts";
import type { ModuleDecl } from "../syntax/ast.ts";
import { checkPackage } from "./check-package.ts";
import { resolveModulePath } from "./module-path.ts";

const ONE = `0x${"1".padStart(64, "0")}`;

function checked(sources: Record<string, string>) {
  const result = checkPackage(packageFromSources(sources));
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.checked;
}

const at = (segments: string[]) => ({ segments, pos: { file: "a.move", line: 1, col: 1 } });

describe("resolveModulePath", () => {
  const pkg = checked({
    "a.move": "module kofi::a { use kofi::b as bee; use std::vector; friend kofi::b; }",
    "b.move": "module kofi::b { }",
  });
  const a = pkg.modules.find((m) => m.name === "a") as ModuleDecl;

  it("resolves address::module, use aliases and Self with the module's own scope", () => {
    expect(resolveModulePath(pkg, a, at(["kofi", "b"]))).toEqual({
      ok: true,
      id: { address: KOFI, name: "b" },
    });
    expect(resolveModulePath(pkg, a, at(["bee"]))).toEqual({ ok: true, id: { address: KOFI, name: "b" } });
    expect(resolveModulePath(pkg, a, at(["vector"]))).toEqual({
      ok: true,
      id: { address: ONE, name: "vector" },
    });
    expect(resolveModulePath(pkg, a, at(["Self"]))).toEqual({ ok: true, id: { address: KOFI, name: "a" } });
    expect(resolveModulePath(pkg, a, at(["0x1", "coin"]))).toEqual({
      ok: true,
      id: { address: ONE, name: "coin" },
    });
  });

  it("returns the checker's diagnostic for a path that does not resolve, and only that one", () => {
    const unknown = resolveModulePath(pkg, a, at(["kofi", "c"]));
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["unknown_module", "unknown module `kofi::c`"],
    ]);
    const alias = resolveModulePath(pkg, a, at(["b"]));
    expect(!alias.ok && alias.diagnostics.map((d) => d.code)).toEqual(["unknown_module"]);
    const address = resolveModulePath(pkg, a, at(["nowhere", "b"]));
    expect(!address.ok && address.diagnostics.map((d) => d.code)).toEqual(["unknown_address"]);
  });

  it("refuses a module that is not part of the checked package", () => {
    const stranger = packageFromSources({ "x.move": "module kofi::x { }" }).modules[0] as ModuleDecl;
    expect(() => resolveModulePath(pkg, stranger, at(["Self"]))).toThrow(
      "not a module of the checked package",
    );
  });
});
