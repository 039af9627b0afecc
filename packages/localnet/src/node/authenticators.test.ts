import {
  Account,
  AccountAddress,
  type AccountAuthenticator,
  Aptos,
  AptosApiError,
  AptosConfig,
  Ed25519PrivateKey,
  MultiEd25519Account,
  MultiEd25519PublicKey,
  MultiKey,
  MultiKeyAccount,
  Network,
  SigningSchemeInput,
  type TransactionSingleSenderSignature,
  type UserTransactionResponse,
} from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Localnet, startLocalnet } from "../index.ts";

// Every authenticator the node verifies, built, signed and submitted with the ts-sdk's own API.
let ln: Localnet;
let aptos: Aptos;
const BOB = Account.generate().accountAddress;

beforeAll(async () => {
  ln = await startLocalnet({ port: 0, quiet: true, kofi: false, genesisTimeSecs: 1_750_000_000 });
  aptos = new Aptos(new AptosConfig({ network: Network.CUSTOM, fullnode: ln.nodeUrl, faucet: ln.faucetUrl }));
});
afterAll(async () => {
  await ln?.stop();
});

const fund = (a: AccountAddress, amount = 10e8) =>
  aptos.fundAccount({ accountAddress: a, amount, options: { waitForIndexer: false } });
const balance = (a: AccountAddress) => aptos.getAccountAPTAmount({ accountAddress: a });

/** The node's rejection (AptosApiError) of a submission, as `{ status, vm_error_code, message }`. */
async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof AptosApiError)
      return {
        status: e.status,
        vm: (e.data as { vm_error_code?: number }).vm_error_code,
        message: e.message,
      };
    throw e;
  }
  throw new Error("expected the node to refuse the transaction");
}

async function transferFrom(signer: Account, to: AccountAddress, amount: number) {
  const txn = await aptos.transferCoinTransaction({ sender: signer.accountAddress, recipient: to, amount });
  const pending = await aptos.signAndSubmitTransaction({ signer, transaction: txn });
  return (await aptos.waitForTransaction({ transactionHash: pending.hash })) as UserTransactionResponse;
}

describe("SingleKey Secp256k1", () => {
  it("signs, submits and pays gas; the signature JSON names the scheme", async () => {
    const a = Account.generate({ scheme: SigningSchemeInput.Secp256k1Ecdsa });
    await fund(a.accountAddress);
    const to = Account.generate();
    const done = await transferFrom(a, to.accountAddress, 4321);
    expect(done.success).toBe(true);
    expect(await balance(to.accountAddress)).toBe(4321);
    const sig = done.signature as TransactionSingleSenderSignature;
    expect(sig.type).toBe("single_sender");
    expect(sig.public_key.type).toBe("secp256k1_ecdsa");
    expect(sig.signature.type).toBe("secp256k1_ecdsa");
    const info = await aptos.getAccountInfo({ accountAddress: a.accountAddress });
    expect(info.sequence_number).toBe("1");
  });

  it("a signature over another transaction is INVALID_SIGNATURE; another key is INVALID_AUTH_KEY", async () => {
    const a = Account.generate({ scheme: SigningSchemeInput.Secp256k1Ecdsa });
    await fund(a.accountAddress);
    const t1 = await aptos.transferCoinTransaction({ sender: a.accountAddress, recipient: BOB, amount: 1 });
    const t2 = await aptos.transferCoinTransaction({ sender: a.accountAddress, recipient: BOB, amount: 2 });
    const wrong = aptos.transaction.sign({ signer: a, transaction: t2 });
    const r1 = await rejection(
      aptos.transaction.submit.simple({ transaction: t1, senderAuthenticator: wrong }),
    );
    expect(r1).toMatchObject({ status: 400, vm: 1 });
    expect(r1.message).toMatch(/INVALID_SIGNATURE/);
    const other = Account.generate({ scheme: SigningSchemeInput.Secp256k1Ecdsa });
    const byOther = aptos.transaction.sign({ signer: other, transaction: t1 });
    const r2 = await rejection(
      aptos.transaction.submit.simple({ transaction: t1, senderAuthenticator: byOther }),
    );
    expect(r2).toMatchObject({ status: 400, vm: 2 });
    expect(await balance(a.accountAddress)).toBe(10e8);
  });
});

describe("MultiKey (mixed schemes)", () => {
  const ed = Account.generate({ scheme: SigningSchemeInput.Ed25519, legacy: false });
  const k1 = Account.generate({ scheme: SigningSchemeInput.Secp256k1Ecdsa });
  const k1b = Account.generate({ scheme: SigningSchemeInput.Secp256k1Ecdsa });

  it("2-of-3 with an Ed25519 and a Secp256k1 signer", async () => {
    const multiKey = new MultiKey({
      publicKeys: [ed.publicKey, k1.publicKey, k1b.publicKey],
      signaturesRequired: 2,
    });
    const acct = new MultiKeyAccount({ multiKey, signers: [ed, k1] });
    await fund(acct.accountAddress);
    const to = Account.generate();
    const done = await transferFrom(acct, to.accountAddress, 99);
    expect(done.success).toBe(true);
    const sig = done.signature as unknown as { type: string; signatures: { index: number }[] };
    expect(sig.type).toBe("single_sender");
    expect(sig.signatures.map((s) => s.index)).toEqual([0, 1]);
    expect(await balance(to.accountAddress)).toBe(99);
  });

  it("too few signatures or a signer outside the key set is refused", async () => {
    const multiKey = new MultiKey({ publicKeys: [ed.publicKey, k1.publicKey], signaturesRequired: 2 });
    const full = new MultiKeyAccount({ multiKey, signers: [ed, k1] });
    await fund(full.accountAddress);
    // the same account, signing with one key only: a 1-of-2 account's signature for a 2-of-2 key
    const txn = await aptos.transferCoinTransaction({
      sender: full.accountAddress,
      recipient: BOB,
      amount: 1,
    });
    const oneOf = new MultiKeyAccount({
      multiKey: new MultiKey({ publicKeys: [ed.publicKey, k1.publicKey], signaturesRequired: 1 }),
      signers: [k1],
    });
    const auth = aptos.transaction.sign({ signer: oneOf, transaction: txn });
    const r = await rejection(
      aptos.transaction.submit.simple({ transaction: txn, senderAuthenticator: auth }),
    );
    // a different key set (signatures_required is part of the key): the auth key does not match
    expect(r.vm).toBe(2);
  });
});

describe("MultiEd25519", () => {
  it("2-of-3 legacy multi-ed25519 account", async () => {
    const keys = [0, 1, 2].map(() => Ed25519PrivateKey.generate());
    const publicKey = new MultiEd25519PublicKey({ publicKeys: keys.map((k) => k.publicKey()), threshold: 2 });
    const acct = new MultiEd25519Account({
      publicKey,
      signers: [keys[0] as Ed25519PrivateKey, keys[2] as Ed25519PrivateKey],
    });
    await fund(acct.accountAddress);
    const to = Account.generate();
    const done = await transferFrom(acct, to.accountAddress, 5);
    expect(done.success).toBe(true);
    expect((done.signature as { type: string }).type).toBe("multi_ed25519_signature");
    expect((done.signature as { bitmap: string }).bitmap).toBe("0xa0000000");
  });
});

describe("multi-agent", () => {
  it("sender and secondary signer both sign; each signature is checked", async () => {
    const a = Account.generate();
    const b = Account.generate({ scheme: SigningSchemeInput.Secp256k1Ecdsa });
    await fund(a.accountAddress);
    await fund(b.accountAddress);
    // synchronize_delegation_pool takes no signer: any number of transaction signers may call it
    const build = () =>
      aptos.transaction.build.multiAgent({
        sender: a.accountAddress,
        secondarySignerAddresses: [b.accountAddress],
        data: {
          function: "0x1::delegation_pool::synchronize_delegation_pool",
          functionArguments: [ln.validators[0] as string],
        },
      });
    const txn = await build();
    const senderAuthenticator = aptos.transaction.sign({ signer: a, transaction: txn });
    const bAuth = aptos.transaction.sign({ signer: b, transaction: txn });
    const pending = await aptos.transaction.submit.multiAgent({
      transaction: txn,
      senderAuthenticator,
      additionalSignersAuthenticators: [bAuth],
    });
    const done = (await aptos.waitForTransaction({
      transactionHash: pending.hash,
    })) as UserTransactionResponse;
    expect(done.success).toBe(true);
    const sig = done.signature as { type: string; secondary_signer_addresses: string[] };
    expect(sig.type).toBe("multi_agent_signature");
    expect(sig.secondary_signer_addresses).toEqual([b.accountAddress.toStringLong()]);

    // a secondary signature by the wrong account: its key does not match b's auth key
    const txn2 = await build();
    const stranger = Account.generate();
    const r = await rejection(
      aptos.transaction.submit.multiAgent({
        transaction: txn2,
        senderAuthenticator: aptos.transaction.sign({ signer: a, transaction: txn2 }),
        additionalSignersAuthenticators: [aptos.transaction.sign({ signer: stranger, transaction: txn2 })],
      }),
    );
    expect(r.vm).toBe(2);
    // b's signature over another transaction
    const r2 = await rejection(
      aptos.transaction.submit.multiAgent({
        transaction: txn2,
        senderAuthenticator: aptos.transaction.sign({ signer: a, transaction: txn2 }),
        additionalSignersAuthenticators: [bAuth],
      }),
    );
    expect(r2.vm).toBe(1);
  });

  it("a one-signer entry function with two transaction signers: NUMBER_OF_SIGNER_ARGUMENTS_MISMATCH", async () => {
    const a = Account.generate();
    const b = Account.generate();
    await fund(a.accountAddress);
    await fund(b.accountAddress);
    const txn = await aptos.transaction.build.multiAgent({
      sender: a.accountAddress,
      secondarySignerAddresses: [b.accountAddress],
      data: { function: "0x1::aptos_account::transfer", functionArguments: [b.accountAddress, 1] },
    });
    const r = await rejection(
      aptos.transaction.submit.multiAgent({
        transaction: txn,
        senderAuthenticator: aptos.transaction.sign({ signer: a, transaction: txn }),
        additionalSignersAuthenticators: [aptos.transaction.sign({ signer: b, transaction: txn })],
      }),
    );
    expect(r).toMatchObject({ status: 400, vm: 1101 });
  });
});

describe("fee payer (sponsored transactions)", () => {
  it("withFeePayer + signAsFeePayer: the fee payer pays the gas, the sender only the transfer", async () => {
    const sender = Account.generate();
    const sponsor = Account.generate({ scheme: SigningSchemeInput.Secp256k1Ecdsa });
    await fund(sender.accountAddress, 1000);
    await fund(sponsor.accountAddress);
    const to = Account.generate();
    const transaction = await aptos.transaction.build.simple({
      sender: sender.accountAddress,
      withFeePayer: true,
      data: { function: "0x1::aptos_account::transfer", functionArguments: [to.accountAddress, 1000] },
    });
    const senderAuthenticator = aptos.transaction.sign({ signer: sender, transaction });
    const feePayerAuthenticator = aptos.transaction.signAsFeePayer({ signer: sponsor, transaction });
    const pending = await aptos.transaction.submit.simple({
      transaction,
      senderAuthenticator,
      feePayerAuthenticator,
    });
    const done = (await aptos.waitForTransaction({
      transactionHash: pending.hash,
    })) as UserTransactionResponse;
    expect(done.success).toBe(true);
    const fee = Number(done.gas_used) * Number(done.gas_unit_price);
    expect(fee).toBeGreaterThan(0);
    expect(await balance(sender.accountAddress)).toBe(0);
    expect(await balance(to.accountAddress)).toBe(1000);
    expect(await balance(sponsor.accountAddress)).toBe(10e8 - fee);
    const sig = done.signature as { type: string; fee_payer_address: string };
    expect(sig.type).toBe("fee_payer_signature");
    expect(sig.fee_payer_address).toBe(sponsor.accountAddress.toStringLong());
    expect((await aptos.getAccountInfo({ accountAddress: sender.accountAddress })).sequence_number).toBe("1");
  });

  it("a sponsored first transaction creates the sender's account", async () => {
    const fresh = Account.generate();
    const sponsor = Account.generate();
    await fund(sponsor.accountAddress);
    const transaction = await aptos.transaction.build.simple({
      sender: fresh.accountAddress,
      withFeePayer: true,
      data: { function: "0x1::aptos_account::transfer", functionArguments: [sponsor.accountAddress, 0] },
    });
    const pending = await aptos.transaction.submit.simple({
      transaction,
      senderAuthenticator: aptos.transaction.sign({ signer: fresh, transaction }),
      feePayerAuthenticator: aptos.transaction.signAsFeePayer({ signer: sponsor, transaction }),
    });
    const done = await aptos.waitForTransaction({ transactionHash: pending.hash });
    expect(done.success).toBe(true);
    const info = await aptos.getAccountInfo({ accountAddress: fresh.accountAddress });
    expect(info.sequence_number).toBe("1");
  });

  it("a simulation with fee payer 0x0 (sponsor not known yet) runs and charges nobody; a submission with 0x0 is refused", async () => {
    const sender = Account.generate();
    await fund(sender.accountAddress, 5000);
    const to = Account.generate();
    const transaction = await aptos.transaction.build.simple({
      sender: sender.accountAddress,
      withFeePayer: true,
      data: { function: "0x1::aptos_account::transfer", functionArguments: [to.accountAddress, 5000] },
    });
    expect(transaction.feePayerAddress?.equals(AccountAddress.ZERO)).toBe(true);
    // the whole balance moves: only possible when nobody's APT is held back for gas
    const [sim] = await aptos.transaction.simulate.simple({
      signerPublicKey: sender.publicKey,
      transaction,
    });
    expect(sim?.success).toBe(true);
    expect(BigInt(sim?.gas_used ?? "0")).toBeGreaterThan(0n);
    expect(await balance(sender.accountAddress)).toBe(5000);
    // a real transaction needs a real fee payer: 0x0 has no account (and no key to sign with)
    const r = await rejection(
      aptos.transaction.submit.simple({
        transaction,
        senderAuthenticator: aptos.transaction.sign({ signer: sender, transaction }),
        feePayerAuthenticator: aptos.transaction.sign({ signer: Account.generate(), transaction }),
      }),
    );
    expect(r.status).toBe(400);
    expect(await balance(sender.accountAddress)).toBe(5000);
  });

  it("a fee payer signature by someone else, or none, is refused", async () => {
    const sender = Account.generate();
    const sponsor = Account.generate();
    await fund(sender.accountAddress);
    await fund(sponsor.accountAddress);
    const transaction = await aptos.transaction.build.simple({
      sender: sender.accountAddress,
      withFeePayer: true,
      data: { function: "0x1::aptos_account::transfer", functionArguments: [sponsor.accountAddress, 1] },
    });
    const senderAuthenticator = aptos.transaction.sign({ signer: sender, transaction });
    // the impostor signs with the sponsor's address set: auth key mismatch
    const impostor = Account.generate();
    transaction.feePayerAddress = sponsor.accountAddress;
    const forged: AccountAuthenticator = aptos.transaction.sign({ signer: impostor, transaction });
    const r = await rejection(
      aptos.transaction.submit.simple({ transaction, senderAuthenticator, feePayerAuthenticator: forged }),
    );
    expect(r.vm).toBe(2);
    // the sponsor's signature over the 0x0 fee payer message (what the sender signs) is not the fee payer's
    transaction.feePayerAddress = AccountAddress.ZERO;
    const overZero = aptos.transaction.sign({ signer: sponsor, transaction });
    transaction.feePayerAddress = sponsor.accountAddress;
    const r2 = await rejection(
      aptos.transaction.submit.simple({ transaction, senderAuthenticator, feePayerAuthenticator: overZero }),
    );
    expect(r2.vm).toBe(1);
    expect(await balance(sponsor.accountAddress)).toBe(10e8);
  });
});
