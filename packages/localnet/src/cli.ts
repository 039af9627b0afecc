import { parseArgs } from "node:util";
import { startLocalnet } from "./index.ts";

const HELP = `kofi-localnet: an embedded Aptos node running the Kofi protocol (chain id 4)

Usage: kofi-localnet [--port N] [--host H] [--seed S] [--state FILE] [--epoch-secs N]
                     [--reward-apr-bps N | --reward-bps-per-epoch N] [--manual-clock] [--block-time-ms N]

  --port N                 listen port (default 8080, 0 = any free port)
  --host H                 listen host (default 127.0.0.1)
  --seed S                 genesis seed: keys and addresses derive from it (default "kofi")
  --state FILE             persist the chain to FILE (atomic writes) and restore it on start
  --epoch-secs N           epoch interval (default 7200)
  --reward-apr-bps N       staking rewards as an APR in bps (default 700)
  --reward-bps-per-epoch N staking rewards in bps per epoch (demo speed)
  --manual-clock           chain time moves only through POST /admin/advance (default: follows the host clock)
  --block-time-ms N        transactions stay pending until the next block, every N ms (default 0: instant)

Environment fallbacks (handy through \`npm run localnet\`): KOFI_LOCALNET_PORT, KOFI_LOCALNET_HOST,
KOFI_LOCALNET_SEED, KOFI_LOCALNET_STATE.
`;

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    seed: { type: "string" },
    state: { type: "string" },
    "epoch-secs": { type: "string" },
    "reward-apr-bps": { type: "string" },
    "reward-bps-per-epoch": { type: "string" },
    "manual-clock": { type: "boolean" },
    "block-time-ms": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const env = process.env;
const port = values.port ?? env.KOFI_LOCALNET_PORT;
const t0 = performance.now();
const ln = await startLocalnet({
  port: port === undefined ? 8080 : Number(port),
  host: values.host ?? env.KOFI_LOCALNET_HOST,
  seed: values.seed ?? env.KOFI_LOCALNET_SEED,
  statePath: values.state ?? env.KOFI_LOCALNET_STATE,
  epochIntervalSecs: values["epoch-secs"] === undefined ? undefined : BigInt(values["epoch-secs"]),
  rewardRateBps: values["reward-apr-bps"] === undefined ? undefined : BigInt(values["reward-apr-bps"]),
  rewardRateBpsPerEpoch:
    values["reward-bps-per-epoch"] === undefined ? undefined : BigInt(values["reward-bps-per-epoch"]),
  clock: values["manual-clock"] ? "manual" : "wall",
  blockTimeMs: values["block-time-ms"] === undefined ? undefined : Number(values["block-time-ms"]),
}).catch((e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  process.stderr.write(
    err.code === "EADDRINUSE"
      ? `kofi-localnet: port ${port ?? 8080} is in use; pick another with --port N (0 = any free port)\n`
      : `kofi-localnet: ${err.message}\n`,
  );
  process.exit(1);
});
const ms = Math.round(performance.now() - t0);

process.stdout.write(`Kofi localnet ready in ${ms} ms (chain id ${ln.chainId})

  Node URL:    ${ln.nodeUrl}
  Faucet URL:  ${ln.faucetUrl}   (POST /fund {"address","amount"})
  Kofi:        ${ln.kofiAddress}
  Validators:  ${ln.validators.join("\n               ")}

  Dev account (DEV ONLY - derived from the public seed, never use on a real network):
    address:     ${ln.accounts.dev.address}
    private key: ${ln.accounts.dev.privateKey}
  Admin account (DEV ONLY):
    address:     ${ln.accounts.admin.address}
    private key: ${ln.accounts.admin.privateKey}

  Time control: POST ${ln.url}/admin/advance {"seconds":N} or {"epochs":N}; GET ${ln.url}/admin/info
${values.state ? `  State file:  ${values.state}\n` : ""}
Ctrl-C to stop.
`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await ln.stop();
  process.stdout.write("kofi-localnet stopped\n");
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
