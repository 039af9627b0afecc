import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Account, Aptos, AptosConfig, Ed25519PrivateKey, Network } from "@aptos-labs/ts-sdk";
import { describe, expect, it } from "vitest";
import { startLocalnet } from "./index.ts";
import { MAX_ADVANCE_EPOCHS, MAX_ADVANCE_SECS } from "./node/server.ts";

describe("persistence (--state) and time control", () => {
  it("a restart from the state file loses nothing: balances, sequence numbers, transactions, time", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kofi-localnet-"));
    const statePath = join(dir, "state.json");
    const ln = await startLocalnet({ port: 0, quiet: true, statePath, genesisTimeSecs: 1_750_000_000 });
    const aptos = new Aptos(
      new AptosConfig({ network: Network.CUSTOM, fullnode: ln.nodeUrl, faucet: ln.faucetUrl }),
    );
    const dev = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(ln.accounts.dev.privateKey) });
    const to = Account.generate();
    const txn = await aptos.transferCoinTransaction({
      sender: dev.accountAddress,
      recipient: to.accountAddress,
      amount: 4242,
    });
    const { hash } = await aptos.signAndSubmitTransaction({ signer: dev, transaction: txn });
    await aptos.waitForTransaction({ transactionHash: hash });
    const adv = await ln.advance({ epochs: 2 });
    const devApt = await aptos.getAccountAPTAmount({ accountAddress: dev.accountAddress });
    const state1 = await aptos.view({
      payload: { function: `${ln.kofiAddress}::gateway::protocol_state`, functionArguments: [] },
    });
    await ln.stop();
    expect(existsSync(statePath)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([]); // atomic: no leftovers

    const ln2 = await startLocalnet({ port: 0, quiet: true, statePath });
    try {
      const aptos2 = new Aptos(
        new AptosConfig({ network: Network.CUSTOM, fullnode: ln2.nodeUrl, faucet: ln2.faucetUrl }),
      );
      expect(ln2.accounts).toEqual(ln.accounts);
      expect(ln2.validators).toEqual(ln.validators);
      expect(await aptos2.getAccountAPTAmount({ accountAddress: to.accountAddress })).toBe(4242);
      expect(await aptos2.getAccountAPTAmount({ accountAddress: dev.accountAddress })).toBe(devApt);
      const tx = await aptos2.getTransactionByHash({ transactionHash: hash });
      expect(tx.hash).toBe(hash);
      expect(ln2.chain.epoch()).toBe(adv.epoch);
      expect(ln2.chain.nowSecs()).toBe(adv.nowSecs);
      const state2 = await aptos2.view({
        payload: { function: `${ln2.kofiAddress}::gateway::protocol_state`, functionArguments: [] },
      });
      expect(state2).toEqual(state1);
      // and it keeps working: the next transaction uses the persisted sequence number
      const txn2 = await aptos2.transferCoinTransaction({
        sender: dev.accountAddress,
        recipient: to.accountAddress,
        amount: 1,
      });
      const p2 = await aptos2.signAndSubmitTransaction({ signer: dev, transaction: txn2 });
      expect((await aptos2.waitForTransaction({ transactionHash: p2.hash })).success).toBe(true);
    } finally {
      await ln2.stop();
    }
  });

  it("POST /admin/advance and GET /admin/info; deterministic genesis for a seed", async () => {
    const a = await startLocalnet({ port: 0, quiet: true, seed: "s1", genesisTimeSecs: 1_750_000_000 });
    const b = await startLocalnet({ port: 0, quiet: true, seed: "s1", genesisTimeSecs: 1_750_000_000 });
    try {
      expect(b.accounts).toEqual(a.accounts);
      expect(b.validators).toEqual(a.validators);
      const r = await fetch(`${a.url}/admin/advance`, {
        method: "POST",
        body: JSON.stringify({ seconds: 7200 }),
      });
      expect(await r.json()).toEqual({ now_secs: "1750007200", epoch: "2" });
      const r2 = await fetch(`${a.url}/admin/advance`, {
        method: "POST",
        body: JSON.stringify({ epochs: 3 }),
      });
      expect(await r2.json()).toEqual({ now_secs: String(1_750_000_000 + 4 * 7200), epoch: "5" });
      const bad = await fetch(`${a.url}/admin/advance`, {
        method: "POST",
        body: JSON.stringify({ seconds: -1 }),
      });
      expect(bad.status).toBe(400);
      // bounded: above the documented maximum a clear 400 in the Aptos error shape, and the clock does not move
      for (const body of [{ seconds: String(MAX_ADVANCE_SECS + 1n) }, { epochs: MAX_ADVANCE_EPOCHS + 1 }]) {
        const over = await fetch(`${a.url}/admin/advance`, { method: "POST", body: JSON.stringify(body) });
        expect(over.status).toBe(400);
        const e = (await over.json()) as Record<string, unknown>;
        expect(e.error_code).toBe("invalid_input");
        expect(e.vm_error_code).toBeNull();
        expect(e.message).toMatch(/at most/);
      }
      const info = (await (await fetch(`${a.url}/admin/info`)).json()) as Record<string, unknown>;
      expect(info.epoch).toBe("5");
      expect(info.kofi_address).toBe(a.kofiAddress);
      expect(await a.advance({ seconds: 10n })).toEqual({
        nowSecs: BigInt(1_750_000_000 + 4 * 7200 + 10),
        epoch: 5n,
      });
      const other = await startLocalnet({ port: 0, quiet: true, seed: "s2", genesisTimeSecs: 1_750_000_000 });
      expect(other.accounts.dev.address).not.toBe(a.accounts.dev.address);
      await other.stop();
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
