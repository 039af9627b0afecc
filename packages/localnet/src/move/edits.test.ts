/**
 * The localnet runs move/sources, not a copy of it: a constant and a function body edited in a temporary copy of
 * the package change what the node answers over HTTP, with no TypeScript touched.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Account, Aptos, AptosConfig, Network } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Localnet, startLocalnet } from "../index.ts";

const MOVE_DIR = fileURLToPath(new URL("../../../../move", import.meta.url));
const APT = 100_000_000n;

function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, "sources", file);
  const src = readFileSync(path, "utf8");
  if (!src.includes(from)) throw new Error(`test setup: ${from} not in ${file}`);
  writeFileSync(path, src.replace(from, to));
}

async function view(ln: Localnet, fn: string, args: unknown[] = []): Promise<unknown[]> {
  const r = await fetch(`${ln.nodeUrl}/view`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ function: `${ln.kofiAddress}::${fn}`, type_arguments: [], arguments: args }),
  });
  expect(r.status).toBe(200);
  return (await r.json()) as unknown[];
}

async function deposit(ln: Localnet, apt: bigint): Promise<{ success: boolean; vm_status: string }> {
  const aptos = new Aptos(
    new AptosConfig({ network: Network.CUSTOM, fullnode: ln.nodeUrl, faucet: ln.faucetUrl }),
  );
  const user = Account.generate();
  await aptos.fundAccount({
    accountAddress: user.accountAddress,
    amount: Number(100n * APT),
    options: { waitForIndexer: false },
  });
  const tx = await aptos.transaction.build.simple({
    sender: user.accountAddress,
    data: { function: `${ln.kofiAddress}::gateway::deposit`, functionArguments: [apt.toString(), "0"] },
  });
  const pending = await aptos.signAndSubmitTransaction({ signer: user, transaction: tx });
  const done = await aptos.waitForTransaction({
    transactionHash: pending.hash,
    options: { checkSuccess: false },
  });
  return done as unknown as { success: boolean; vm_status: string };
}

describe("the localnet executes move/sources", () => {
  let dir: string;
  let original: Localnet;
  let edited: Localnet;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kofi-move-edit-"));
    cpSync(MOVE_DIR, dir, { recursive: true });
    // A constant: the default minimum deposit, 0.1 APT -> 5 APT.
    edit(
      dir,
      "config.move",
      "const DEFAULT_MIN_DEPOSIT: u64 = 10000000;",
      "const DEFAULT_MIN_DEPOSIT: u64 = 500000000;",
    );
    // A function body: the deposit quote books 7 octas more fee.
    edit(dir, "gateway.move", "        (fee, apt - fee)\n", "        (fee + 7, apt - fee - 7)\n");
    [original, edited] = await Promise.all([
      startLocalnet({ port: 0, clock: "manual" }),
      startLocalnet({ port: 0, clock: "manual", moveDir: dir }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([original?.stop(), edited?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("an edited function body changes the node's answers (both chains in the same state)", async () => {
    const [feeA, outA] = (await view(original, "gateway::quote_deposit", [String(10n * APT)])) as [
      string,
      string,
    ];
    const [feeB, outB] = (await view(edited, "gateway::quote_deposit", [String(10n * APT)])) as [
      string,
      string,
    ];
    expect(BigInt(feeB)).toBe(BigInt(feeA) + 7n);
    expect(BigInt(outB)).toBe(BigInt(outA) - 7n);
  });
  it("an edited constant changes the protocol's state and what it accepts", async () => {
    const [a] = (await view(original, "gateway::protocol_state")) as [{ min_deposit: string }];
    const [b] = (await view(edited, "gateway::protocol_state")) as [{ min_deposit: string }];
    expect(a.min_deposit).toBe("10000000");
    expect(b.min_deposit).toBe("500000000");
    expect((await deposit(original, APT)).success).toBe(true);
    const refused = await deposit(edited, APT);
    expect(refused.success).toBe(false);
    expect(refused.vm_status).toContain("E_BELOW_MIN_DEPOSIT");
  });
});
