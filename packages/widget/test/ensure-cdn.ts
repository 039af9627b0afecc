/**
 * Builds what the CDN tests load (dist/cdn/kofi-stake.js + chunks, and kofi-stake.bundle.js) when it is
 * missing or older than the sources, so those tests never skip and never test a stale build. Node only (the
 * browser project's global setup and the CSP test call it). A lock directory keeps two projects from building
 * into dist/cdn at once.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const cdn = join(root, "dist", "cdn");
const lock = join(root, "dist", ".cdn-build.lock");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function fresh(): boolean {
  const files = ["kofi-stake.js", "kofi-stake.bundle.js"].map((f) => join(cdn, f));
  if (!files.every(existsSync)) return false;
  const built = Math.min(...files.map((f) => statSync(f).mtimeMs));
  return built >= Math.max(newestSource(join(root, "src")), statSync(join(root, "vite.config.ts")).mtimeMs);
}

export async function ensureCdnBuild(): Promise<void> {
  if (fresh()) return;
  mkdirSync(join(root, "dist"), { recursive: true });
  // Another project is building: wait for it (up to 5 min), then use its output.
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 300_000) throw new Error(`${lock} held for 5 minutes: remove it if no build is running`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (fresh()) return;
    for (const mode of ["cdn", "single"]) {
      const r = spawnSync("npx", ["vite", "build", "--logLevel", "error"], {
        cwd: root,
        env: { ...process.env, KOFI_BUILD: mode },
        stdio: "inherit",
      });
      if (r.status !== 0) throw new Error(`KOFI_BUILD=${mode} vite build failed (${r.status})`);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
