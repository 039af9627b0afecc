/**
 * Serves the demo page with Vite 8 in dev mode (no build step: starts in well under a second, works offline),
 * plus GET /__kofi/config.json telling the page where the localnet is and which DEV ONLY key its wallet holds.
 * Used by `scripts/start.ts` (npm start) and by the end-to-end tests.
 */
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer, type Plugin } from "vite";
import { CONFIG_PATH, type DemoConfig } from "./config.ts";

export type { DemoConfig } from "./config.ts";

export interface DemoSiteOptions {
  config: DemoConfig;
  /** The page's folder (default: examples/demo). The React and Vue examples use this server too. */
  root?: string;
  /** Default 5173; 0 picks a free port. */
  port?: number;
  host?: string;
  /** Vite's dependency cache (pre-bundled ts-sdk, lit...). */
  cacheDir?: string;
  /**
   * Watch files and hot-reload the page (default true). Tests turn it off: an edit elsewhere in the working
   * tree must not reload a page in the middle of a flow.
   */
  watch?: boolean;
  /** More dependencies to pre-bundle up front (react, vue...). */
  optimize?: string[];
}

export interface DemoSite {
  url: string;
  stop(): Promise<void>;
}

const root = dirname(fileURLToPath(import.meta.url));

function configPlugin(config: DemoConfig): Plugin {
  return {
    name: "kofi-demo-config",
    configureServer(server) {
      server.middlewares.use(CONFIG_PATH, (_req, res) => {
        res.setHeader("content-type", "application/json");
        res.setHeader("cache-control", "no-store");
        res.end(JSON.stringify(config));
      });
    },
  };
}

export async function startDemoSite(o: DemoSiteOptions): Promise<DemoSite> {
  const host = o.host ?? "127.0.0.1";
  const server = await createServer({
    root: o.root ?? root,
    configFile: false,
    logLevel: "warn",
    clearScreen: false,
    ...(o.cacheDir ? { cacheDir: o.cacheDir } : {}),
    plugins: [configPlugin(o.config)],
    server: {
      host,
      port: o.port ?? 5173,
      strictPort: true,
      open: false,
      ...(o.watch === false ? { hmr: false, watch: null } : {}),
    },
    optimizeDeps: {
      entries: ["index.html"],
      // Pre-bundled up front, so the first page load never triggers a re-optimisation and a reload.
      include: ["@aptos-labs/ts-sdk", "lit", "@wallet-standard/core", ...(o.optimize ?? [])],
    },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === "object" && address ? address.port : o.port;
  return {
    url: `http://${host}:${port}/`,
    stop: () => server.close(),
  };
}
