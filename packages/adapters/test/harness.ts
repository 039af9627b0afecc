/**
 * Test harness: a real localnet (HTTP, signed transactions) with the venue models installed through the
 * venue models the localnet hosts by default (Hyperion, ThalaSwap v2, Echelon at their mainnet addresses).
 */
import {
  Account,
  Aptos,
  AptosConfig,
  type InputEntryFunctionData,
  Network,
  type UserTransactionResponse,
} from "@aptos-labs/ts-sdk";
import { createKofiClient, type KofiClient } from "@kofi/core";
import { ECHELON, HYPERION, type Localnet, startLocalnet } from "@kofi/localnet";
import { type ChainReader, chainReader } from "../src/core/chain.ts";
import { type KofiTokens, resolveKofiTokens } from "../src/core/tokens.ts";

export interface Env {
  ln: Localnet;
  aptos: Aptos;
  client: KofiClient;
  reader: ChainReader;
  tokens: KofiTokens;
  hyperion: `0x${string}`;
  echelon: `0x${string}`;
}

export async function startEnv(): Promise<Env> {
  const ln = await startLocalnet({ port: 0, quiet: true });
  const aptos = new Aptos(
    new AptosConfig({ network: Network.CUSTOM, fullnode: ln.nodeUrl, faucet: ln.faucetUrl }),
  );
  const client = createKofiClient({ network: "local", nodeUrl: ln.nodeUrl, faucetUrl: ln.faucetUrl, aptos });
  const tokens = await resolveKofiTokens(client);
  return { ln, aptos, client, reader: chainReader(aptos), tokens, hyperion: HYPERION, echelon: ECHELON };
}

/** Sign, submit and wait; returns the committed transaction (success or not). */
export async function submit(
  env: Env,
  signer: Account,
  data: InputEntryFunctionData,
): Promise<UserTransactionResponse> {
  const tx = await env.aptos.transaction.build.simple({ sender: signer.accountAddress, data });
  const pending = await env.aptos.signAndSubmitTransaction({ signer, transaction: tx });
  return (await env.aptos.waitForTransaction({
    transactionHash: pending.hash,
    options: { checkSuccess: false },
  })) as UserTransactionResponse;
}

/** A fresh account with `apt` APT, then `kapt` of it deposited and `stkapt` kAPT of that staked (signed txs). */
export async function fundedUser(env: Env, apt: bigint, kapt = 0n, stake = 0n): Promise<Account> {
  const user = Account.generate();
  await env.ln.fund(user.accountAddress.toStringLong(), apt);
  if (kapt > 0n) {
    const r = await submit(env, user, {
      function: `${env.client.kofiAddress}::gateway::deposit`,
      functionArguments: [kapt, 0n],
    });
    if (!r.success) throw new Error(`deposit failed: ${r.vm_status}`);
  }
  if (stake > 0n) {
    const r = await submit(env, user, {
      function: `${env.client.kofiAddress}::gateway::stake`,
      functionArguments: [stake, 0n],
    });
    if (!r.success) throw new Error(`stake failed: ${r.vm_status}`);
  }
  return user;
}

export async function faBalance(env: Env, owner: Account, metadata: string): Promise<bigint> {
  const [b] = await env.aptos.view<[string]>({
    payload: {
      function: "0x1::primary_fungible_store::balance",
      typeArguments: ["0x1::fungible_asset::Metadata"],
      functionArguments: [owner.accountAddress.toStringLong(), metadata],
    },
  });
  return BigInt(b);
}

export const gasPaid = (tx: UserTransactionResponse) => BigInt(tx.gas_used) * BigInt(tx.gas_unit_price);
export const ONE = 100_000_000n;
