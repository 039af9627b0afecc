import {
  Account,
  AccountAddress,
  Aptos,
  AptosApiError,
  AptosConfig,
  Ed25519PrivateKey,
  MultiEd25519Account,
  MultiEd25519PublicKey,
  MultiKey,
  MultiKeyAccount,
  Network,
  RotationProofChallenge,
  type Secp256k1PrivateKey,
  SigningSchemeInput,
  type UserTransactionResponse,
} from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Localnet, startLocalnet } from "../index.ts";

// The 0x1 surface the ts-sdk's everyday calls reach, through the ts-sdk only.
let ln: Localnet;
let aptos: Aptos;
let dev: Account;

beforeAll(async () => {
  ln = await startLocalnet({ port: 0, quiet: true, kofi: false, genesisTimeSecs: 1_750_000_000 });
  aptos = new Aptos(new AptosConfig({ network: Network.CUSTOM, fullnode: ln.nodeUrl, faucet: ln.faucetUrl }));
  dev = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(ln.accounts.dev.privateKey) });
});
afterAll(async () => {
  await ln?.stop();
});

const fund = (a: AccountAddress, amount = 10e8) =>
  aptos.fundAccount({ accountAddress: a, amount, options: { waitForIndexer: false } });
const balance = (a: AccountAddress) => aptos.getAccountAPTAmount({ accountAddress: a });

async function run(
  signer: Account,
  fn: `${string}::${string}::${string}`,
  args: unknown[],
  typeArgs: string[] = [],
) {
  const txn = await aptos.transaction.build.simple({
    sender: signer.accountAddress,
    data: { function: fn, typeArguments: typeArgs, functionArguments: args as never[] },
  });
  const pending = await aptos.signAndSubmitTransaction({ signer, transaction: txn });
  return (await aptos.waitForTransaction({
    transactionHash: pending.hash,
    options: { checkSuccess: false },
  })) as UserTransactionResponse;
}

describe("aptos_account::batch_transfer", () => {
  it("pays every recipient (creating accounts) in one transaction", async () => {
    const [a, b, c] = [Account.generate(), Account.generate(), Account.generate()];
    const before = await balance(dev.accountAddress);
    const done = await run(dev, "0x1::aptos_account::batch_transfer", [
      [a.accountAddress, b.accountAddress, c.accountAddress],
      [1, 20, 300],
    ]);
    expect(done.success).toBe(true);
    expect([
      await balance(a.accountAddress),
      await balance(b.accountAddress),
      await balance(c.accountAddress),
    ]).toEqual([1, 20, 300]);
    const fee = Number(done.gas_used) * Number(done.gas_unit_price);
    expect(await balance(dev.accountAddress)).toBe(before - 321 - fee);
    const info = await aptos.getAccountInfo({ accountAddress: c.accountAddress });
    expect(info.sequence_number).toBe("0");
  });

  it("mismatched lengths abort EMISMATCHING_RECIPIENTS_AND_AMOUNTS_LENGTH and pay no one", async () => {
    const a = Account.generate();
    const done = await run(dev, "0x1::aptos_account::batch_transfer", [[a.accountAddress], [1, 2]]);
    expect(done.success).toBe(false);
    expect(done.vm_status).toMatch(
      /^Move abort in 0x1::aptos_account: EMISMATCHING_RECIPIENTS_AND_AMOUNTS_LENGTH\(0x10005\)/,
    );
    await expect(aptos.getAccountInfo({ accountAddress: a.accountAddress })).rejects.toThrow(
      /account_not_found|Account not found/,
    );
  });

  it("batch_transfer_coins<AptosCoin> works the same; the module ABI is the real one", async () => {
    const a = Account.generate();
    const done = await run(
      dev,
      "0x1::aptos_account::batch_transfer_coins",
      [[a.accountAddress], [77]],
      ["0x1::aptos_coin::AptosCoin"],
    );
    expect(done.success).toBe(true);
    expect(await balance(a.accountAddress)).toBe(77);
    const m = await aptos.getAccountModule({ accountAddress: "0x1", moduleName: "aptos_account" });
    const f = m.abi?.exposed_functions.find((x) => x.name === "batch_transfer");
    expect(f?.params).toEqual(["&signer", "vector<address>", "vector<u64>"]);
  });
});

describe("aptos_account::batch_transfer_coins with a coin other than APT", () => {
  // No coin type but APT can be initialised on the localnet: coin::initialize<T> must be signed by the address
  // of the module defining T, and module publishing is refused (no bytecode). So the coin here is a real
  // framework struct that was never initialised as a coin, and the test checks what a node answers for one.
  const NOT_A_COIN = "0x1::aptos_coin::MintCapStore";
  const coinBalance = async (a: AccountAddress) =>
    (
      await aptos.view<[string]>({
        payload: { function: "0x1::coin::balance", typeArguments: [NOT_A_COIN], functionArguments: [a] },
      })
    )[0];

  it("an amount above 0 aborts EINSUFFICIENT_BALANCE in coin::withdraw; nobody is paid or created", async () => {
    const [a, b] = [Account.generate(), Account.generate()];
    const before = await balance(dev.accountAddress);
    const done = await run(
      dev,
      "0x1::aptos_account::batch_transfer_coins",
      [
        [a.accountAddress, b.accountAddress],
        [5, 7],
      ],
      [NOT_A_COIN],
    );
    expect(done.success).toBe(false);
    expect(done.vm_status).toMatch(/^Move abort in 0x1::coin: EINSUFFICIENT_BALANCE\(0x10006\)/);
    // only the gas is charged: no APT moves in place of the other coin
    const fee = Number(done.gas_used) * Number(done.gas_unit_price);
    expect(await balance(dev.accountAddress)).toBe(before - fee);
    expect([await coinBalance(a.accountAddress), await coinBalance(b.accountAddress)]).toEqual(["0", "0"]);
    await expect(aptos.getAccountInfo({ accountAddress: a.accountAddress })).rejects.toThrow(
      /account_not_found|Account not found/,
    );
  });

  it("an amount of 0 reaches deposit_coins: ECOIN_INFO_NOT_PUBLISHED, the recipient is not created", async () => {
    const a = Account.generate();
    const done = await run(
      dev,
      "0x1::aptos_account::batch_transfer_coins",
      [[a.accountAddress], [0]],
      [NOT_A_COIN],
    );
    expect(done.success).toBe(false);
    expect(done.vm_status).toMatch(/^Move abort in 0x1::coin: ECOIN_INFO_NOT_PUBLISHED\(0x10003\)/);
    await expect(aptos.getAccountInfo({ accountAddress: a.accountAddress })).rejects.toThrow(
      /account_not_found|Account not found/,
    );
  });

  it("the length check comes first; empty lists transfer nothing and succeed", async () => {
    const a = Account.generate();
    const mismatched = await run(
      dev,
      "0x1::aptos_account::batch_transfer_coins",
      [[a.accountAddress], [1, 2]],
      [NOT_A_COIN],
    );
    expect(mismatched.vm_status).toMatch(/EMISMATCHING_RECIPIENTS_AND_AMOUNTS_LENGTH\(0x10005\)/);
    const empty = await run(dev, "0x1::aptos_account::batch_transfer_coins", [[], []], [NOT_A_COIN]);
    expect(empty.success).toBe(true);
  });
});

describe("views", () => {
  it("chain_id::get, chain_status::is_operating, account::get_authentication_key", async () => {
    expect(await aptos.view({ payload: { function: "0x1::chain_id::get", functionArguments: [] } })).toEqual([
      4,
    ]);
    expect(
      await aptos.view({ payload: { function: "0x1::chain_status::is_operating", functionArguments: [] } }),
    ).toEqual([true]);
    const [key] = await aptos.view<[string]>({
      payload: { function: "0x1::account::get_authentication_key", functionArguments: [dev.accountAddress] },
    });
    expect(key).toBe(dev.publicKey.authKey().toString());
    await expect(
      aptos.view({
        payload: {
          function: "0x1::account::get_authentication_key",
          functionArguments: [Account.generate().accountAddress],
        },
      }),
    ).rejects.toThrow(/EACCOUNT_DOES_NOT_EXIST\(0x60002\)/);
  });

  it("coin::{name,symbol,decimals,supply}<AptosCoin>; supply follows mints and burned gas", async () => {
    const apt = ["0x1::aptos_coin::AptosCoin"];
    const v = (f: string) =>
      aptos.view({
        payload: {
          function: `0x1::coin::${f}` as `${string}::${string}::${string}`,
          typeArguments: apt,
          functionArguments: [],
        },
      });
    expect(await v("name")).toEqual(["Aptos Coin"]);
    expect(await v("symbol")).toEqual(["APT"]);
    expect(await v("decimals")).toEqual([8]);
    const [s0] = (await v("supply")) as [{ vec: [string] }];
    await fund(Account.generate().accountAddress, 5e8);
    const [s1] = (await v("supply")) as [{ vec: [string] }];
    expect(BigInt(s1.vec[0]) - BigInt(s0.vec[0])).toBe(500_000_000n);
    const done = await run(dev, "0x1::aptos_account::transfer", [Account.generate().accountAddress, 1]);
    const [s2] = (await v("supply")) as [{ vec: [string] }];
    expect(BigInt(s1.vec[0]) - BigInt(s2.vec[0])).toBe(BigInt(done.gas_used) * BigInt(done.gas_unit_price));
  });

  it("coin views of a coin that was never initialised: balance is 0, name is MISSING_DATA", async () => {
    const fake = [`0x${"1234".padStart(64, "0")}::fake::Coin`];
    expect(
      await aptos.view({
        payload: {
          function: "0x1::coin::balance",
          typeArguments: fake,
          functionArguments: [dev.accountAddress],
        },
      }),
    ).toEqual(["0"]);
    await expect(
      aptos.view({ payload: { function: "0x1::coin::name", typeArguments: fake, functionArguments: [] } }),
    ).rejects.toThrow(/MISSING_DATA/);
  });
});

describe("resources as the framework stores them", () => {
  it("Account.authentication_key is the full 32-byte hex, also for 0x1", async () => {
    const one = await aptos.getAccountResource<{ authentication_key: string }>({
      accountAddress: "0x1",
      resourceType: "0x1::account::Account",
    });
    expect(one.authentication_key).toBe(`0x${"0".repeat(63)}1`);
    const mine = await aptos.getAccountResource<{ authentication_key: string; sequence_number: string }>({
      accountAddress: dev.accountAddress,
      resourceType: "0x1::account::Account",
    });
    expect(mine.authentication_key).toMatch(/^0x[0-9a-f]{64}$/);
    expect(mine.authentication_key).toBe(dev.publicKey.authKey().toString());
  });

  it("CoinInfo<AptosCoin>.supply is the parallelizable Aggregator form; its value is a table item", async () => {
    type Supply = {
      supply: {
        vec: {
          aggregator: { vec: { handle: string; key: string; limit: string }[] };
          integer: { vec: unknown[] };
        }[];
      };
      decimals: number;
    };
    const info = await aptos.getAccountResource<Supply>({
      accountAddress: "0x1",
      resourceType: "0x1::coin::CoinInfo<0x1::aptos_coin::AptosCoin>",
    });
    expect(info.decimals).toBe(8);
    // aptos_coin::initialize -> coin::initialize_with_parallelizable_supply: aggregator some, integer none
    expect(info.supply.vec).toHaveLength(1);
    expect(info.supply.vec[0]?.integer.vec).toEqual([]);
    const agg = info.supply.vec[0]?.aggregator.vec[0];
    if (!agg) throw new Error("no aggregator in CoinInfo<AptosCoin>.supply");
    expect(agg.limit).toBe(((1n << 128n) - 1n).toString());
    // the handle is the AggregatorFactory's phantom_table
    const factory = await aptos.getAccountResource<{ phantom_table: { handle: string } }>({
      accountAddress: "0x1",
      resourceType: "0x1::aggregator_factory::AggregatorFactory",
    });
    expect(factory.phantom_table.handle).toBe(agg.handle);
    const item = () =>
      aptos.getTableItem<string>({
        handle: agg.handle,
        data: { key_type: "address", value_type: "u128", key: agg.key },
      });
    const supply = async () =>
      (
        await aptos.view<[{ vec: [string] }]>({
          payload: {
            function: "0x1::coin::supply",
            typeArguments: ["0x1::aptos_coin::AptosCoin"],
            functionArguments: [],
          },
        })
      )[0].vec[0];
    const s1 = await supply();
    expect(await item()).toBe(s1);
    expect(BigInt(s1)).toBeGreaterThan(0n);
    // a faucet mint raises the item (the resource itself is unchanged) and the view follows it
    const before = JSON.stringify(
      await aptos.getAccountResource({
        accountAddress: "0x1",
        resourceType: "0x1::coin::CoinInfo<0x1::aptos_coin::AptosCoin>",
      }),
    );
    await fund(Account.generate().accountAddress, 12_345);
    const s2 = await supply();
    expect(BigInt(s2) - BigInt(s1)).toBe(12_345n);
    expect(await item()).toBe(s2);
    expect(
      JSON.stringify(
        await aptos.getAccountResource({
          accountAddress: "0x1",
          resourceType: "0x1::coin::CoinInfo<0x1::aptos_coin::AptosCoin>",
        }),
      ),
    ).toBe(before);
  });
});

describe("key rotation", () => {
  it("rotate_authentication_key: the new key signs, the old one no longer does, and the ts-sdk finds the original address", async () => {
    const a = Account.generate();
    await fund(a.accountAddress);
    const newKey = Ed25519PrivateKey.generate();
    const txn = await aptos.rotateAuthKey({ fromAccount: a, toNewPrivateKey: newKey });
    const pending = await aptos.signAndSubmitTransaction({ signer: a, transaction: txn });
    const done = (await aptos.waitForTransaction({
      transactionHash: pending.hash,
    })) as UserTransactionResponse;
    expect(done.success).toBe(true);
    expect(done.events.map((e) => e.type)).toContain("0x1::account::KeyRotation");
    const rotated = Account.fromPrivateKey({ privateKey: newKey, address: a.accountAddress, legacy: true });
    const info = await aptos.getAccountInfo({ accountAddress: a.accountAddress });
    expect(info.authentication_key).toBe(rotated.publicKey.authKey().toString());
    // the ts-sdk's recovery path: auth key -> OriginatingAddress table -> the original address
    const original = await aptos.lookupOriginalAccountAddress({
      authenticationKey: rotated.publicKey.authKey().derivedAddress(),
    });
    expect(original.equals(a.accountAddress)).toBe(true);
    // the new key signs for the account; the old one is INVALID_AUTH_KEY
    const to = Account.generate();
    expect((await run(rotated, "0x1::aptos_account::transfer", [to.accountAddress, 9])).success).toBe(true);
    expect(await balance(to.accountAddress)).toBe(9);
    const old = await aptos.transferCoinTransaction({
      sender: a.accountAddress,
      recipient: to.accountAddress,
      amount: 1,
    });
    await expect(aptos.signAndSubmitTransaction({ signer: a, transaction: old })).rejects.toSatisfy(
      (e: unknown) => e instanceof AptosApiError && (e.data as { vm_error_code: number }).vm_error_code === 2,
    );
  });

  it("a proof signed by a key other than the new one aborts EINVALID_PROOF_OF_KNOWLEDGE", async () => {
    const a = Account.generate();
    await fund(a.accountAddress);
    const newKey = Ed25519PrivateKey.generate();
    // the proofs as the ts-sdk builds them, but the new-key proof signed by another key
    const challenge = new RotationProofChallenge({
      sequenceNumber: 0,
      originator: a.accountAddress,
      currentAuthKey: AccountAddress.from(a.publicKey.authKey().toString()),
      newPublicKey: newKey.publicKey(),
    }).bcsToBytes();
    const txn = await aptos.transaction.build.simple({
      sender: a.accountAddress,
      data: {
        function: "0x1::account::rotate_authentication_key",
        functionArguments: [
          0,
          a.publicKey.toUint8Array(),
          0,
          newKey.publicKey().toUint8Array(),
          a.sign(challenge).toUint8Array(),
          Ed25519PrivateKey.generate().sign(challenge).toUint8Array(),
        ],
      },
    });
    const pending = await aptos.signAndSubmitTransaction({ signer: a, transaction: txn });
    const done = (await aptos.waitForTransaction({
      transactionHash: pending.hash,
      options: { checkSuccess: false },
    })) as UserTransactionResponse;
    expect(done.success).toBe(false);
    expect(done.vm_status).toMatch(/EINVALID_PROOF_OF_KNOWLEDGE\(0x10008\)/);
    expect((await aptos.getAccountInfo({ accountAddress: a.accountAddress })).authentication_key).toBe(
      a.publicKey.authKey().toString(),
    );
  });

  it("rotate_authentication_key_from_public_key to a Secp256k1 single key: signs after, OriginatingAddress untouched", async () => {
    const a = Account.generate();
    await fund(a.accountAddress);
    const k1 = Account.generate({ scheme: SigningSchemeInput.Secp256k1Ecdsa });
    const txn = await aptos.rotateAuthKeyUnverified({ fromAccount: a, toNewPublicKey: k1.publicKey });
    const pending = await aptos.signAndSubmitTransaction({ signer: a, transaction: txn });
    expect((await aptos.waitForTransaction({ transactionHash: pending.hash })).success).toBe(true);
    const rotated = Account.fromPrivateKey({
      privateKey: (k1 as unknown as { privateKey: Secp256k1PrivateKey }).privateKey,
      address: a.accountAddress,
    });
    expect((await run(rotated, "0x1::aptos_account::transfer", [dev.accountAddress, 1])).success).toBe(true);
    // the framework does not map unverified keys: lookup returns the auth key's own address
    const found = await aptos.lookupOriginalAccountAddress({
      authenticationKey: k1.publicKey.authKey().derivedAddress(),
    });
    expect(found.equals(k1.publicKey.authKey().derivedAddress())).toBe(true);
    expect(found.equals(AccountAddress.from(a.accountAddress))).toBe(false);
  });
});

describe("key rotation to multi-signature keys", () => {
  /** The `0x1::account::KeyRotationToPublicKey` event of a rotation transaction. */
  const rotationEvent = (done: UserTransactionResponse) =>
    done.events.find((e) => e.type === "0x1::account::KeyRotationToPublicKey")?.data as
      | Record<string, string>
      | undefined;

  it("rotate_authentication_key to a 2-of-3 MultiEd25519 key (aptos.rotateAuthKey): signs after, the table maps it", async () => {
    const a = Account.generate();
    await fund(a.accountAddress);
    const keys = [0, 1, 2].map(() => Ed25519PrivateKey.generate());
    const publicKey = new MultiEd25519PublicKey({ publicKeys: keys.map((k) => k.publicKey()), threshold: 2 });
    const signers = [keys[0] as Ed25519PrivateKey, keys[2] as Ed25519PrivateKey];
    // the ts-sdk takes the verified path for a MultiEd25519Account: rotate_authentication_key, scheme 1, the new
    // key's proof a multi-ed25519 signature (two signatures + bitmap) over the RotationProofChallenge
    const txn = await aptos.rotateAuthKey({
      fromAccount: a,
      toAccount: new MultiEd25519Account({ publicKey, signers }),
    });
    const pending = await aptos.signAndSubmitTransaction({ signer: a, transaction: txn });
    const done = (await aptos.waitForTransaction({
      transactionHash: pending.hash,
    })) as UserTransactionResponse;
    expect(done.success).toBe(true);
    expect((done.payload as { function: string }).function).toBe("0x1::account::rotate_authentication_key");
    expect(rotationEvent(done)).toMatchObject({
      public_key_scheme: "1",
      // rotate_authentication_key: the bitmap of the new key's proof (keys 0 and 2 signed)
      verified_public_key_bit_map: "0xa0000000",
      new_auth_key: publicKey.authKey().toString(),
    });
    const info = await aptos.getAccountInfo({ accountAddress: a.accountAddress });
    expect(info.authentication_key).toBe(publicKey.authKey().toString());
    // verified rotation: OriginatingAddress maps the new auth key to the original address
    const original = await aptos.lookupOriginalAccountAddress({
      authenticationKey: publicKey.authKey().derivedAddress(),
    });
    expect(original.equals(a.accountAddress)).toBe(true);
    const [viewed] = await aptos.view<[{ vec: string[] }]>({
      payload: {
        function: "0x1::account::originating_address",
        functionArguments: [publicKey.authKey().derivedAddress()],
      },
    });
    expect(viewed.vec.map((x) => AccountAddress.from(x).toStringLong())).toEqual([
      a.accountAddress.toStringLong(),
    ]);
    // the multi-ed25519 account signs for the original address; the old Ed25519 key is INVALID_AUTH_KEY
    const multi = new MultiEd25519Account({ publicKey, signers, address: a.accountAddress });
    const to = Account.generate();
    const sent = await run(multi, "0x1::aptos_account::transfer", [to.accountAddress, 11]);
    expect(sent.success).toBe(true);
    expect(sent.sender).toBe(a.accountAddress.toStringLong());
    expect((sent.signature as { type: string }).type).toBe("multi_ed25519_signature");
    expect(await balance(to.accountAddress)).toBe(11);
    const old = await aptos.transferCoinTransaction({
      sender: a.accountAddress,
      recipient: to.accountAddress,
      amount: 1,
    });
    await expect(aptos.signAndSubmitTransaction({ signer: a, transaction: old })).rejects.toSatisfy(
      (e: unknown) => e instanceof AptosApiError && (e.data as { vm_error_code: number }).vm_error_code === 2,
    );
  });

  it("rotate_authentication_key_from_public_key to a mixed 2-of-3 MultiKey: signs after, the table is untouched", async () => {
    const a = Account.generate();
    await fund(a.accountAddress);
    const ed = Account.generate({ scheme: SigningSchemeInput.Ed25519, legacy: false });
    const k1 = Account.generate({ scheme: SigningSchemeInput.Secp256k1Ecdsa });
    const k1b = Account.generate({ scheme: SigningSchemeInput.Secp256k1Ecdsa });
    const multiKey = new MultiKey({
      publicKeys: [ed.publicKey, k1.publicKey, k1b.publicKey],
      signaturesRequired: 2,
    });
    // rotate_authentication_key accepts only ED25519 / MULTI_ED25519 keys, so the ts-sdk rotates to a MultiKey
    // unverified: rotate_authentication_key_from_public_key(MULTI_KEY_SCHEME = 3, MultiKey BCS)
    const txn = await aptos.rotateAuthKeyUnverified({ fromAccount: a, toNewPublicKey: multiKey });
    const pending = await aptos.signAndSubmitTransaction({ signer: a, transaction: txn });
    const done = (await aptos.waitForTransaction({
      transactionHash: pending.hash,
    })) as UserTransactionResponse;
    expect(done.success).toBe(true);
    expect(done.payload).toMatchObject({
      function: "0x1::account::rotate_authentication_key_from_public_key",
      arguments: [3, multiKey.bcsToHex().toString()],
    });
    expect(rotationEvent(done)).toMatchObject({
      public_key_scheme: "3",
      verified_public_key_bit_map: "0x00000000",
      public_key: multiKey.bcsToHex().toString(),
      old_auth_key: a.publicKey.authKey().toString(),
      new_auth_key: multiKey.authKey().toString(),
    });
    expect((await aptos.getAccountInfo({ accountAddress: a.accountAddress })).authentication_key).toBe(
      multiKey.authKey().toString(),
    );
    // an Ed25519 and a Secp256k1 signer sign for the original address
    const multi = new MultiKeyAccount({ multiKey, signers: [ed, k1], address: a.accountAddress });
    const to = Account.generate();
    const sent = await run(multi, "0x1::aptos_account::transfer", [to.accountAddress, 13]);
    expect(sent.success).toBe(true);
    expect(sent.sender).toBe(a.accountAddress.toStringLong());
    expect(await balance(to.accountAddress)).toBe(13);
    // the old Ed25519 key no longer signs for the account: INVALID_AUTH_KEY (2)
    const old = await aptos.transferCoinTransaction({
      sender: a.accountAddress,
      recipient: to.accountAddress,
      amount: 1,
    });
    await expect(aptos.signAndSubmitTransaction({ signer: a, transaction: old })).rejects.toSatisfy(
      (e: unknown) => e instanceof AptosApiError && (e.data as { vm_error_code: number }).vm_error_code === 2,
    );
    // like the framework, the unverified rotation leaves OriginatingAddress alone: the ts-sdk's lookup answers
    // the auth key's own address, and account::originating_address is none
    const found = await aptos.lookupOriginalAccountAddress({
      authenticationKey: multiKey.authKey().derivedAddress(),
    });
    expect(found.equals(multiKey.authKey().derivedAddress())).toBe(true);
    const [viewed] = await aptos.view<[{ vec: string[] }]>({
      payload: {
        function: "0x1::account::originating_address",
        functionArguments: [multiKey.authKey().derivedAddress()],
      },
    });
    expect(viewed.vec).toEqual([]);
  });

  it("rotate_authentication_key to a MultiKey scheme aborts EINVALID_SCHEME, as the framework does", async () => {
    const a = Account.generate();
    await fund(a.accountAddress);
    const k1 = Account.generate({ scheme: SigningSchemeInput.Secp256k1Ecdsa });
    const multiKey = new MultiKey({ publicKeys: [a.publicKey, k1.publicKey], signaturesRequired: 1 });
    const challenge = new RotationProofChallenge({
      sequenceNumber: 0,
      originator: a.accountAddress,
      currentAuthKey: AccountAddress.from(a.publicKey.authKey().toString()),
      newPublicKey: multiKey,
    }).bcsToBytes();
    const txn = await aptos.transaction.build.simple({
      sender: a.accountAddress,
      data: {
        function: "0x1::account::rotate_authentication_key",
        functionArguments: [
          0,
          a.publicKey.toUint8Array(),
          3,
          multiKey.toUint8Array(),
          a.sign(challenge).toUint8Array(),
          k1.sign(challenge).toUint8Array(),
        ],
      },
    });
    const pending = await aptos.signAndSubmitTransaction({ signer: a, transaction: txn });
    const done = (await aptos.waitForTransaction({
      transactionHash: pending.hash,
      options: { checkSuccess: false },
    })) as UserTransactionResponse;
    expect(done.success).toBe(false);
    expect(done.vm_status).toMatch(/^Move abort in 0x1::account: EINVALID_SCHEME\(0x1000c\)/);
    expect((await aptos.getAccountInfo({ accountAddress: a.accountAddress })).authentication_key).toBe(
      a.publicKey.authKey().toString(),
    );
  });
});

describe("Move bytecode: scripts and publishing", () => {
  it("a script payload and publish_package_txn are refused with the one documented message", async () => {
    const script = await aptos.transaction.build.simple({
      sender: dev.accountAddress,
      data: {
        bytecode: "0xa11ceb0b0700000a06010002030206050807070f0d081c200c3c04000000010001000002010300",
        functionArguments: [],
      },
    });
    const e1 = await aptos
      .signAndSubmitTransaction({ signer: dev, transaction: script })
      .catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(AptosApiError);
    expect((e1 as AptosApiError).status).toBe(400);
    expect((e1 as AptosApiError).data).toMatchObject({ error_code: "vm_error", vm_error_code: 26 });
    expect((e1 as AptosApiError).message).toMatch(
      /cannot run Move bytecode: script payloads and module publishing/,
    );
    const publish = await aptos.publishPackageTransaction({
      account: dev.accountAddress,
      metadataBytes: "0x00",
      moduleBytecode: ["0xa11ceb0b"],
    });
    const e2 = await aptos
      .signAndSubmitTransaction({ signer: dev, transaction: publish })
      .catch((e: unknown) => e);
    expect((e2 as AptosApiError).data).toMatchObject({ error_code: "vm_error", vm_error_code: 26 });
    expect((e2 as AptosApiError).message).toMatch(
      /need compiled bytecode, which nothing here can produce or execute/,
    );
  });
});
