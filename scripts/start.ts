/**
 * `npm start`: the localnet (wall clock, state persisted) and the demo site, with both URLs printed.
 *
 *   npm start                      # localnet on 127.0.0.1:8080, demo on http://127.0.0.1:5173/
 *   npm start -- --reset           # forget the persisted chain first (fresh genesis)
 *   npm start -- --port 0 --demo-port 0 --state /tmp/x.json
 *
 * State: .kofi/localnet-state.json (gitignored) keeps the whole chain (balances, tickets, time) between runs.
 * Ctrl-C (SIGINT) or SIGTERM stops both servers and writes the state once more.
 */
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startLocalnet } from "@kofi/localnet";
import { startDemoSite } from "../examples/demo/server.ts";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    port: { type: "string" },
    "demo-port": { type: "string" },
    host: { type: "string" },
    state: { type: "string" },
    reset: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  process.stdout.write(`npm start [-- --port N] [--demo-port N] [--host H] [--state FILE] [--reset]

  --port N        localnet port (default 8080, env KOFI_LOCALNET_PORT; 0 = any free port)
  --demo-port N   demo site port (default 5173, env KOFI_DEMO_PORT; 0 = any free port)
  --host H        listen host for both (default 127.0.0.1)
  --state FILE    chain state file (default .kofi/localnet-state.json, env KOFI_LOCALNET_STATE)
  --reset         delete the state file first: a fresh chain
`);
  process.exit(0);
}

const env = process.env;
const host = values.host ?? "127.0.0.1";
const port = Number(values.port ?? env.KOFI_LOCALNET_PORT ?? 8080);
const demoPort = Number(values["demo-port"] ?? env.KOFI_DEMO_PORT ?? 5173);
const statePath = resolve(
  values.state ?? env.KOFI_LOCALNET_STATE ?? join(repo, ".kofi", "localnet-state.json"),
);
mkdirSync(dirname(statePath), { recursive: true });
if (values.reset) rmSync(statePath, { force: true });

const fail = (what: string, e: unknown, p: number): never => {
  const err = e as NodeJS.ErrnoException;
  process.stderr.write(
    err.code === "EADDRINUSE"
      ? `npm start: the ${what} port ${p} is in use (another npm start?). Stop it, or pick another: npm start -- --${what === "demo" ? "demo-port" : "port"} N (0 = any free port)\n`
      : `npm start: the ${what} did not start: ${err.stack ?? err.message}\n`,
  );
  process.exit(1);
};

const t0 = performance.now();
const ln = await startLocalnet({
  port,
  host,
  statePath,
  clock: "wall",
  // Demo speed: rewards show in the stkAPT rate after an epoch or two.
  rewardRateBpsPerEpoch: 10,
  quiet: true,
}).catch((e) => fail("localnet", e, port));
const site = await startDemoSite({
  port: demoPort,
  host,
  cacheDir: join(repo, ".kofi", "vite"),
  config: {
    url: ln.url,
    nodeUrl: ln.nodeUrl,
    kofiAddress: ln.kofiAddress,
    devAddress: ln.accounts.dev.address,
    devPrivateKey: ln.accounts.dev.privateKey,
  },
}).catch(async (e) => {
  await ln.stop();
  return fail("demo", e, demoPort);
});
const ms = Math.round(performance.now() - t0);

process.stdout.write(`Kofi kit is running (${ms} ms)

  Demo site:   ${site.url}
  Localnet:    ${ln.nodeUrl}   (chain id ${ln.chainId}, faucet ${ln.faucetUrl}/fund)
  Kofi:        ${ln.kofiAddress}
  Time:        POST ${ln.url}/admin/advance {"epochs":1} or {"seconds":1209600}; GET ${ln.url}/admin/info
  State file:  ${statePath}   (npm start -- --reset for a fresh chain)

  Dev account (DEV ONLY - derived from the public seed, never use on a real network):
    address:     ${ln.accounts.dev.address}
    private key: ${ln.accounts.dev.privateKey}

Ctrl-C to stop.
`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([site.stop(), ln.stop()]);
  process.stdout.write(`\nstopped (${signal}); chain state saved to ${statePath}\n`);
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
