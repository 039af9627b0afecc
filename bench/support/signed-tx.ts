/**
 * Signed-transaction throughput over HTTP, shared by the localnet benchmarks (transfers in `localnet.ts`,
 * Kofi entry functions in `kofi-tx.ts`), so every figure is measured the same way: ts-sdk-signed Ed25519
 * transactions, pre-signed before the clock starts, POSTed as BCS over keep-alive HTTP in parallel batches.
 * This folder is not a benchmark module: `run.ts` only runs the `.ts` files directly under `bench/`.
 */
import { Agent, request } from "node:http";
import {
  type Account,
  ChainId,
  type Ed25519PublicKey,
  type Ed25519Signature,
  EntryFunction,
  type EntryFunctionArgumentTypes,
  generateSigningMessageForTransaction,
  RawTransaction,
  SignedTransaction,
  SimpleTransaction,
  TransactionAuthenticatorEd25519,
  TransactionPayloadEntryFunction,
} from "@aptos-labs/ts-sdk";

/** POST a BCS signed transaction (`body`) to `url.pathname + path`, or GET it when `body` is undefined. */
export function send(
  agent: Agent,
  url: URL,
  path: string,
  body?: Uint8Array,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${path}`,
        method: body ? "POST" : "GET",
        headers: body
          ? { "content-type": "application/x.aptos.signed_transaction+bcs", "content-length": body.length }
          : {},
      },
      (res) => {
        let s = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          s += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: s }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** One signed entry-function transaction as BCS bytes (chain id 4, max gas 2000, gas price 100). */
export function signEntry(
  sender: Account,
  sequenceNumber: bigint,
  functionId: `${string}::${string}::${string}`,
  args: EntryFunctionArgumentTypes[],
  expirySecs: bigint,
): Uint8Array {
  const [address, module, name] = functionId.split("::") as [string, string, string];
  const ef = EntryFunction.build(`${address}::${module}`, name, [], args);
  const raw = new RawTransaction(
    sender.accountAddress,
    sequenceNumber,
    new TransactionPayloadEntryFunction(ef),
    2000n,
    100n,
    expirySecs,
    new ChainId(4),
  );
  const sig = sender.sign(
    generateSigningMessageForTransaction(new SimpleTransaction(raw)),
  ) as Ed25519Signature;
  return new SignedTransaction(
    raw,
    new TransactionAuthenticatorEd25519(sender.publicKey as Ed25519PublicKey, sig),
  ).bcsToBytes();
}

/**
 * Submits `batches` (batch k holds one transaction of every sender, so the batch's transactions are
 * independent) one batch at a time, the batch's requests in parallel, then waits for the last one
 * (`wait_by_hash`). Returns the wall time from the first request until the last transaction is committed,
 * and every transaction hash. Throws on any non-202 answer. Whether each transaction succeeded is the
 * caller's check (a Move abort is committed too, and is cheaper than a success).
 */
export async function submitBatches(
  nodeUrl: string,
  batches: readonly Uint8Array[][],
): Promise<{ secs: number; hashes: string[] }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL(nodeUrl);
  const hashes: string[] = [];
  try {
    const t0 = performance.now();
    for (const batch of batches) {
      const res = await Promise.all(batch.map((b) => send(agent, url, "/transactions", b)));
      for (const r of res) {
        if (r.status !== 202) throw new Error(`bench: submit failed ${r.status} ${r.body}`);
        hashes.push((JSON.parse(r.body) as { hash: string }).hash);
      }
    }
    const last = hashes.at(-1);
    if (last !== undefined) {
      const w = await send(agent, url, `/transactions/wait_by_hash/${last}`);
      if (w.status !== 200) throw new Error(`bench: wait_by_hash failed ${w.status} ${w.body}`);
    }
    return { secs: (performance.now() - t0) / 1000, hashes };
  } finally {
    agent.destroy();
  }
}
