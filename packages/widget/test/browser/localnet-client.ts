/** The page's side of the localnet: coordinates from the global setup, faucet and clock over HTTP. */
import { Account, Ed25519PrivateKey } from "@aptos-labs/ts-sdk";
import { inject } from "vitest";

export const APT = 100_000_000n;

export function localnet() {
  return inject("localnet");
}

export async function fund(address: string, amount: bigint): Promise<void> {
  const r = await fetch(`${localnet().url}/fund`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ address, amount: amount.toString() }),
  });
  if (!r.ok) throw new Error(`fund: HTTP ${r.status} ${await r.text()}`);
}

/** Moves chain time forward (the unstaking lockup). */
export async function advance(seconds: number): Promise<void> {
  const r = await fetch(`${localnet().url}/admin/advance`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ seconds: String(seconds) }),
  });
  if (!r.ok) throw new Error(`advance: HTTP ${r.status} ${await r.text()}`);
}

export async function fundedAccount(amount = 200n * APT): Promise<Account> {
  const account = Account.generate();
  await fund(account.accountAddress.toStringLong(), amount);
  return account;
}

export function adminAccount(): Account {
  return Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(localnet().adminPrivateKey) });
}
