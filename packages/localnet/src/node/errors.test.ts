import {
  Account,
  AccountAddress,
  type AnyNumber,
  Bool,
  ChainId,
  Ed25519PrivateKey,
  EntryFunction,
  type EntryFunctionArgument,
  generateSigningMessageForTransaction,
  parseTypeTag,
  RawTransaction,
  SignedTransaction,
  SimpleTransaction,
  TransactionAuthenticatorEd25519,
  TransactionPayloadEntryFunction,
  U64,
  U128,
} from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Localnet, startLocalnet } from "../index.ts";

// Every bad input over raw HTTP: the node's error JSON, the HTTP status, and no state change.
let ln: Localnet;
let dev: Account;

beforeAll(async () => {
  ln = await startLocalnet({ port: 0, quiet: true, genesisTimeSecs: 1_750_000_000 });
  dev = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(ln.accounts.dev.privateKey) });
});
afterAll(async () => {
  await ln?.stop();
});

interface TxOpts {
  fn?: `${string}::${string}::${string}`;
  typeArgs?: string[];
  args?: EntryFunctionArgument[];
  seq?: AnyNumber;
  chainId?: number;
  expSecs?: number;
  maxGas?: number;
  gasPrice?: number;
  signer?: Account;
  corruptSignature?: boolean;
}

async function seqOf(a: AccountAddress | string): Promise<bigint> {
  const r = await fetch(`${ln.nodeUrl}/accounts/${a.toString()}`);
  return BigInt(((await r.json()) as { sequence_number: string }).sequence_number);
}

async function signedBytes(o: TxOpts = {}): Promise<Uint8Array> {
  const signer = o.signer ?? dev;
  const [addr, mod, name] = (o.fn ?? "0x1::aptos_account::transfer").split("::") as [string, string, string];
  const ef = EntryFunction.build(
    `${addr}::${mod}`,
    name,
    (o.typeArgs ?? []).map((t) => parseTypeTag(t)),
    o.args ?? [
      AccountAddress.from("0x0000000000000000000000000000000000000000000000000000000000000b0b"),
      new U64(1),
    ],
  );
  const raw = new RawTransaction(
    signer.accountAddress,
    BigInt(o.seq ?? (await seqOf(signer.accountAddress))),
    new TransactionPayloadEntryFunction(ef),
    BigInt(o.maxGas ?? 200_000),
    BigInt(o.gasPrice ?? 100),
    BigInt(o.expSecs ?? Math.floor(Date.now() / 1000) + 60),
    new ChainId(o.chainId ?? 4),
  );
  const sig = signer.sign(generateSigningMessageForTransaction(new SimpleTransaction(raw)));
  const bytes = sig.toUint8Array().slice();
  if (o.corruptSignature) bytes[0] = (bytes[0] as number) ^ 0xff;
  const pk = (
    signer as unknown as { publicKey: ConstructorParameters<typeof TransactionAuthenticatorEd25519>[0] }
  ).publicKey;
  const auth = new TransactionAuthenticatorEd25519(
    pk,
    new (sig.constructor as new (b: Uint8Array) => typeof sig)(bytes) as never,
  );
  return new SignedTransaction(raw, auth).bcsToBytes();
}

async function submit(body: Uint8Array, path = "/transactions") {
  const r = await fetch(`${ln.nodeUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x.aptos.signed_transaction+bcs" },
    body: Buffer.from(body),
  });
  return {
    status: r.status,
    json: (await r.json()) as {
      message: string;
      error_code: string;
      vm_error_code: number | null;
      hash?: string;
    },
  };
}

async function snapshot() {
  const info = (await (await fetch(ln.nodeUrl)).json()) as { ledger_version: string };
  return {
    version: info.ledger_version,
    seq: await seqOf(dev.accountAddress),
    apt: ln.chain.aptBalance(ln.accounts.dev.address),
  };
}

async function expectRejected(
  body: Uint8Array,
  status: number,
  errorCode: string,
  vm: number | null,
  msg: RegExp,
) {
  const before = await snapshot();
  const r = await submit(body);
  expect(r.status).toBe(status);
  expect(r.json.error_code).toBe(errorCode);
  expect(r.json.vm_error_code).toBe(vm);
  expect(r.json.message).toMatch(msg);
  expect(await snapshot()).toEqual(before);
}

describe("transaction validation errors", () => {
  it("a good transaction is accepted (202) — control", async () => {
    const r = await submit(await signedBytes());
    expect(r.status).toBe(202);
    expect(r.json.hash).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it("malformed BCS -> 400 invalid_input", async () => {
    await expectRejected(
      new Uint8Array([1, 2, 3]),
      400,
      "invalid_input",
      null,
      /Failed to deserialize input into SignedTransaction/,
    );
    const good = await signedBytes();
    await expectRejected(good.slice(0, good.length - 5), 400, "invalid_input", null, /Failed to deserialize/);
  });

  it("bad signature -> INVALID_SIGNATURE (1)", async () => {
    await expectRejected(
      await signedBytes({ corruptSignature: true }),
      400,
      "vm_error",
      1,
      /Validation Code: INVALID_SIGNATURE/,
    );
  });

  it("signature from another key -> INVALID_AUTH_KEY (2)", async () => {
    // valid signature by `other`, but the sender field claims the dev account
    const other = Account.generate();
    const ef = EntryFunction.build("0x1::aptos_account", "transfer", [], [AccountAddress.ONE, new U64(1)]);
    const raw = new RawTransaction(
      dev.accountAddress,
      await seqOf(dev.accountAddress),
      new TransactionPayloadEntryFunction(ef),
      200000n,
      100n,
      BigInt(Math.floor(Date.now() / 1000) + 60),
      new ChainId(4),
    );
    const sig = other.sign(generateSigningMessageForTransaction(new SimpleTransaction(raw)));
    const body = new SignedTransaction(
      raw,
      new TransactionAuthenticatorEd25519(other.publicKey as never, sig as never),
    ).bcsToBytes();
    await expectRejected(body, 400, "vm_error", 2, /INVALID_AUTH_KEY/);
  });

  it("wrong chain id -> BAD_CHAIN_ID (23)", async () => {
    await expectRejected(await signedBytes({ chainId: 5 }), 400, "vm_error", 23, /BAD_CHAIN_ID/);
  });

  it("stale sequence number -> SEQUENCE_NUMBER_TOO_OLD (3); replay of a committed tx too", async () => {
    const body = await signedBytes();
    expect((await submit(body)).status).toBe(202);
    await expectRejected(body, 400, "vm_error", 3, /SEQUENCE_NUMBER_TOO_OLD/);
    await expectRejected(await signedBytes({ seq: 0 }), 400, "vm_error", 3, /SEQUENCE_NUMBER_TOO_OLD/);
  });

  it("future sequence number -> SEQUENCE_NUMBER_TOO_NEW (4)", async () => {
    const s = await seqOf(dev.accountAddress);
    await expectRejected(await signedBytes({ seq: s + 5n }), 400, "vm_error", 4, /SEQUENCE_NUMBER_TOO_NEW/);
  });

  it("expired -> TRANSACTION_EXPIRED (6)", async () => {
    await expectRejected(
      await signedBytes({ expSecs: Math.floor(Date.now() / 1000) - 10 }),
      400,
      "vm_error",
      6,
      /TRANSACTION_EXPIRED/,
    );
  });

  it("max gas over the bound / below the minimum, gas price below the minimum", async () => {
    await expectRejected(
      await signedBytes({ maxGas: 3_000_000 }),
      400,
      "vm_error",
      13,
      /MAX_GAS_UNITS_EXCEEDS_MAX_GAS_UNITS_BOUND/,
    );
    await expectRejected(
      await signedBytes({ maxGas: 1 }),
      400,
      "vm_error",
      14,
      /MAX_GAS_UNITS_BELOW_MIN_TRANSACTION_GAS_UNITS/,
    );
    await expectRejected(
      await signedBytes({ gasPrice: 1 }),
      400,
      "vm_error",
      15,
      /GAS_UNIT_PRICE_BELOW_MIN_BOUND/,
    );
  });

  it("insufficient balance for max gas -> INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE (5)", async () => {
    const poor = Account.generate();
    await ln.fund(poor.accountAddress.toString(), 1000n);
    const before = ln.chain.aptBalance(poor.accountAddress.toStringLong() as `0x${string}`);
    const r = await submit(await signedBytes({ signer: poor, seq: 0 }));
    expect(r.status).toBe(400);
    expect(r.json.vm_error_code).toBe(5);
    expect(r.json.message).toMatch(/INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE/);
    expect(ln.chain.aptBalance(poor.accountAddress.toStringLong() as `0x${string}`)).toBe(before);
  });

  it("unknown sender -> SENDING_ACCOUNT_DOES_NOT_EXIST (7)", async () => {
    const ghost = Account.generate();
    const r = await submit(await signedBytes({ signer: ghost, seq: 0 }));
    expect(r.status).toBe(400);
    expect(r.json.vm_error_code).toBe(7);
  });

  it("unknown module -> LINKER_ERROR, unknown function -> FUNCTION_RESOLUTION_FAILURE", async () => {
    await expectRejected(
      await signedBytes({ fn: "0x1::nope::transfer" }),
      400,
      "vm_error",
      1081,
      /LINKER_ERROR/,
    );
    await expectRejected(
      await signedBytes({ fn: `${ln.kofiAddress}::gateway::nope` as never }),
      400,
      "vm_error",
      1091,
      /FUNCTION_RESOLUTION_FAILURE/,
    );
  });

  it("view function as a transaction -> EXECUTE_ENTRY_FUNCTION_CALLED_ON_NON_ENTRY_FUNCTION", async () => {
    await expectRejected(
      await signedBytes({
        fn: "0x1::coin::balance",
        typeArgs: ["0x1::aptos_coin::AptosCoin"],
        args: [AccountAddress.ONE],
      }),
      400,
      "vm_error",
      1103,
      /NON_ENTRY_FUNCTION/,
    );
  });

  it("wrong argument count -> NUMBER_OF_ARGUMENTS_MISMATCH (1098)", async () => {
    await expectRejected(
      await signedBytes({ args: [AccountAddress.ONE] }),
      400,
      "vm_error",
      1098,
      /NUMBER_OF_ARGUMENTS_MISMATCH/,
    );
  });

  it("wrong argument types / u64 that does not fit -> FAILED_TO_DESERIALIZE_ARGUMENT (1100)", async () => {
    await expectRejected(
      await signedBytes({ args: [new Bool(true), new U64(1)] }),
      400,
      "vm_error",
      1100,
      /FAILED_TO_DESERIALIZE_ARGUMENT/,
    );
    await expectRejected(
      await signedBytes({ args: [AccountAddress.ONE, new U128(1n << 64n)] }),
      400,
      "vm_error",
      1100,
      /not a valid u64/,
    );
  });

  it("wrong number of type arguments -> NUMBER_OF_TYPE_ARGUMENTS_MISMATCH (1076)", async () => {
    await expectRejected(
      await signedBytes({ fn: "0x1::aptos_account::transfer_coins" }),
      400,
      "vm_error",
      1076,
      /NUMBER_OF_TYPE_ARGUMENTS_MISMATCH/,
    );
  });

  it("JSON submission -> 415", async () => {
    const r = await fetch(`${ln.nodeUrl}/transactions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(r.status).toBe(415);
  });

  it("simulation with a valid signature is refused", async () => {
    const r = await submit(await signedBytes(), "/transactions/simulate");
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(/must not have a valid signature/);
  });
});

describe("view and read errors", () => {
  async function view(body: unknown) {
    const r = await fetch(`${ln.nodeUrl}/view`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return {
      status: r.status,
      json: (await r.json()) as { message: string; error_code: string; vm_error_code: number | null },
    };
  }
  it("u64 overflow in a JSON view argument -> 400 invalid_input", async () => {
    const r = await view({
      function: `${ln.kofiAddress}::gateway::quote_deposit`,
      type_arguments: [],
      arguments: ["18446744073709551616"],
    });
    expect(r.status).toBe(400);
    expect(r.json.error_code).toBe("invalid_input");
    expect(r.json.message).toMatch(/u64 out of range/);
  });
  it("wrong argument count / type, unknown function, non-view", async () => {
    expect(
      (
        await view({
          function: `${ln.kofiAddress}::gateway::quote_deposit`,
          type_arguments: [],
          arguments: [],
        })
      ).json.vm_error_code,
    ).toBe(1098);
    expect(
      (
        await view({
          function: `${ln.kofiAddress}::gateway::quote_deposit`,
          type_arguments: [],
          arguments: [true],
        })
      ).status,
    ).toBe(400);
    expect(
      (await view({ function: `${ln.kofiAddress}::gateway::nope`, type_arguments: [], arguments: [] })).json
        .vm_error_code,
    ).toBe(1091);
    expect(
      (await view({ function: "0x1::nope::f", type_arguments: [], arguments: [] })).json.vm_error_code,
    ).toBe(1081);
    expect(
      (
        await view({
          function: `${ln.kofiAddress}::gateway::deposit`,
          type_arguments: [],
          arguments: ["1", "0"],
        })
      ).json.message,
    ).toMatch(/not marked as a view/);
  });
  it("a view abort -> 400 with the Move abort status and vm_error_code 4016", async () => {
    const r = await view({
      function: `${ln.kofiAddress}::gateway::quote_deposit`,
      type_arguments: [],
      arguments: ["0"],
    });
    expect(r.status).toBe(400);
    expect(r.json.vm_error_code).toBe(4016);
    expect(r.json.message).toMatch(
      /^Move abort in 0x[0-9a-f]+::gateway: E_ZERO_AMOUNT\(0x10001\): The amount must be greater than zero\.$/,
    );
  });
  it("404s: account, resource, module, transaction; 400 for a bad address", async () => {
    const ghost = `0x${"ab".repeat(32)}`;
    const a = await fetch(`${ln.nodeUrl}/accounts/${ghost}`);
    expect(a.status).toBe(404);
    expect(((await a.json()) as { error_code: string }).error_code).toBe("account_not_found");
    const r = await fetch(`${ln.nodeUrl}/accounts/${ln.accounts.dev.address}/resource/0x1::nope::Nope`);
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error_code: string }).error_code).toBe("resource_not_found");
    const m = await fetch(`${ln.nodeUrl}/accounts/0x1/module/nope`);
    expect(((await m.json()) as { error_code: string }).error_code).toBe("module_not_found");
    const t = await fetch(`${ln.nodeUrl}/transactions/by_hash/0x${"00".repeat(32)}`);
    expect(t.status).toBe(404);
    expect(((await t.json()) as { error_code: string }).error_code).toBe("transaction_not_found");
    const bad = await fetch(`${ln.nodeUrl}/accounts/0xZZ`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error_code: string }).error_code).toBe("invalid_input");
  });
  it("CORS: reflects the origin with credentials and echoes requested headers", async () => {
    const r = await fetch(ln.nodeUrl, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-headers": "content-type,x-aptos-client,x-aptos-typescript-sdk-origin-method",
      },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(r.headers.get("access-control-allow-credentials")).toBe("true");
    expect(r.headers.get("access-control-allow-headers")).toBe(
      "content-type,x-aptos-client,x-aptos-typescript-sdk-origin-method",
    );
  });
  it("balance endpoint: coin type and FA address", async () => {
    const r = await fetch(
      `${ln.nodeUrl}/accounts/${ln.accounts.dev.address}/balance/0x1::aptos_coin::AptosCoin`,
    );
    expect(await r.json()).toBe(Number(ln.chain.aptBalance(ln.accounts.dev.address)));
    const r2 = await fetch(`${ln.nodeUrl}/accounts/${ln.accounts.dev.address}/balance/0xa`);
    expect(await r2.json()).toBe(Number(ln.chain.aptBalance(ln.accounts.dev.address)));
  });
});
