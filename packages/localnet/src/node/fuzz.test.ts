/**
 * Input fuzzing of every route of the node (server.ts's route table): random and mutated BCS and JSON bodies,
 * mutated path parameters and queries, wrong content types. For every input: the node answers (no crash, no
 * 5xx); a 4xx carries the Aptos error shape `{ message: string, error_code: string, vm_error_code: number |
 * null }`; a rejected request leaves the committed state and the transaction log unchanged. The count of
 * inputs is printed (`FUZZ inputs: N`). Deterministic: a seeded generator (KOFI_FUZZ_SEED, KOFI_FUZZ_INPUTS).
 */
import {
  Account,
  AccountAddress,
  ChainId,
  Ed25519PrivateKey,
  EntryFunction,
  generateSigningMessageForTransaction,
  RawTransaction,
  Serializer,
  SignedTransaction,
  SimpleTransaction,
  TransactionAuthenticatorEd25519,
  TransactionPayloadEntryFunction,
  U64,
} from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshot } from "../../test/kofi-testkit.ts";
import { type Localnet, startLocalnet } from "../index.ts";

const SEED = Number(process.env.KOFI_FUZZ_SEED ?? 20_261_205);
const INPUTS = Number(process.env.KOFI_FUZZ_INPUTS ?? 3_000);

let ln: Localnet;
let dev: Account;

beforeAll(async () => {
  ln = await startLocalnet({ port: 0, quiet: true, genesisTimeSecs: 1_750_000_000 });
  dev = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(ln.accounts.dev.privateKey) });
});
afterAll(async () => {
  await ln?.stop();
});

/** mulberry32: a small seeded generator, so a failing input can be replayed from the seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
  return { next, int, pick, bytes };
}
type Rng = ReturnType<typeof rng>;

// ------------------------------------------------------------------ mutators

function mutateBytes(r: Rng, src: Uint8Array): Uint8Array {
  const b = [...src];
  const n = 1 + r.int(4);
  for (let i = 0; i < n; i++) {
    const at = r.int(Math.max(b.length, 1));
    switch (r.int(8)) {
      case 0: // flip one bit
        if (b.length) b[at] = (b[at] as number) ^ (1 << r.int(8));
        break;
      case 1: // random byte
        if (b.length) b[at] = r.int(256);
        break;
      case 2: // insert bytes
        b.splice(at, 0, ...r.bytes(1 + r.int(8)));
        break;
      case 3: // delete a range
        b.splice(at, 1 + r.int(16));
        break;
      case 4: // truncate
        b.length = at;
        break;
      case 5: // a huge ULEB128 length or count
        b.splice(at, 0, 0xff, 0xff, 0xff, 0xff, 0x0f);
        break;
      case 6: // duplicate a chunk
        b.splice(at, 0, ...b.slice(at, at + 1 + r.int(32)));
        break;
      default: // extreme u64 / u128 values
        b.splice(at, 8, ...new Array(8).fill(r.pick([0x00, 0xff, 0x7f])));
    }
  }
  return Uint8Array.from(b);
}

const WEIRD: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e300,
  "",
  "0x",
  "0xzz",
  "-1",
  "18446744073709551616",
  "340282366920938463463374607431768211456",
  "99999999999999999999999999999999999999999",
  "1e3",
  " 1",
  "NaN",
  "0x1::coin::CoinStore<",
  "a".repeat(5_000),
  "\u0000\uffff😀",
  [],
  [1, [2, [3]]],
  {},
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
];

function randomJsonValue(r: Rng, depth = 0): unknown {
  if (depth > 2 || r.next() < 0.6) return r.pick(WEIRD);
  if (r.next() < 0.5) return Array.from({ length: r.int(4) }, () => randomJsonValue(r, depth + 1));
  return Object.fromEntries(
    Array.from({ length: r.int(4) }, (_, i) => [`k${i}`, randomJsonValue(r, depth + 1)]),
  );
}

/** A mutated JSON body: values replaced, keys dropped or added, or the text itself broken. */
function mutateJson(r: Rng, valid: Record<string, unknown>): Buffer {
  const o: Record<string, unknown> = structuredClone(valid);
  const keys = Object.keys(o);
  const n = 1 + r.int(3);
  for (let i = 0; i < n; i++) {
    const k = keys.length ? r.pick(keys) : "x";
    const op = r.int(5);
    if (op === 0) delete o[k];
    else if (op === 1) o[`extra${r.int(9)}`] = randomJsonValue(r);
    else o[k] = randomJsonValue(r);
  }
  let text = JSON.stringify(o);
  if (r.next() < 0.2) {
    // break the text
    const at = r.int(text.length + 1);
    text = r.pick([
      text.slice(0, at),
      `${text.slice(0, at)}${r.pick(["{", "}", '"', ",", "\\", "\u0000", "]"])}${text.slice(at)}`,
      r.pick(["", "null", "[]", "1", '"s"', "{{", "\uFEFF{}"]),
    ]);
  }
  return Buffer.from(text);
}

// ------------------------------------------------------------------ seeds

async function seqOf(a: string): Promise<bigint> {
  const r = await fetch(`${ln.nodeUrl}/accounts/${a}`);
  return BigInt(((await r.json()) as { sequence_number: string }).sequence_number);
}

/** A valid signed transaction: a Kofi deposit by the dev account (or an APT transfer). */
async function validTransaction(kofi: boolean): Promise<Uint8Array> {
  const ef = kofi
    ? EntryFunction.build(`${ln.kofiAddress}::gateway`, "deposit", [], [new U64(100_000_000n), new U64(0n)])
    : EntryFunction.build(
        "0x1::aptos_account",
        "transfer",
        [],
        [AccountAddress.from(`0x${"b0b".padStart(64, "0")}`), new U64(1n)],
      );
  const raw = new RawTransaction(
    dev.accountAddress,
    await seqOf(dev.accountAddress.toString()),
    new TransactionPayloadEntryFunction(ef),
    200_000n,
    100n,
    BigInt(Math.floor(Date.now() / 1000) + 600),
    new ChainId(4),
  );
  const sig = dev.sign(generateSigningMessageForTransaction(new SimpleTransaction(raw)));
  const pk = (
    dev as unknown as { publicKey: ConstructorParameters<typeof TransactionAuthenticatorEd25519>[0] }
  ).publicKey;
  return new SignedTransaction(raw, new TransactionAuthenticatorEd25519(pk, sig as never)).bcsToBytes();
}

/** A valid BCS view request (the same layout as an EntryFunction). */
function validViewBcs(): Uint8Array {
  const s = new Serializer();
  EntryFunction.build(`${ln.kofiAddress}::gateway`, "quote_deposit", [], [new U64(100_000_000n)]).serialize(
    s,
  );
  return s.toUint8Array();
}

interface Input {
  method: "GET" | "POST";
  path: string;
  body?: Buffer | Uint8Array;
  contentType?: string;
  /** Routes whose success changes state by design (faucet, admin levers): only their 4xx are checked unchanged. */
  route: string;
}

const BCS_TX = "application/x.aptos.signed_transaction+bcs";
const BCS_VIEW = "application/x.aptos.view_function+bcs";
const JSON_CT = "application/json";

function randomSegment(r: Rng, valid: string): string {
  return r.pick([
    valid,
    valid.slice(0, r.int(valid.length + 1)),
    `${valid}${r.pick(["0", "z", "%", "%00", "%2F", "/..", "::"])}`,
    encodeURIComponent(String(r.pick(WEIRD))).slice(0, 300),
    "0x",
    "0x0",
    "-1",
    "18446744073709551616",
    "%E0%A4%A",
    `0x${"f".repeat(65)}`,
    "..",
  ]);
}

// ------------------------------------------------------------------ the run

describe("node input fuzzing", () => {
  it(`${INPUTS} random and mutated inputs to every route: no crash, no 5xx, 4xx in the Aptos error shape, rejected requests change nothing`, async () => {
    const r = rng(SEED);
    const pool = ln.validators[0] as string;
    const kofi = ln.kofiAddress;
    const devAddr = ln.accounts.dev.address;
    const txSeeds = [await validTransaction(true), await validTransaction(false)];
    const viewSeed = validViewBcs();
    const tableHandle = [...ln.chain.state.tables.keys()][0] ?? "0x1";
    const validTx = (await (await fetch(`${ln.nodeUrl}/transactions?limit=1`)).json()) as { hash: string }[];
    const someHash = validTx[0]?.hash ?? `0x${"0".repeat(64)}`;
    const stageActions: [string, Record<string, unknown>][] = [
      ["enable_allowlisting", {}],
      ["disable_allowlisting", {}],
      ["allowlist", { delegator: devAddr }],
      ["remove_from_allowlist", { delegator: devAddr }],
      ["evict", { delegator: devAddr, force: true }],
      ["commission", { bps: 1000, immediate: false }],
      ["beneficiary", { beneficiary: devAddr }],
      ["proposals_per_epoch", { successful: 1, failed: 0 }],
      ["record_proposals", { successful: 1, failed: 0 }],
      ["leave", {}],
      ["join", {}],
    ];

    const gen = (): Input => {
      const k = r.int(16);
      switch (k) {
        case 0:
        case 1:
        case 2: {
          // signed transactions: mutated BCS, random bytes, wrong content types
          const path = r.pick(["/v1/transactions", "/v1/transactions/simulate"]);
          const body = r.next() < 0.85 ? mutateBytes(r, r.pick(txSeeds)) : r.bytes(r.int(300));
          const contentType = r.next() < 0.9 ? BCS_TX : r.pick([JSON_CT, "text/plain", "", BCS_VIEW]);
          return { method: "POST", path, body, contentType, route: path };
        }
        case 3:
        case 4: {
          // views: mutated BCS and JSON
          if (r.next() < 0.5)
            return {
              method: "POST",
              path: "/v1/view",
              body: r.next() < 0.85 ? mutateBytes(r, viewSeed) : r.bytes(r.int(100)),
              contentType: BCS_VIEW,
              route: "/v1/view",
            };
          const fn = r.pick([
            `${kofi}::gateway::quote_deposit`,
            `${kofi}::gateway::protocol_state`,
            `${kofi}::gateway::user_summary`,
            "0x1::coin::balance",
            "0x1::delegation_pool::get_stake",
          ]);
          return {
            method: "POST",
            path: "/v1/view",
            body: mutateJson(r, {
              function: fn,
              type_arguments: fn.endsWith("coin::balance") ? ["0x1::aptos_coin::AptosCoin"] : [],
              arguments: fn.endsWith("get_stake") ? [pool, devAddr] : ["100000000"],
            }),
            contentType: r.next() < 0.9 ? JSON_CT : "",
            route: "/v1/view",
          };
        }
        case 5:
          return {
            method: "POST",
            path: `/v1/tables/${randomSegment(r, tableHandle)}/item`,
            body: mutateJson(r, { key_type: "address", value_type: "vector<address>", key: devAddr }),
            contentType: JSON_CT,
            route: "/v1/tables/:handle/item",
          };
        case 6: {
          const path = r.pick(["/fund", "/mint"]);
          return {
            method: "POST",
            path,
            body: mutateJson(r, { address: devAddr, amount: 1000 }),
            contentType: JSON_CT,
            route: path,
          };
        }
        case 7: {
          // the clock: values bounded (an unbounded advance walks every epoch; see the finding in security.md)
          const body = mutateJson(r, r.pick([{ seconds: 60 }, { epochs: 1 }]));
          const j = (() => {
            try {
              return JSON.parse(body.toString()) as Record<string, unknown>;
            } catch {
              return undefined;
            }
          })();
          const big = (v: unknown) => {
            try {
              return (
                v !== undefined && v !== null && typeof v !== "object" && BigInt(v as string) > 86_400n * 30n
              );
            } catch {
              return false;
            }
          };
          if (j && typeof j === "object" && (big(j.seconds) || big(j.epochs)))
            return {
              method: "POST",
              path: "/admin/advance",
              body: Buffer.from("{}"),
              contentType: JSON_CT,
              route: "/admin/advance",
            };
          return {
            method: "POST",
            path: "/admin/advance",
            body,
            contentType: JSON_CT,
            route: "/admin/advance",
          };
        }
        case 8: {
          const [action, valid] = r.pick(stageActions);
          const p = r.next() < 0.8 ? pool : randomSegment(r, pool);
          const a = r.next() < 0.9 ? action : randomSegment(r, action);
          return {
            method: "POST",
            path: `/admin/validators/${p}/${a}`,
            body: mutateJson(r, valid),
            contentType: JSON_CT,
            route: "/admin/validators/:pool/:action",
          };
        }
        case 9:
          return {
            method: "POST",
            path: "/admin/stake_limits",
            body: mutateJson(r, {
              minimum_stake: "100000000000000",
              maximum_stake: "5000000000000000",
              voting_power_increase_limit: 20,
            }),
            contentType: JSON_CT,
            route: "/admin/stake_limits",
          };
        default: {
          // every GET route with mutated parameters and queries
          const templates: [string, () => string][] = [
            ["/v1/accounts/:address", () => `/v1/accounts/${randomSegment(r, devAddr)}`],
            [
              "/v1/accounts/:address/resources",
              () =>
                `/v1/accounts/${randomSegment(r, kofi)}/resources?limit=${randomSegment(r, "2")}&start=${randomSegment(r, "0x00")}`,
            ],
            [
              "/v1/accounts/:address/resource/*type",
              () =>
                `/v1/accounts/${randomSegment(r, devAddr)}/resource/${randomSegment(r, "0x1::coin::CoinStore<0x1::aptos_coin::AptosCoin>")}`,
            ],
            [
              "/v1/accounts/:address/modules",
              () => `/v1/accounts/${randomSegment(r, kofi)}/modules?limit=${randomSegment(r, "1")}`,
            ],
            [
              "/v1/accounts/:address/module/:name",
              () => `/v1/accounts/${randomSegment(r, kofi)}/module/${randomSegment(r, "gateway")}`,
            ],
            [
              "/v1/accounts/:address/balance/*asset",
              () =>
                `/v1/accounts/${randomSegment(r, devAddr)}/balance/${randomSegment(r, "0x1::aptos_coin::AptosCoin")}`,
            ],
            [
              "/v1/accounts/:address/transactions",
              () =>
                `/v1/accounts/${randomSegment(r, devAddr)}/transactions?start=${randomSegment(r, "0")}&limit=${randomSegment(r, "5")}`,
            ],
            ["/v1/accounts/:address/events", () => `/v1/accounts/${randomSegment(r, devAddr)}/events`],
            [
              "/v1/blocks/by_height/:n",
              () =>
                `/v1/blocks/by_height/${randomSegment(r, "1")}?with_transactions=${randomSegment(r, "true")}`,
            ],
            ["/v1/blocks/by_version/:n", () => `/v1/blocks/by_version/${randomSegment(r, "1")}`],
            [
              "/v1/transactions",
              () => `/v1/transactions?start=${randomSegment(r, "0")}&limit=${randomSegment(r, "3")}`,
            ],
            [
              "/v1/transactions/by_hash/:hash",
              () => `/v1/transactions/by_hash/${randomSegment(r, someHash)}`,
            ],
            [
              "/v1/transactions/by_version/:version",
              () => `/v1/transactions/by_version/${randomSegment(r, "3")}`,
            ],
            [
              "/v1/transactions/wait_by_hash/:hash",
              () => `/v1/transactions/wait_by_hash/${randomSegment(r, someHash)}`,
            ],
            ["/admin/validators/:pool", () => `/admin/validators/${randomSegment(r, pool)}`],
            [
              "other",
              () =>
                r.pick([
                  "/v1",
                  "/v1/-/healthy",
                  "/admin/info",
                  "/",
                  "/v1/estimate_gas_price",
                  "/admin/validators",
                  `/${randomSegment(r, "v1")}/${randomSegment(r, "x")}`,
                ]),
            ],
          ];
          const [route, make] = r.pick(templates);
          return { method: "GET", path: make(), route };
        }
      }
    };

    const routesHit = new Map<string, { n: number; rejected: number }>();
    let tried = 0;
    let rejected = 0;
    let stagedAbortsLogged = 0;
    for (let i = 0; i < INPUTS; i++) {
      const input = gen();
      const stateBefore = snapshot(ln.chain);
      const txsBefore = ln.chain.txs.length;
      const res = await fetch(`${ln.url}${input.path}`, {
        method: input.method,
        headers: input.contentType !== undefined ? { "content-type": input.contentType } : {},
        body: input.body === undefined ? undefined : Buffer.from(input.body),
      });
      const text = await res.text();
      tried++;
      const hit = routesHit.get(input.route) ?? { n: 0, rejected: 0 };
      hit.n++;
      routesHit.set(input.route, hit);
      const where = `input #${i} (seed ${SEED}) ${input.method} ${input.path.slice(0, 200)} body ${
        input.body ? Buffer.from(input.body).toString("hex").slice(0, 200) : "-"
      }`;
      expect(res.status, `${where}: ${text.slice(0, 300)}`).toBeLessThan(500);
      if (res.status >= 400) {
        rejected++;
        hit.rejected++;
        let j: { message?: unknown; error_code?: unknown; vm_error_code?: unknown };
        try {
          j = JSON.parse(text);
        } catch {
          throw new Error(`${where}: ${res.status} body is not JSON: ${text.slice(0, 200)}`);
        }
        expect(typeof j.message, `${where}: ${text.slice(0, 300)}`).toBe("string");
        expect((j.message as string).length).toBeGreaterThan(0);
        expect(typeof j.error_code, where).toBe("string");
        expect("vm_error_code" in j, where).toBe(true);
        expect(j.vm_error_code === null || typeof j.vm_error_code === "number", where).toBe(true);
        if (
          input.route.startsWith("/admin/") &&
          input.route !== "/admin/advance" &&
          ln.chain.txs.length === txsBefore + 1
        ) {
          // FINDING (admin_validators.ts, validators + stake limits): a staged framework call that aborts is answered 400 with its
          // vm_status but stays in the log as a failed transaction (ledger version + 1, nothing else written).
          expect(ln.chain.txs[txsBefore]?.success, where).toBe(false);
          stagedAbortsLogged++;
        } else
          expect(ln.chain.txs.length, `${where}: a rejected request added a transaction`).toBe(txsBefore);
        expect(snapshot(ln.chain) === stateBefore, `${where}: a rejected request changed the state`).toBe(
          true,
        );
      }
    }
    // still serving
    const alive = await fetch(`${ln.nodeUrl}`);
    expect(alive.status).toBe(200);
    console.log(
      `FUZZ inputs: ${tried} (rejected ${rejected}, staged aborts logged as failed transactions ${stagedAbortsLogged}); per route: ${[
        ...routesHit,
      ]
        .map(([k, v]) => `${k} ${v.n}/${v.rejected}`)
        .join(", ")}`,
    );
    // every route of the table was reached
    expect(routesHit.size).toBe(24); // every route label above ("other": /, /v1, healthy, gas price, info, validators, unknown paths)
  }, 600_000);
});
