/**
 * A small node:http server for the script-tag examples: static files from a few folders, the localnet's
 * config at /__kofi/config.json, and optional dynamic routes (the server-rendered page).
 */
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { CONFIG_PATH, type DemoConfig } from "./demo/config.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
};

export interface StaticSite {
  url: string;
  stop(): Promise<void>;
}

export async function serveStatic(o: {
  /** URL prefix → folder, e.g. { "/cdn/": "examples/dist/cdn", "/": "examples/html-cdn" } */
  mounts: Record<string, string>;
  config: DemoConfig;
  port?: number;
  host?: string;
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void> | void>;
}): Promise<StaticSite> {
  const host = o.host ?? "127.0.0.1";
  const prefixes = Object.keys(o.mounts).sort((a, b) => b.length - a.length);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    try {
      if (path === CONFIG_PATH) {
        res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify(o.config));
        return;
      }
      const route = o.routes?.[path];
      if (route) return void (await route(req, res));
      const prefix = prefixes.find((p) => path.startsWith(p));
      if (!prefix) throw Object.assign(new Error("not found"), { code: "ENOENT" });
      let rel = normalize(path.slice(prefix.length));
      if (rel.startsWith("..")) throw Object.assign(new Error("not found"), { code: "ENOENT" });
      if (rel === "." || rel === "" || rel.endsWith("/")) rel = join(rel, "index.html");
      const body = await readFile(join(o.mounts[prefix] as string, rel));
      res.writeHead(200, { "content-type": TYPES[extname(rel)] ?? "application/octet-stream" });
      res.end(body);
    } catch (e) {
      const notFound = (e as NodeJS.ErrnoException).code === "ENOENT";
      res.writeHead(notFound ? 404 : 500, { "content-type": "text/plain" });
      res.end(notFound ? "not found" : String(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
