import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));

describe("import safety", () => {
  it("importing @kofi/core and creating a client does no I/O, prints nothing and needs no window", () => {
    const script = `
      const seen = [];
      globalThis.fetch = (...a) => { seen.push(a); throw new Error("no fetch at import"); };
      const core = await import(${JSON.stringify(resolve(here, "../src/index.ts"))});
      const c = core.createKofiClient({ network: "local" });
      core.createKofiClient({ network: "mainnet", addresses: { kofi: "0x${"1".repeat(64)}" } });
      if (typeof window !== "undefined") throw new Error("window?");
      process.stdout.write(JSON.stringify({ fetches: seen.length, exports: Object.keys(core).length, kofi: c.kofiAddress }));
    `;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
      cwd: resolve(here, "../../.."),
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.fetches).toBe(0);
    expect(out.exports).toBeGreaterThan(50);
  });
});
