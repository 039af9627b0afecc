/**
 * <kofi-stake> figures in a real browser (Debian Chromium via playwright-core) against the localnet (sizes are
 * in bench/widget-size.ts):
 * - time from navigation start to the rate and the connected user's position on screen (the plain HTML
 *   example with the CDN build, served from 127.0.0.1), median of several cold page loads;
 * - HTTP requests the widget makes to the node to show a connected user's full state.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startLocalnet } from "@kofi/localnet";
import { buildCdn } from "../examples/cdn/build.ts";
import { serveStatic } from "../examples/static-server.ts";
import { launchChromium } from "../packages/widget/chromium-path.ts";

interface Figure {
  name: string;
  value: number;
  unit: string;
  how: string;
  goal?: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const LOADS = Number(process.env.WIDGET_BENCH_LOADS ?? 5);

/** `module::function` of a BCS view body (EntryFunction: address, module name, function name). */
function viewName(body: Buffer): string {
  let at = 32;
  const str = () => {
    const len = body[at] ?? 0; // names are short: one-byte ULEB128
    const s = body.subarray(at + 1, at + 1 + len).toString("utf8");
    at += 1 + len;
    return s;
  };
  const module = str();
  return `${module}::${str()}`;
}

async function browser(dir: string): Promise<Figure[]> {
  const ln = await startLocalnet({ port: 0, quiet: true });
  const site = await serveStatic({
    config: {
      url: ln.url,
      nodeUrl: ln.nodeUrl,
      kofiAddress: ln.kofiAddress,
      devAddress: ln.accounts.dev.address,
      devPrivateKey: ln.accounts.dev.privateKey,
    },
    mounts: { "/cdn/": join(dir, "cdn"), "/": join(root, "examples/html-cdn") },
  });
  const b = await launchChromium(); // the shared launcher: packages/widget/chromium-path.ts
  const times: number[] = [];
  const fromScript: number[] = [];
  const requests: number[] = [];
  const perRefresh: number[] = [];
  let kinds = new Map<string, number>();
  let loadKinds = new Map<string, number>();
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await b.newContext(); // cold: no HTTP cache
      const page = await context.newPage();
      let nodeRequests = 0;
      kinds = new Map();
      page.on("request", (r) => {
        // Every request to a node, the configured one or any other (e.g. an early read of the `local` preset).
        const at = new URL(r.url());
        if (!at.protocol.startsWith("http") || at.origin === new URL(site.url).origin) return;
        nodeRequests += 1;
        const u = new URL(r.url());
        let kind = `${r.url().startsWith(ln.url) ? "" : `${u.host} `}${r.method()} ${u.pathname.replace(/0x[0-9a-f]{64}/g, "{addr}").replace(/\/v1\/accounts\/\{addr\}\/resource\/\{addr\}::/, "resource ")}`;
        const body = r.postDataBuffer();
        if (u.pathname === "/v1/view" && body?.[0] === 0x7b)
          kind = `view ${String((JSON.parse(body.toString("utf8")) as { function?: string }).function).replace(/^0x[0-9a-f]+::/, "")}`;
        else if (u.pathname === "/v1/view" && body && body.length > 34) kind = `view ${viewName(body)}`;
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      });
      await page.goto(site.url);
      // The rate (position tab, protocol section) and the connected user's balances are on screen.
      await page.waitForFunction(
        () => {
          const root = document.querySelector("kofi-stake")?.shadowRoot;
          const protocol = root?.querySelector('[part~="protocol"]')?.textContent ?? "";
          const position = root?.querySelector('[part~="position"]')?.textContent ?? "";
          return /1 stkAPT = [\d.]+ kAPT/.test(protocol) && /APT/.test(position);
        },
        undefined,
        { polling: "raf", timeout: 60_000 },
      );
      const t = await page.evaluate(() => {
        const script = performance
          .getEntriesByType("resource")
          .find((e) => e.name.endsWith("/cdn/kofi-stake.bundle.js")) as PerformanceResourceTiming | undefined;
        return { now: performance.now(), scriptEnd: script?.responseEnd ?? 0 };
      });
      // Steady state: one refresh of a connected widget (protocol, account, position), APR estimate cached.
      const beforeRefresh = nodeRequests;
      loadKinds = new Map(kinds);
      await page.evaluate(() =>
        (document.querySelector("kofi-stake") as HTMLElement & { refresh(): Promise<void> }).refresh(),
      );
      perRefresh.push(nodeRequests - beforeRefresh);
      times.push(t.now);
      fromScript.push(t.now - t.scriptEnd);
      requests.push(beforeRefresh);
      await context.close();
    }
  } finally {
    await b.close();
    await site.stop();
    await ln.stop();
  }
  const median = (xs: number[]) => [...xs].sort((a, c) => a - c)[Math.floor(xs.length / 2)] ?? 0;
  return [
    {
      name: "navigation start → rate and position on screen",
      value: Math.round(median(times)),
      unit: "ms",
      how: `Chromium 156 headless, plain HTML example with the single-file CDN build from 127.0.0.1, localnet in-process; median of ${LOADS} cold loads`,
    },
    {
      name: "CDN script downloaded → rate and position on screen",
      value: Math.round(median(fromScript)),
      unit: "ms",
      how: "same loads: from the script's responseEnd (Resource Timing) to both on screen",
    },
    {
      name: "HTTP requests to the node per refresh of a connected widget",
      value: median(perRefresh),
      unit: "requests",
      goal: "1 to 2",
      how: "same pages, after the first render: requests during one el.refresh() (protocol + account + position)",
    },
    {
      name: "HTTP requests to the node for a connected user's full state, from page load",
      value: median(requests),
      unit: "requests",
      goal: "1 to 2",
      how: `requests Chromium sent to any node, the configured one or another (CORS preflights not counted), until rate and position are shown (the page creates the element with node-url and kofi-address once its config is fetched, so nothing goes to the \`local\` preset 127.0.0.1:8080): ${[
        ...loadKinds,
      ]
        .map(([k, n]) => `${n} × ${k}`)
        .sort()
        .join("; ")}`,
    },
  ];
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), "kofi-bench-widget-"));
  try {
    await buildCdn(join(dir, "cdn"));
    return await browser(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
