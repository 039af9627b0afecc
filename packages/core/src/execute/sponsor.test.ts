// Sponsored (fee payer) transactions end to end on the localnet over HTTP: a gas station account signs as fee
// payer, the user signs as sender, the node checks both signatures and charges the gas to the fee payer. Every
// balance is read from the chain.
import {
  type Account,
  type AccountAddressInput,
  Deserializer,
  Hex,
  SimpleTransaction,
} from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APT,
  accountFromKey,
  DAY,
  fundedAccount,
  type Localnet,
  localClient,
  startNet,
} from "../../test/helpers.ts";
import type { KofiClient } from "../client/createKofiClient.ts";
import { deposit } from "../deposit/deposit.ts";
import { depositAndStake } from "../deposit/depositAndStake.ts";
import { KofiError } from "../errors/KofiError.ts";
import { getPosition } from "../position/getPosition.ts";
import { stake } from "../vault/stake.ts";
import { unstake } from "../vault/unstake.ts";
import { claim } from "../withdrawals/claim.ts";
import { requestWithdrawal } from "../withdrawals/request.ts";
import { execute, type StageEvent } from "./execute.ts";
import type { WalletCoreLike } from "./signer.ts";
import { simulate } from "./simulate.ts";
import type { Sponsor, SponsorFunction } from "./sponsor.ts";

/** A gas station as a site would run it: it signs whatever it is given as fee payer (ts-sdk signAsFeePayer). */
function gasStation(client: KofiClient, payer: Account): SponsorFunction {
  return async (transaction: SimpleTransaction) => ({
    feePayerAddress: payer.accountAddress,
    authenticator: client.aptos.transaction.signAsFeePayer({ signer: payer, transaction }),
  });
}

describe("sponsored transactions (fee payer pays the gas)", () => {
  let net: Localnet;
  let client: KofiClient;
  let payer: Account;
  let sponsor: Sponsor;

  const apt = async (a: AccountAddressInput) =>
    BigInt(await client.aptos.getAccountAPTAmount({ accountAddress: a }));
  const seq = async (a: Account) =>
    BigInt((await client.aptos.getAccountInfo({ accountAddress: a.accountAddress })).sequence_number);

  beforeAll(async () => {
    net = await startNet();
    client = localClient(net);
    payer = await fundedAccount(net, 10n * APT);
    sponsor = { address: payer.accountAddress, sign: gasStation(client, payer) };
  }, 60_000);
  afterAll(async () => {
    await net?.stop();
  });

  it("a deposit from an account holding exactly the amount: the user pays the amount, the sponsor the gas", async () => {
    const amount = 5n * APT;
    const user = await fundedAccount(net, amount);
    const userBefore = await apt(user.accountAddress);
    const payerBefore = await apt(payer.accountAddress);
    expect(userBefore).toBe(amount);

    const stages: StageEvent[] = [];
    const r = await execute(client, deposit({ amount }), user, { sponsor, onStage: (e) => stages.push(e) });

    const fee = r.gasUsed * BigInt(r.transaction.gas_unit_price);
    const userAfter = await apt(user.accountAddress);
    const payerAfter = await apt(payer.accountAddress);
    console.log(
      `sponsored deposit ${r.hash}: user APT ${userBefore} -> ${userAfter} (change ${userAfter - userBefore}), ` +
        `sponsor APT ${payerBefore} -> ${payerAfter} (gas ${r.gasUsed} units x ${r.transaction.gas_unit_price} = ${fee} octas)`,
    );
    expect(stages.map((s) => s.stage)).toEqual(["quote", "simulate", "sign", "submitted", "confirmed"]);
    expect(userBefore - userAfter).toBe(amount);
    expect(userAfter).toBe(0n);
    expect(fee).toBeGreaterThan(0n);
    expect(payerBefore - payerAfter).toBe(fee);
    expect(r.transaction.sender).toBe(user.accountAddress.toStringLong());
    const signature = r.transaction.signature as { type: string; fee_payer_address?: string };
    expect(signature.type).toBe("fee_payer_signature");
    expect(signature.fee_payer_address).toBe(payer.accountAddress.toStringLong());
    expect(r.received.kaptMinted).toBeGreaterThan(0n);
    expect((await getPosition(client, user.accountAddress.toString())).kaptBalance).toBe(
      r.received.kaptMinted,
    );
  });

  it("with no APT left, stake, unstake and request_withdrawal all run sponsored (a sponsor without a declared address)", async () => {
    const user = await fundedAccount(net, 3n * APT);
    const bare: Sponsor = gasStation(client, payer);
    await execute(client, deposit({ amount: 3n * APT }), user, { sponsor: bare });
    expect(await apt(user.accountAddress)).toBe(0n);
    const payerBefore = await apt(payer.accountAddress);
    let gas = 0n;
    const staked = await execute(client, stake({ amount: 2n * APT }), user, { sponsor: bare });
    gas += staked.gasUsed * BigInt(staked.transaction.gas_unit_price);
    const unstaked = await execute(client, unstake({ amount: staked.received.stkaptMinted / 2n }), user, {
      sponsor: bare,
    });
    gas += unstaked.gasUsed * BigInt(unstaked.transaction.gas_unit_price);
    const requested = await execute(client, requestWithdrawal({ amount: APT }), user, { sponsor });
    gas += requested.gasUsed * BigInt(requested.transaction.gas_unit_price);
    expect(requested.received.tickets.length).toBe(1);
    expect(await apt(user.accountAddress)).toBe(0n);
    expect(payerBefore - (await apt(payer.accountAddress))).toBe(gas);

    // After the lockup the claim pays the user exactly the ticket's APT; the sponsor pays its gas.
    await net.advance({ seconds: 15 * DAY });
    const payerBeforeClaim = await apt(payer.accountAddress);
    const ids = requested.received.tickets.map((t) => t.id);
    const claimed = await execute(
      client,
      claim({ tickets: ids, owner: user.accountAddress.toString() }),
      user,
      {
        sponsor: bare,
      },
    );
    expect(claimed.received.aptClaimed).toBeGreaterThan(0n);
    expect(await apt(user.accountAddress)).toBe(claimed.received.aptClaimed);
    expect(payerBeforeClaim - (await apt(payer.accountAddress))).toBe(
      claimed.gasUsed * BigInt(claimed.transaction.gas_unit_price),
    );
  });

  it("deposit_and_stake signed by a WalletCore-shaped wallet (signTransaction({ transactionOrPayload }))", async () => {
    const user = await fundedAccount(net, 2n * APT);
    const asked: SimpleTransaction[] = [];
    const wallet: WalletCoreLike = {
      account: { address: user.accountAddress.toString(), publicKey: user.publicKey },
      network: { chainId: 4, name: "local" },
      signAndSubmitTransaction: async () => {
        throw new Error("a sponsored transaction must not be signed-and-submitted by the wallet");
      },
      signTransaction: async ({ transactionOrPayload }) => {
        asked.push(transactionOrPayload);
        const authenticator = client.aptos.transaction.sign({
          signer: user,
          transaction: transactionOrPayload,
        });
        return { authenticator, rawTransaction: transactionOrPayload.rawTransaction.bcsToBytes() };
      },
    };
    const payerBefore = await apt(payer.accountAddress);
    const r = await execute(client, depositAndStake({ amount: 2n * APT }), wallet, { sponsor });
    expect(asked.length).toBe(1);
    expect(r.received.stkaptMinted).toBeGreaterThan(0n);
    expect(await apt(user.accountAddress)).toBe(0n);
    expect(payerBefore - (await apt(payer.accountAddress))).toBe(
      r.gasUsed * BigInt(r.transaction.gas_unit_price),
    );
  });

  it("a gas station over the wire (the README's example): transaction and authenticator as BCS hex", async () => {
    const user = await fundedAccount(net, 2n * APT);
    // What the server does with the POST body: deserialize, sign as fee payer, answer hex.
    const station = (body: string) => {
      const transaction = SimpleTransaction.deserialize(
        new Deserializer(Hex.fromHexInput(body).toUint8Array()),
      );
      const authenticator = client.aptos.transaction.signAsFeePayer({ signer: payer, transaction });
      return {
        feePayerAddress: payer.accountAddress.toString(),
        authenticator: authenticator.bcsToHex().toString(),
      };
    };
    const overHttp: Sponsor = { sign: async (transaction) => station(transaction.bcsToHex().toString()) };
    const payerBefore = await apt(payer.accountAddress);
    const r = await execute(client, deposit({ amount: 2n * APT }), user, { sponsor: overHttp });
    expect(await apt(user.accountAddress)).toBe(0n);
    expect(payerBefore - (await apt(payer.accountAddress))).toBe(
      r.gasUsed * BigInt(r.transaction.gas_unit_price),
    );
  });

  it("simulate with a sponsor charges the sponsor; without one the empty account cannot pay", async () => {
    const user = await fundedAccount(net, 2n * APT);
    const sim = await simulate(client, deposit({ amount: 2n * APT }), user, { sponsor });
    expect(sim.success).toBe(true);
    expect(sim.feePayer).toBe(payer.accountAddress.toStringLong());
    expect(sim.fee).toBeGreaterThan(0n);
    // A sponsor that declares no address: simulated with fee payer 0x0, which charges nobody.
    const anonymous = await simulate(client, deposit({ amount: 2n * APT }), user, {
      sponsor: gasStation(client, payer),
    });
    expect(anonymous.success).toBe(true);
    expect(BigInt(anonymous.feePayer ?? "-1")).toBe(0n);
    const unsponsored = await simulate(client, deposit({ amount: 2n * APT }), user).catch((e: unknown) => e);
    // The whole balance goes to the deposit: nothing is left for the max gas the sender would have to hold.
    const failed =
      unsponsored instanceof KofiError ? unsponsored : (unsponsored as { error?: KofiError }).error;
    expect(failed?.code).toBe("insufficient_gas");
  });

  it("a sponsor that throws: sponsor_failed with a hint, the wallet never asked, nothing changes on chain", async () => {
    const user = await fundedAccount(net, 2n * APT);
    const before = {
      user: await apt(user.accountAddress),
      payer: await apt(payer.accountAddress),
      seq: await seq(user),
    };
    const stages: string[] = [];
    const err = await execute(client, deposit({ amount: APT }), user, {
      sponsor: async () => {
        throw new Error("gas station: daily budget exhausted");
      },
      onStage: (e) => stages.push(e.stage),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KofiError);
    expect((err as KofiError).code).toBe("sponsor_failed");
    expect((err as KofiError).message).toContain("daily budget exhausted");
    expect((err as KofiError).hint).toMatch(/sponsor/i);
    expect(stages).not.toContain("sign");
    expect(stages.at(-1)).toBe("failed");
    expect(await apt(user.accountAddress)).toBe(before.user);
    expect(await apt(payer.accountAddress)).toBe(before.payer);
    expect(await seq(user)).toBe(before.seq);
  });

  it("a sponsor signing another transaction, or not as fee payer: sponsor_failed before anything is submitted", async () => {
    const user = await fundedAccount(net, 2n * APT);
    const other = await client.aptos.transaction.build.simple({
      sender: payer.accountAddress,
      data: { function: "0x1::aptos_account::transfer", functionArguments: [user.accountAddress, 1n] },
      withFeePayer: true,
    });
    const wrongTx: Sponsor = async () => ({
      feePayerAddress: payer.accountAddress,
      authenticator: client.aptos.transaction.signAsFeePayer({ signer: payer, transaction: other }),
    });
    // Signed as if it were the sender (fee payer 0x0 in the message), not as fee payer.
    const asSender: Sponsor = async (transaction) => ({
      feePayerAddress: payer.accountAddress,
      authenticator: client.aptos.transaction.sign({ signer: payer, transaction }),
    });
    // A valid signature over this transaction with the payer's address as fee payer, by another key.
    const stranger = accountFromKey(`0x${"11".repeat(32)}`);
    const wrongKey: Sponsor = async (transaction) => {
      transaction.feePayerAddress = payer.accountAddress;
      return {
        feePayerAddress: payer.accountAddress,
        authenticator: client.aptos.transaction.sign({ signer: stranger, transaction }),
      };
    };
    const before = { user: await apt(user.accountAddress), seq: await seq(user) };
    const cases: [Sponsor, RegExp][] = [
      [wrongTx, /not for this transaction/],
      [asSender, /not for this transaction/],
      [wrongKey, /key that is not fee payer/],
    ];
    for (const [bad, message] of cases) {
      const err = await execute(client, deposit({ amount: APT }), user, { sponsor: bad }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(KofiError);
      expect((err as KofiError).code).toBe("sponsor_failed");
      expect((err as KofiError).message).toMatch(message);
      expect((err as KofiError).hint).toContain("signAsFeePayer");
    }
    expect(await apt(user.accountAddress)).toBe(before.user);
    expect(await seq(user)).toBe(before.seq);
  });

  it("an AIP-62 wallet signs as sender through aptos:signTransaction; one that can only sign-and-submit is refused", async () => {
    const user = await fundedAccount(net, 2n * APT);
    const requests: unknown[] = [];
    const wallet = {
      features: {
        "aptos:signAndSubmitTransaction": {
          version: "1.1.0",
          signAndSubmitTransaction: async () => {
            throw new Error("a sponsored transaction must not be signed-and-submitted by the wallet");
          },
        },
        "aptos:signTransaction": {
          version: "1.0.0",
          signTransaction: async (transaction: SimpleTransaction) => {
            requests.push(transaction);
            return { status: "Approved", args: client.aptos.transaction.sign({ signer: user, transaction }) };
          },
        },
        "aptos:account": {
          account: async () => ({ address: user.accountAddress.toString(), publicKey: user.publicKey }),
        },
        "aptos:network": { network: async () => ({ chainId: 4, name: "local" }) },
      },
    };
    const payerBefore = await apt(payer.accountAddress);
    const r = await execute(client, deposit({ amount: 2n * APT }), wallet, { sponsor });
    expect(requests.length).toBe(1);
    expect((requests[0] as SimpleTransaction).feePayerAddress?.toStringLong()).toBe(
      payer.accountAddress.toStringLong(),
    );
    expect(await apt(user.accountAddress)).toBe(0n);
    expect(payerBefore - (await apt(payer.accountAddress))).toBe(
      r.gasUsed * BigInt(r.transaction.gas_unit_price),
    );

    const minimal = {
      address: user.accountAddress.toString(),
      signAndSubmitTransaction: async () => ({ hash: "0x" }),
    };
    const err = await execute(client, stake({ amount: APT }), minimal, { sponsor }).catch((e: unknown) => e);
    expect((err as KofiError).code).toBe("invalid_config");
  });
});
