/**
 * A whole stake as a browser loads it (issue 14): a page with `<kofi-stake node-url kofi-address>` in its HTML and
 * a host AIP-62 wallet (`wallet` property), served from dist/cdn. From page load through the quote, the review
 * with its simulation, the signature and the confirmation, counts every script the page fetched (gzip -9 of
 * each file, what a CDN would send) and every request the page sent to the node (CORS preflights not counted).
 *
 * The wallet is an extension's stand-in: the page holds only its AIP-62 surface; `signAndSubmitTransaction` is
 * forwarded to Node (`page.exposeFunction`), where the ts-sdk builds, signs and submits the payload, as a wallet
 * does in its own process. Its node requests are not counted (they are the wallet's, not the page's).
 *
 * Run: npx tsx bench/widget-stake.ts (builds dist/cdn when stale), or npm run bench -- widget-stake.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Account, Aptos, AptosConfig, type InputEntryFunctionData, Network } from "@aptos-labs/ts-sdk";
import { startLocalnet } from "@kofi/localnet";
import { launchChromium } from "../packages/widget/chromium-path.ts";
import { ensureCdnBuild } from "../packages/widget/test/ensure-cdn.ts";
import { gzipSizes, recordRequests } from "./support/page-requests.ts";

interface Figure {
  name: string;
  value: number;
  unit: string;
  how: string;
  goal?: string;
}

const cdn = fileURLToPath(new URL("../packages/widget/dist/cdn/", import.meta.url));

export interface StakeMeasure {
  scripts: { file: string; gzipBytes: number }[];
  scriptGzipBytes: number;
  nodeRequests: string[];
  walletNodeRequests: number;
}

export async function measure(): Promise<StakeMeasure> {
  await ensureCdnBuild();
  const net = await startLocalnet({ port: 0, quiet: true });
  const account = Account.generate();
  const address = account.accountAddress.toStringLong();
  const funded = await fetch(`${net.url}/fund`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ address, amount: String(200n * 100_000_000n) }),
  });
  if (!funded.ok) throw new Error(`fund: HTTP ${funded.status}`);
  let walletNodeRequests = 0;
  const aptos = new Aptos(
    new AptosConfig({
      network: Network.CUSTOM,
      fullnode: net.nodeUrl,
    }),
  );
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!doctype html><html lang="en"><head><title>stake</title>
<script type="module" src="/cdn/kofi-stake.js"></script></head><body>
<kofi-stake network="local" node-url="${net.nodeUrl}" kofi-address="${net.kofiAddress}"></kofi-stake>
<script type="module">
  const hex = ${JSON.stringify(account.publicKey.toString())}.slice(2);
  const bytes = Uint8Array.from(hex.match(/../g), (b) => parseInt(b, 16));
  const info = { address: ${JSON.stringify(address)}, publicKey: { toUint8Array: () => bytes } };
  const ok = (args) => ({ status: "Approved", args });
  const wallet = {
    version: "1.0.0", name: "Bench Wallet", icon: "data:image/png;base64,", chains: ["aptos:localnet"], accounts: [],
    features: {
      "aptos:connect": { version: "1.0.0", connect: async () => ok(info) },
      "aptos:account": { version: "1.0.0", account: async () => info },
      "aptos:network": { version: "1.0.0", network: async () => ({ name: "local", chainId: 4 }) },
      "aptos:signAndSubmitTransaction": {
        version: "1.1.0",
        signAndSubmitTransaction: async ({ payload }) =>
          ok({ hash: await window.benchSignAndSubmit(JSON.stringify(payload, (_k, v) => typeof v === "bigint" ? v.toString() : v)) }),
      },
    },
  };
  document.querySelector("kofi-stake").wallet = wallet;
</script></body></html>`);
      return;
    }
    try {
      const body = readFileSync(join(cdn, path.replace(/^\/cdn\//, "")));
      res.writeHead(200, { "content-type": "text/javascript" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.exposeFunction("benchSignAndSubmit", async (json: string) => {
      walletNodeRequests++; // one signature: the wallet's own build (ABI, sequence number, gas price) and submit
      const data = JSON.parse(json) as InputEntryFunctionData;
      const transaction = await aptos.transaction.build.simple({ sender: account.accountAddress, data });
      const pending = await aptos.signAndSubmitTransaction({ signer: account, transaction });
      return pending.hash;
    });
    const { scripts, node } = recordRequests(page, origin);
    await page.goto(origin);
    const shadow = (f: string) =>
      page.waitForFunction(f, undefined, { polling: 50, timeout: 60_000 }).then(() => undefined);
    const text = `document.querySelector("kofi-stake")?.shadowRoot?.textContent ?? ""`;
    const button = (part: string) =>
      `document.querySelector("kofi-stake")?.shadowRoot?.querySelector("[part~=${part}]")`;
    await shadow(`/Balance: 200 APT/.test(${text})`);
    await page.evaluate(() => {
      const el = document.querySelector("kofi-stake") as HTMLElement & { setAmount(v: string): void };
      el.addEventListener("kofi-tx", (e) => {
        (window as unknown as { stages: string[] }).stages ??= [];
        (window as unknown as { stages: string[] }).stages.push(
          (e as CustomEvent<{ stage: string }>).detail.stage,
        );
      });
      el.setAmount("2");
    });
    await shadow(`${button("review-button")} && !${button("review-button")}.disabled`);
    await page.evaluate(`${button("review-button")}.click()`);
    await shadow(`(${text}).includes("Simulation succeeded")`);
    await page.evaluate(`${button("confirm-button")}.click()`);
    await shadow(`(window.stages ?? []).includes("confirmed") || (window.stages ?? []).includes("failed")`);
    const stages = (await page.evaluate("window.stages")) as string[];
    if (!stages.includes("confirmed")) throw new Error(`not confirmed: ${stages.join(", ")}`);
    const files = gzipSizes(cdn, scripts);
    return {
      scripts: files,
      scriptGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
      nodeRequests: node,
      walletNodeRequests,
    };
  } finally {
    await browser.close();
    server.close();
    await net.stop();
  }
}

export async function run(): Promise<Figure[]> {
  const m = await measure();
  const kinds = new Map<string, number>();
  for (const r of m.nodeRequests) kinds.set(r, (kinds.get(r) ?? 0) + 1);
  return [
    {
      name: "script for a whole stake with a host AIP-62 wallet (load → review with simulation → confirmed)",
      value: Math.round(m.scriptGzipBytes / 100) / 10,
      unit: "kB gzip",
      goal: "<= 60 kB (issue 14)",
      how: `every script Chromium fetched, gzip -9: ${m.scripts.map((s) => `${s.file.replace(/^\/cdn\//, "")} ${s.gzipBytes} B`).join(", ")}`,
    },
    {
      name: "node requests from the page for that stake",
      value: m.nodeRequests.length,
      unit: "requests",
      how: `CORS preflights not counted: ${[...kinds].map(([k, n]) => `${n} × ${k}`).join("; ")}; plus the wallet's own for its ${m.walletNodeRequests} signature(s), in its process (module ABI, account, gas price, submit), not counted`,
    },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  console.log(JSON.stringify(await measure(), null, 2));
