import {
  Account,
  Aptos,
  AptosConfig,
  type InputViewFunctionData,
  Network,
  type UserTransactionResponse,
} from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Localnet, startLocalnet } from "../index.ts";

// 0x4 digital assets (aptos_token_objects) through the ts-sdk's DigitalAsset API and views.
let ln: Localnet;
let aptos: Aptos;
const creator = Account.generate();
const alice = Account.generate();
const bob = Account.generate();

beforeAll(async () => {
  ln = await startLocalnet({ port: 0, quiet: true, kofi: false, genesisTimeSecs: 1_750_000_000 });
  aptos = new Aptos(new AptosConfig({ network: Network.CUSTOM, fullnode: ln.nodeUrl, faucet: ln.faucetUrl }));
  for (const a of [creator, alice, bob])
    await aptos.fundAccount({
      accountAddress: a.accountAddress,
      amount: 10e8,
      options: { waitForIndexer: false },
    });
});
afterAll(async () => {
  await ln?.stop();
});

async function submit(
  signer: Account,
  transaction: Parameters<Aptos["signAndSubmitTransaction"]>[0]["transaction"],
) {
  const pending = await aptos.signAndSubmitTransaction({ signer, transaction });
  return (await aptos.waitForTransaction({
    transactionHash: pending.hash,
    options: { checkSuccess: false },
  })) as UserTransactionResponse;
}
const view = <T extends unknown[]>(
  fn: InputViewFunctionData["function"],
  args: unknown[],
  typeArguments: string[] = [],
) => aptos.view<T>({ payload: { function: fn, functionArguments: args as never[], typeArguments } });
const TOKEN = "0x4::token::Token";

/** The token minted by a transaction: the `0x4::collection::Mint` event's `token`. */
function minted(done: UserTransactionResponse): string {
  const e = done.events.find((x) => x.type === "0x4::collection::Mint");
  if (!e) throw new Error(`no Mint event: ${done.vm_status}`);
  return (e.data as { token: string }).token;
}

describe("collections and tokens", () => {
  let collection: string;
  let token: string;

  it("createCollectionTransaction: a named object of the creator with the collection resources", async () => {
    const done = await submit(
      creator,
      await aptos.createCollectionTransaction({
        creator,
        description: "Kofi test collection",
        name: "Beans",
        uri: "https://kofi.example/beans",
        maxSupply: 2,
        royaltyNumerator: 5,
        royaltyDenominator: 100,
      }),
    );
    expect(done.success).toBe(true);
    const write = done.changes.find(
      (c) =>
        c.type === "write_resource" &&
        (c as { data: { type: string } }).data.type === "0x4::collection::Collection",
    ) as { address: string } | undefined;
    expect(write).toBeDefined();
    collection = write?.address as string;
    const c = await aptos.getAccountResource<{ creator: string; name: string }>({
      accountAddress: collection,
      resourceType: "0x4::collection::Collection",
    });
    expect(c.name).toBe("Beans");
    expect(c.creator).toBe(creator.accountAddress.toStringLong());
    expect(await view(`0x4::collection::name`, [collection], [`0x4::collection::Collection`])).toEqual([
      "Beans",
    ]);
    expect(await view(`0x4::collection::count`, [collection], [`0x4::collection::Collection`])).toEqual([
      { vec: ["0"] },
    ]);
    // the same name again: the named object exists
    const again = await submit(
      creator,
      await aptos.createCollectionTransaction({ creator, description: "", name: "Beans", uri: "" }),
    );
    expect(again.vm_status).toMatch(/EOBJECT_EXISTS\(0x80001\)/);
  });

  it("mintDigitalAssetTransaction: a fresh object owned by the creator; views answer from it", async () => {
    const done = await submit(
      creator,
      await aptos.mintDigitalAssetTransaction({
        creator,
        collection: "Beans",
        description: "first bean",
        name: "Bean #1",
        uri: "https://kofi.example/beans/1",
        propertyKeys: ["roast"],
        propertyTypes: ["STRING"],
        propertyValues: ["dark"],
      }),
    );
    expect(done.success).toBe(true);
    token = minted(done);
    expect(await view("0x1::object::owner", [token], [TOKEN])).toEqual([
      creator.accountAddress.toStringLong(),
    ]);
    expect(await view("0x4::token::name", [token], [TOKEN])).toEqual(["Bean #1"]);
    expect(await view("0x4::token::description", [token], [TOKEN])).toEqual(["first bean"]);
    expect(await view("0x4::token::uri", [token], [TOKEN])).toEqual(["https://kofi.example/beans/1"]);
    expect(await view("0x4::token::index", [token], [TOKEN])).toEqual(["1"]);
    expect(await view("0x4::token::creator", [token], [TOKEN])).toEqual([
      creator.accountAddress.toStringLong(),
    ]);
    expect(await view("0x4::token::collection_name", [token], [TOKEN])).toEqual(["Beans"]);
    expect(await view("0x4::token::collection_object", [token], [TOKEN])).toEqual([{ inner: collection }]);
    expect(await view("0x4::collection::count", [collection], ["0x4::collection::Collection"])).toEqual([
      { vec: ["1"] },
    ]);
    expect(await view("0x4::aptos_token::is_burnable", [token], [TOKEN])).toEqual([true]);
    const t = await aptos.getAccountResource<{ description: string; collection: { inner: string } }>({
      accountAddress: token,
      resourceType: "0x4::token::Token",
    });
    expect(t.collection.inner).toBe(collection);
  });

  it("only the collection's creator mints; the max supply holds", async () => {
    const notCreator = await submit(
      alice,
      await aptos.mintDigitalAssetTransaction({
        creator: alice,
        collection: "Beans",
        description: "",
        name: "x",
        uri: "",
      }),
    );
    // alice has no collection named Beans: the object at her collection address does not exist
    expect(notCreator.success).toBe(false);
    const second = await submit(
      creator,
      await aptos.mintDigitalAssetTransaction({
        creator,
        collection: "Beans",
        description: "",
        name: "Bean #2",
        uri: "",
      }),
    );
    expect(second.success).toBe(true);
    const third = await submit(
      creator,
      await aptos.mintDigitalAssetTransaction({
        creator,
        collection: "Beans",
        description: "",
        name: "Bean #3",
        uri: "",
      }),
    );
    expect(third.vm_status).toMatch(/^Move abort in 0x4::collection: ECOLLECTION_SUPPLY_EXCEEDED\(0x20002\)/);
  });

  it("transferDigitalAssetTransaction moves it; only the owner can; the new owner can pass it on", async () => {
    const done = await submit(
      creator,
      await aptos.transferDigitalAssetTransaction({
        sender: creator,
        digitalAssetAddress: token,
        recipient: alice.accountAddress,
      }),
    );
    expect(done.success).toBe(true);
    expect(done.events.map((e) => e.type)).toContain("0x1::object::Transfer");
    expect(await view("0x1::object::owner", [token], [TOKEN])).toEqual([alice.accountAddress.toStringLong()]);
    const stolen = await submit(
      bob,
      await aptos.transferDigitalAssetTransaction({
        sender: bob,
        digitalAssetAddress: token,
        recipient: bob.accountAddress,
      }),
    );
    expect(stolen.vm_status).toMatch(/ENOT_OBJECT_OWNER/);
    const onward = await submit(
      alice,
      await aptos.transferDigitalAssetTransaction({
        sender: alice,
        digitalAssetAddress: token,
        recipient: bob.accountAddress,
      }),
    );
    expect(onward.success).toBe(true);
    expect(await view("0x1::object::owner", [token], [TOKEN])).toEqual([bob.accountAddress.toStringLong()]);
  });

  it("burnDigitalAssetTransaction by the creator deletes the token and lowers the count", async () => {
    const done = await submit(
      creator,
      await aptos.burnDigitalAssetTransaction({ creator, digitalAssetAddress: token }),
    );
    expect(done.success).toBe(true);
    expect(done.events.map((e) => e.type)).toContain("0x4::collection::Burn");
    expect(await view("0x4::collection::count", [collection], ["0x4::collection::Collection"])).toEqual([
      { vec: ["1"] },
    ]);
    await expect(view("0x4::token::name", [token], [TOKEN])).rejects.toThrow(/ETOKEN_DOES_NOT_EXIST/);
  });

  it("mintSoulBoundTransaction: owned by the recipient, not transferable", async () => {
    await submit(
      creator,
      await aptos.createCollectionTransaction({ creator, description: "", name: "Badges", uri: "" }),
    );
    const done = await submit(
      creator,
      await aptos.mintSoulBoundTransaction({
        account: creator,
        collection: "Badges",
        description: "",
        name: "Badge",
        uri: "",
        recipient: alice.accountAddress,
      }),
    );
    expect(done.success).toBe(true);
    const badge = minted(done);
    expect(await view("0x1::object::owner", [badge], [TOKEN])).toEqual([alice.accountAddress.toStringLong()]);
    const move = await submit(
      alice,
      await aptos.transferDigitalAssetTransaction({
        sender: alice,
        digitalAssetAddress: badge,
        recipient: bob.accountAddress,
      }),
    );
    expect(move.vm_status).toMatch(/ENO_UNGATED_TRANSFERS/);
  });
});
