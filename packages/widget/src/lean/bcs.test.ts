import {
  AccountAddress,
  AccountAuthenticatorSingleKey,
  AnyPublicKey,
  AnySignature,
  ChainId,
  Ed25519PrivateKey,
  Ed25519Signature,
  EntryFunction,
  MoveVector,
  RawTransaction,
  SignedTransaction,
  TransactionAuthenticatorEd25519,
  TransactionAuthenticatorSingleSender,
  TransactionPayloadEntryFunction,
  U64,
} from "@aptos-labs/ts-sdk";
import { describe, expect, it } from "vitest";
import { addressBytes, encodeArgument, longAddress, rawTransactionBytes, simulationBytes } from "./bcs.ts";
import { senderKeyOf } from "./key.ts";
import { encodeCall } from "./simulate.ts";

const KOFI = `0x${"0".repeat(56)}6b6f6669`;
const SENDER = `0x${"0".repeat(59)}a11ce`;
const key = new Ed25519PrivateKey(new Uint8Array(32).fill(7)).publicKey();

function sdkRaw(args: EntryFunction["args"], fn: string) {
  return new RawTransaction(
    AccountAddress.from(SENDER),
    12n,
    new TransactionPayloadEntryFunction(EntryFunction.build(`${KOFI}::gateway`, fn, [], args)),
    200_000n,
    100n,
    1_900_000_000n,
    new ChainId(4),
  );
}

const ours = (fn: string, functionArguments: (bigint | string[])[]) => ({
  sender: SENDER,
  sequenceNumber: 12n,
  call: encodeCall({ function: `${KOFI}::gateway::${fn}`, typeArguments: [], functionArguments }, KOFI),
  maxGasAmount: 200_000n,
  gasUnitPrice: 100n,
  expirationSecs: 1_900_000_000n,
  chainId: 4,
});

describe("lean BCS (byte for byte against the ts-sdk)", () => {
  it("addresses: short and long forms", () => {
    expect(longAddress("0x1")).toBe(`0x${"0".repeat(63)}1`);
    expect(addressBytes(KOFI)).toEqual(AccountAddress.from(KOFI).toUint8Array());
    expect(() => addressBytes("0xzz")).toThrow(/Invalid address/);
  });

  it("deposit(u64, u64): the raw transaction", () => {
    const sdk = sdkRaw([new U64(150_000_000n), new U64(149_000_000n)], "deposit").bcsToBytes();
    expect(rawTransactionBytes(ours("deposit", [150_000_000n, 149_000_000n]))).toEqual(sdk);
  });

  it("claim(vector<address>): the argument and the raw transaction", () => {
    const tickets = [`0x${"0".repeat(60)}beef`, `0x${"ab".repeat(32)}`];
    const sdkArg = new MoveVector(tickets.map((t) => AccountAddress.from(t)));
    expect(encodeArgument("vector<address>", tickets)).toEqual(sdkArg.bcsToBytes());
    expect(rawTransactionBytes(ours("claim", [tickets]))).toEqual(sdkRaw([sdkArg], "claim").bcsToBytes());
  });

  it("simulation with an Ed25519 key: TransactionAuthenticator::Ed25519, zero signature", () => {
    const raw = sdkRaw([new U64(5n), new U64(4n)], "stake");
    const sdk = new SignedTransaction(
      raw,
      new TransactionAuthenticatorEd25519(key, new Ed25519Signature(new Uint8Array(64))),
    ).bcsToBytes();
    const k = senderKeyOf(key);
    expect(k?.scheme).toBe("ed25519");
    expect(simulationBytes(ours("stake", [5n, 4n]), k as NonNullable<typeof k>)).toEqual(sdk);
  });

  it("simulation with a SingleKey Ed25519 key: SingleSender(SingleKey(AnyPublicKey, AnySignature))", () => {
    const raw = sdkRaw([new U64(5n), new U64(4n)], "stake");
    const any = new AnyPublicKey(key);
    const sdk = new SignedTransaction(
      raw,
      new TransactionAuthenticatorSingleSender(
        new AccountAuthenticatorSingleKey(any, new AnySignature(new Ed25519Signature(new Uint8Array(64)))),
      ),
    ).bcsToBytes();
    const k = senderKeyOf(any);
    expect(k?.scheme).toBe("single_key_ed25519");
    expect(simulationBytes(ours("stake", [5n, 4n]), k as NonNullable<typeof k>)).toEqual(sdk);
  });

  it("keys: none → null (skipped), hex and bytes accepted, other schemes refused clearly", () => {
    expect(senderKeyOf(undefined)).toBeNull();
    expect(senderKeyOf(key.toString())?.scheme).toBe("ed25519");
    expect(() => senderKeyOf({ variant: 3, publicKey: new Uint8Array(40) })).toThrow(/single-key Keyless/);
    expect(() => senderKeyOf(new Uint8Array(33))).toThrow(/33-byte key/);
  });

  it("refuses a function outside the gateway list and a wrong argument count", () => {
    expect(() =>
      encodeCall({ function: "0x1::coin::transfer", typeArguments: [], functionArguments: [] }, KOFI),
    ).toThrow(/Not a Kofi gateway entry/);
    expect(() =>
      encodeCall({ function: `${KOFI}::gateway::stake`, typeArguments: [], functionArguments: [1n] }, KOFI),
    ).toThrow(/takes 2 arguments/);
  });
});
