/**
 * The demo page: configures `<kofi-stake>` for the running localnet, registers the DEV ONLY wallet, and
 * wires the time panel to the localnet's admin endpoint.
 */
import { Account, Aptos, AptosConfig, Network } from "@aptos-labs/ts-sdk";
import { hyperionAdapter } from "@kofi/adapters";
import { adminPayloads, createKofiClient, execute } from "@kofi/core";
import { CONFIG_PATH, type DemoConfig } from "./config.ts";
import { createDevWallet, type DevWalletRequest, registerDevWallet } from "./dev-wallet.ts";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const config = (await (await fetch(CONFIG_PATH)).json()) as DemoConfig;
$("node-url").textContent = config.nodeUrl;
$("dev-wallet-address").textContent = config.devAddress;

// ------------------------------------------------------------------ DEV ONLY wallet with an approval panel

const auto = $<HTMLInputElement>("dev-wallet-auto");
const requests = $<HTMLUListElement>("dev-wallet-requests");
const logList = $<HTMLOListElement>("dev-wallet-log");

function describe(r: DevWalletRequest): string {
  switch (r.kind) {
    case "connect":
      return `Connect to ${r.origin}`;
    case "signAndSubmit":
      return `Sign and submit ${r.function}(${r.arguments.join(", ")})`;
    case "signTransaction":
      return `Sign ${r.function}`;
    case "signMessage":
      return `Sign message "${r.message}"`;
  }
}

function ask(r: DevWalletRequest): Promise<boolean> {
  if (auto.checked) return Promise.resolve(true);
  return new Promise((resolve) => {
    const li = document.createElement("li");
    li.dataset.kind = r.kind;
    const text = document.createElement("p");
    text.textContent = describe(r);
    const approve = document.createElement("button");
    approve.type = "button";
    approve.textContent = "Approve";
    approve.dataset.action = "approve";
    const reject = document.createElement("button");
    reject.type = "button";
    reject.textContent = "Reject";
    reject.dataset.action = "reject";
    const done = (ok: boolean) => {
      li.remove();
      resolve(ok);
    };
    approve.onclick = () => done(true);
    reject.onclick = () => done(false);
    li.append(text, approve, " ", reject);
    requests.append(li);
  });
}

function log(line: string) {
  const li = document.createElement("li");
  li.textContent = `${new Date().toLocaleTimeString()} ${line}`;
  logList.prepend(li);
}

const wallet = createDevWallet({
  privateKey: config.devPrivateKey,
  nodeUrl: config.nodeUrl,
  onRequest: ask,
  onLog: log,
});
registerDevWallet(wallet);

// ------------------------------------------------------------------ the widget, as a third-party site embeds it

const el = document.querySelector("kofi-stake");
if (!el) throw new Error("no <kofi-stake> on the page");
el.setAttribute("node-url", config.nodeUrl);
el.setAttribute("kofi-address", config.kofiAddress);
await import("@kofi/widget");
el.adapters = ({ reader, tokens }) => [
  hyperionAdapter({
    reader: reader as Parameters<typeof hyperionAdapter>[0]["reader"],
    tokens: tokens as Parameters<typeof hyperionAdapter>[0]["tokens"],
  }),
];
el.wallet = wallet;
el.addEventListener("kofi-tx", (e) =>
  log(`widget: ${e.detail.action} ${e.detail.stage} ${e.detail.hash ?? ""}`),
);
el.addEventListener("kofi-error", (e) => log(`widget error: ${e.detail.code}: ${e.detail.message}`));

// ------------------------------------------------------------------ time panel

const client = createKofiClient({
  network: "local",
  nodeUrl: config.nodeUrl,
  addresses: { kofi: config.kofiAddress },
});
const aptos = new Aptos(
  new AptosConfig({ network: Network.LOCAL, fullnode: config.nodeUrl, faucet: config.url }),
);
const status = $("time-status");
let keeper: Account | null = null;

async function showTime() {
  const info = (await (await fetch(`${config.url}/admin/info`)).json()) as {
    now_secs: string;
    epoch: string;
  };
  $("chain-time").textContent = new Date(Number(info.now_secs) * 1000).toISOString().replace(".000Z", "Z");
  $("chain-epoch").textContent = info.epoch;
}

/** A throwaway keeper calling the permissionless rewards::sync_rewards (funded by the faucet). */
async function syncRewards() {
  if (!keeper) {
    const k = Account.generate();
    await aptos.fundAccount({
      accountAddress: k.accountAddress,
      amount: 100_000_000,
      options: { waitForIndexer: false },
    });
    keeper = k;
  }
  await execute(
    client,
    { kind: "sync_rewards", payload: adminPayloads.syncRewards(client), quote: undefined, minOut: undefined },
    keeper,
  );
}

async function advance(body: { epochs: number } | { seconds: number }, label: string) {
  const buttons = document.querySelectorAll<HTMLButtonElement>("#time-panel button");
  for (const b of buttons) b.disabled = true;
  status.textContent = `Advancing ${label}…`;
  try {
    const res = await fetch(`${config.url}/admin/advance`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`admin/advance answered ${res.status}`);
    await syncRewards();
    await showTime();
    await el?.refresh();
    status.textContent = `Advanced ${label}; rewards synced.`;
  } catch (e) {
    status.textContent = `Could not advance: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    for (const b of buttons) b.disabled = false;
  }
}

$("advance-epoch").addEventListener("click", () => void advance({ epochs: 1 }, "one epoch"));
$("advance-14d").addEventListener("click", () => void advance({ seconds: 14 * 86_400 }, "14 days"));
await showTime().catch(() => {
  status.textContent = "The localnet is not answering.";
});
document.body.dataset.ready = "true";
