/**
 * `npm run move:publish -- --network <local|devnet|testnet|mainnet> [--profile <name>] [--kofi-address <addr>]
 * [--yes] [-- <extra aptos args>]`: publishes move/ with the Aptos CLI (`aptos move publish`).
 *
 * Named addresses (Move.toml has `kofi = "_"`, so each publish names it):
 * - `local`: `kofi` = `0x…6b6f6669`, Move.toml's `[dev-addresses]` and the SDK's `local` preset
 *   (`--kofi-address` overrides it).
 * - `devnet`, `testnet`, `mainnet`: `kofi` = `--kofi-address` (or `KOFI_ADDRESS`), required. It must be the
 *   address of the profile's account: `aptos move publish` publishes under the signer's account, and the package
 *   refers to itself as `@kofi`.
 * The Aptos CLI profile (`--profile`, default the network's name: `aptos init --profile testnet --network testnet`)
 * decides the node and the signing key. `--yes` passes `--assume-yes` (no gas prompt). Arguments after a second
 * `--` are appended to the `aptos` command unchanged (e.g. `--max-gas 200000`).
 *
 * Before publishing, the generated ABI is judged against move/published/abi.json (the `compatible` upgrade policy,
 * as `npm run move:compat`); a violation stops here.
 *
 * Exit codes: 0 published; 2 bad arguments; 3 no working Aptos CLI here (one line says what to install; nothing on
 * this machine kind compiles Move to bytecode: docs/research toolchain §4); 1 a compat violation; otherwise the
 * exit code of `aptos move publish`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { KOFI_DEV_ADDRESS, kofiAbi } from "../../packages/core/src/generated/abi.ts";
import { type AbiModule, judgeUpgrade } from "./compat-lib.ts";

const EXIT_NO_APTOS_CLI = 3;
const NETWORKS = ["local", "devnet", "testnet", "mainnet"] as const;
type Network = (typeof NETWORKS)[number];
const moveDir = fileURLToPath(new URL("../../move", import.meta.url));

function usage(message: string): never {
  console.error(
    `move:publish: ${message} (usage: npm run move:publish -- --network <${NETWORKS.join("|")}> [--profile <name>] [--kofi-address <addr>] [--yes])`,
  );
  process.exit(2);
}

const argv = process.argv.slice(2);
const dashdash = argv.indexOf("--");
const own = dashdash >= 0 ? argv.slice(0, dashdash) : argv;
const extra = dashdash >= 0 ? argv.slice(dashdash + 1) : [];
let values: { network?: string; profile?: string; "kofi-address"?: string; yes?: boolean };
try {
  ({ values } = parseArgs({
    args: own,
    options: {
      network: { type: "string" },
      profile: { type: "string" },
      "kofi-address": { type: "string" },
      yes: { type: "boolean", default: false },
    },
  }));
} catch (e) {
  usage((e as Error).message.split(". ")[0] as string);
}
const network = values.network as Network | undefined;
if (network === undefined) usage("--network is required");
if (!NETWORKS.includes(network)) usage(`unknown network "${network}"`);
const given = values["kofi-address"] ?? process.env.KOFI_ADDRESS;
const kofi = given ?? (network === "local" ? KOFI_DEV_ADDRESS : undefined);
if (kofi === undefined)
  usage(`--kofi-address (the publishing profile's account address) is required for ${network}`);
if (!/^0x[0-9a-fA-F]{1,64}$/.test(kofi)) usage(`--kofi-address is not an address: "${kofi}"`);
const profile = values.profile ?? network;

// A working CLI prints its version. The npm wrapper (@aptos-labs/aptos-cli, on PATH under `npm run`) exits 0
// even when it could not download the binary, so the exit code alone proves nothing.
const probe = spawnSync("aptos", ["--version"], { encoding: "utf8", timeout: 20_000 });
if (probe.error || probe.status !== 0 || !/aptos\s+\d+\.\d+/i.test(probe.stdout ?? "")) {
  console.error(
    "move:publish: no working Aptos CLI here (`aptos --version` failed) and nothing else in this repository can compile Move to bytecode; install the Aptos CLI (https://aptos.dev/tools/aptos-cli, then `aptos init --profile <name> --network <network>`) and re-run",
  );
  process.exit(EXIT_NO_APTOS_CLI);
}

const snapshot = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../move/published/abi.json", import.meta.url)), "utf8"),
) as { version: string; modules: Record<string, AbiModule> };
const violations = judgeUpgrade(snapshot.modules, kofiAbi.modules as unknown as Record<string, AbiModule>);
if (violations.length) {
  for (const v of violations) console.error(`move/published/abi.json: ${v.rule}: ${v.item}: ${v.detail}`);
  console.error(
    `move:publish: ${violations.length} violation(s) of the compatible upgrade policy against published ${snapshot.version}; nothing was published`,
  );
  process.exit(1);
}

const args = [
  "move",
  "publish",
  "--package-dir",
  moveDir,
  "--named-addresses",
  `kofi=${kofi}`,
  "--profile",
  profile,
  ...(values.yes ? ["--assume-yes"] : []),
  ...extra,
];
console.log(`move:publish: aptos ${args.join(" ")}`);
const r = spawnSync("aptos", args, { stdio: "inherit" });
process.exit(r.status ?? 1);
