/**
 * @kofi/localnet figures: node startup time and signed-transfer throughput over real HTTP.
 * Client and node share one process (one core): the figure includes the client's HTTP cost.
 */
import { Agent, request } from "node:http";
import {
  Account,
  AccountAddress,
  Aptos,
  AptosConfig,
  ChainId,
  type Ed25519PublicKey,
  type Ed25519Signature,
  EntryFunction,
  generateSigningMessageForTransaction,
  Network,
  RawTransaction,
  SignedTransaction,
  SimpleTransaction,
  TransactionAuthenticatorEd25519,
  TransactionPayloadEntryFunction,
  U64,
} from "@aptos-labs/ts-sdk";
import { startLocalnet } from "../packages/localnet/src/index.ts";

interface Figure {
  name: string;
  value: number;
  unit: string;
  how: string;
  goal?: string;
}

const SENDERS = Number(process.env.LOCALNET_BENCH_SENDERS ?? 50);
const PER_SENDER = Number(process.env.LOCALNET_BENCH_PER_SENDER ?? 60);

function post(agent: Agent, url: URL, body: Uint8Array): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}/transactions`,
        method: "POST",
        headers: {
          "content-type": "application/x.aptos.signed_transaction+bcs",
          "content-length": body.length,
        },
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

export async function run(): Promise<Figure[]> {
  // startup: median of 3 in-process starts (genesis + Kofi publish + listen)
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const ln = await startLocalnet({ port: 0, quiet: true });
    starts.push(performance.now() - t0);
    await ln.stop();
  }
  starts.sort((a, b) => a - b);

  const ln = await startLocalnet({ port: 0, quiet: true });
  try {
    const aptos = new Aptos(
      new AptosConfig({ network: Network.LOCAL, fullnode: ln.nodeUrl, faucet: ln.faucetUrl }),
    );
    const senders = Array.from({ length: SENDERS }, () => Account.generate());
    for (const s of senders) await ln.fund(s.accountAddress.toString(), 1_000n * 100_000_000n);
    const recipient = AccountAddress.from(ln.accounts.dev.address);
    const expiry = BigInt(Math.floor(Date.now() / 1000) + 600);

    // pre-sign with the ts-sdk: batch k holds sequence number k of every sender
    const batches: Uint8Array[][] = [];
    for (let k = 0; k < PER_SENDER; k++) {
      batches.push(
        senders.map((s) => {
          const ef = EntryFunction.build(
            "0x1::aptos_account",
            "transfer",
            [],
            [recipient, new U64(1000 + k)],
          );
          const raw = new RawTransaction(
            s.accountAddress,
            BigInt(k),
            new TransactionPayloadEntryFunction(ef),
            2000n,
            100n,
            expiry,
            new ChainId(4),
          );
          const sig = s.sign(
            generateSigningMessageForTransaction(new SimpleTransaction(raw)),
          ) as Ed25519Signature;
          return new SignedTransaction(
            raw,
            new TransactionAuthenticatorEd25519(s.publicKey as Ed25519PublicKey, sig),
          ).bcsToBytes();
        }),
      );
    }
    const total = SENDERS * PER_SENDER;
    const agent = new Agent({ keepAlive: true, maxSockets: 64 });
    const url = new URL(ln.nodeUrl);
    const t0 = performance.now();
    let lastHash = "";
    for (const batch of batches) {
      const res = await Promise.all(batch.map((b) => post(agent, url, b)));
      for (const r of res)
        if (r.status !== 202) throw new Error(`bench: submit failed ${r.status} ${r.body}`);
      lastHash = (JSON.parse((res.at(-1) as { body: string }).body) as { hash: string }).hash;
    }
    const done = await aptos.waitForTransaction({ transactionHash: lastHash });
    const secs = (performance.now() - t0) / 1000;
    agent.destroy();
    if (!done.success) throw new Error("bench: last transfer failed");
    const seq = await aptos.getAccountInfo({ accountAddress: senders[0]?.accountAddress ?? recipient });
    if (Number(seq.sequence_number) !== PER_SENDER) throw new Error("bench: not every transfer committed");
    return [
      {
        name: "localnet signed APT transfers",
        value: Math.round(total / secs),
        unit: "tx/s",
        how: `${total} ts-sdk-signed Ed25519 transfers (${SENDERS} senders x ${PER_SENDER}), POST /v1/transactions over keep-alive HTTP in parallel batches of ${SENDERS}, until the last is committed; client and node in one Node process`,
        goal: ">= 1000 tx/s on one core",
      },
      {
        name: "localnet startup",
        value: Math.round(starts[1] ?? 0),
        unit: "ms",
        how: "median of 3 in-process startLocalnet({port:0}): genesis, 3 delegation pools, Kofi publish and setup, listen",
      },
    ];
  } finally {
    await ln.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await run()) console.log(`${f.name}: ${f.value} ${f.unit}  (${f.how})`);
}
