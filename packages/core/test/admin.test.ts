// Typed admin and keeper actions, token addresses and transfers, against a real localnet over HTTP with real
// signed transactions. Every admin entry succeeds for the admin and is refused (not_admin) for anyone else.
import type { Account } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kofiConstants } from "../src/generated/abi.ts";
import {
  type AdminAction,
  acceptAdmin,
  addPool,
  claim,
  createKofiClient,
  deposit,
  disablePool,
  execute,
  getKofiAddresses,
  getPosition,
  getProtocolState,
  isKofiError,
  type KofiClient,
  MAX_CLAIM_BATCH,
  normalizeAddress,
  seedVault,
  setFeeBps,
  setMaxCommissionBps,
  setMinDeposit,
  setMinWithdrawal,
  setPaused,
  setPoolCap,
  setTreasury,
  setWeights,
  simulate,
  stake,
  syncRewards,
  transferAdmin,
  transferKapt,
  transferStkapt,
} from "../src/index.ts";
import { APT, accountFromKey, fundedAccount, type Localnet, localClient, startNet } from "./helpers.ts";

const codeOf = async (p: Promise<unknown> | (() => unknown)): Promise<string> => {
  try {
    await (typeof p === "function" ? p() : p);
    return "none";
  } catch (e) {
    return isKofiError(e) ? e.code : `not a KofiError: ${String(e)}`;
  }
};

describe("admin and keeper actions, addresses, transfers (localnet over HTTP)", () => {
  let net: Localnet;
  let client: KofiClient;
  let admin: Account;
  let user: Account;

  beforeAll(async () => {
    net = await startNet();
    client = localClient(net);
    admin = accountFromKey(net.accounts.admin.privateKey);
    user = await fundedAccount(net, 1_000n * APT);
  }, 60_000);
  afterAll(async () => {
    await net?.stop();
  });

  it("getKofiAddresses: metadata from the gateway views, the vault store holds the vault's kAPT", async () => {
    const a = await getKofiAddresses(client);
    const [k] = await client.aptos.view<[{ inner: string }]>({
      payload: { function: `${client.kofiAddress}::gateway::kapt_metadata`, functionArguments: [] },
    });
    const [st] = await client.aptos.view<[{ inner: string }]>({
      payload: { function: `${client.kofiAddress}::gateway::stkapt_metadata`, functionArguments: [] },
    });
    expect(a.kaptMetadata).toBe(normalizeAddress(k.inner));
    expect(a.stkaptMetadata).toBe(normalizeAddress(st.inner));
    expect(a.kofi).toBe(client.kofiAddress);
    expect(a.kaptMetadata).not.toBe(a.stkaptMetadata);
    // the store object at vaultStore is a real FungibleStore of kAPT whose balance is what the protocol account holds
    const store = await client.aptos.getAccountResource<{ balance: string; metadata: { inner: string } }>({
      accountAddress: a.vaultStore,
      resourceType: "0x1::fungible_asset::FungibleStore",
    });
    expect(BigInt(store.balance)).toBeGreaterThan(0n);
    const [held] = await client.aptos.view<[string]>({
      payload: {
        function: "0x1::primary_fungible_store::balance",
        typeArguments: ["0x1::fungible_asset::Metadata"],
        functionArguments: [a.protocolAccount, a.kaptMetadata],
      },
    });
    expect(BigInt(store.balance)).toBe(BigInt(held));
    const state = await getProtocolState(client);
    expect(BigInt(store.balance)).toBeGreaterThanOrEqual(state.vaultKapt);
  });

  it("transferKapt / transferStkapt move the tokens to the recipient", async () => {
    await execute(client, deposit({ amount: 20n * APT }), user);
    await execute(client, stake({ amount: 5n * APT }), user);
    const to = (await fundedAccount(net, 1n * APT)).accountAddress.toStringLong();
    const before = await getPosition(client, user.accountAddress.toStringLong());
    await execute(client, transferKapt({ to, amount: 3n * APT }), user);
    await execute(client, transferStkapt({ to, amount: 1n * APT }), user);
    const recipient = await getPosition(client, to);
    expect(recipient.kaptBalance).toBe(3n * APT);
    expect(recipient.stkaptBalance).toBe(1n * APT);
    const after = await getPosition(client, user.accountAddress.toStringLong());
    expect(after.kaptBalance).toBe(before.kaptBalance - 3n * APT);
    expect(after.stkaptBalance).toBe(before.stkaptBalance - 1n * APT);
    // bad input fails before any request: a client on a dead port would answer `network`
    const dead = createKofiClient({
      network: "local",
      nodeUrl: "http://127.0.0.1:9/v1",
      addresses: { kofi: net.kofiAddress },
    });
    expect(await codeOf(execute(dead, transferKapt({ to, amount: 0n }), user))).toBe("invalid_amount");
    expect(await codeOf(execute(dead, transferKapt({ to: "0xnope", amount: 1n }), user))).toBe(
      "invalid_address",
    );
  });

  it(`claim of more than MAX_CLAIM_BATCH (${MAX_CLAIM_BATCH}, from the ABI) tickets is refused before the chain`, async () => {
    expect(MAX_CLAIM_BATCH).toBe(Number(kofiConstants.withdrawals.MAX_CLAIM_BATCH.value));
    const dead = createKofiClient({
      network: "local",
      nodeUrl: "http://127.0.0.1:9/v1",
      addresses: { kofi: net.kofiAddress },
    });
    const many = Array.from(
      { length: MAX_CLAIM_BATCH + 1 },
      (_, i) => `0x${(i + 1).toString(16).padStart(64, "0")}`,
    );
    expect(await codeOf(execute(dead, claim({ tickets: many }), user))).toBe("invalid_argument");
    expect(await codeOf(execute(dead, claim({ tickets: [] }), user))).toBe("invalid_argument");
    // exactly MAX_CLAIM_BATCH passes the check and reaches the node (network error on the dead port)
    expect(await codeOf(execute(dead, claim({ tickets: many.slice(1) }), user))).toBe("network");
  });

  it("bounds from the ABI are checked before the chain", async () => {
    const max = kofiConstants.config.MAX_FEE_BPS.value;
    expect(await codeOf(() => setFeeBps({ feeBps: max + 1n }))).toBe("invalid_argument");
    expect(
      await codeOf(() => setMinDeposit({ amount: kofiConstants.config.MIN_AMOUNT_FLOOR.value - 1n })),
    ).toBe("invalid_argument");
    expect(await codeOf(() => setPaused({ action: 9, paused: true }))).toBe("invalid_argument");
    expect(
      await codeOf(() =>
        addPool({ pool: "0x1", cap: 0n, seedApt: kofiConstants.staking_manager.MIN_POOL_SEED.value - 1n }),
      ),
    ).toBe("invalid_argument");
    expect(await codeOf(() => seedVault({ amount: kofiConstants.vault.MIN_VAULT_SEED.value - 1n }))).toBe(
      "invalid_argument",
    );
    expect(
      await codeOf(() =>
        setWeights({
          weights: [
            { pool: "0x1", weightBps: 1n },
            { pool: "0x01", weightBps: 2n },
          ],
        }),
      ),
    ).toBe("invalid_argument");
  });

  it("every admin action: refused for a non-admin (not_admin, nothing changes), then executed by the admin", async () => {
    const state0 = await getProtocolState(client);
    const pools = state0.validators.map((v) => v.pool);
    const treasury = (await fundedAccount(net, 1n * APT)).accountAddress.toStringLong();
    const newPool = net.chain.createValidator(
      "0x00000000000000000000000000000000000000000000000000000000000a11ce",
      500n,
      1_000_000n * APT,
    );
    const actions: [AdminAction, (s: Awaited<ReturnType<typeof getProtocolState>>) => void][] = [
      [setFeeBps({ feeBps: 1_500n }), (s) => expect(s.feeBps).toBe(1_500n)],
      [setTreasury({ treasury }), (s) => expect(s.treasury).toBe(treasury)],
      [setMinDeposit({ amount: 2n * APT }), (s) => expect(s.minDeposit).toBe(2n * APT)],
      [setMinWithdrawal({ amount: APT / 2n }), (s) => expect(s.minWithdrawal).toBe(APT / 2n)],
      [setPaused({ action: "stake", paused: true }), (s) => expect(s.paused.stake).toBe(true)],
      [setPaused({ action: "stake", paused: false }), (s) => expect(s.paused.stake).toBe(false)],
      [
        setPoolCap({ pool: pools[0] as string, cap: 5_000_000n * APT }),
        (s) => expect(s.validators[0]?.cap).toBe(5_000_000n * APT),
      ],
      [
        addPool({ pool: newPool, cap: 1_000_000n * APT, seedApt: 11n * APT }),
        (s) => expect(s.validators.map((v) => v.pool)).toContain(newPool),
      ],
      [
        setWeights({
          weights: [...pools, newPool].map((pool, i) => ({ pool, weightBps: i === 0 ? 4_000n : 2_000n })),
        }),
        (s) => expect(s.validators.find((v) => v.pool === newPool)?.weightBps).toBe(2_000n),
      ],
      [
        disablePool({ pool: newPool }),
        (s) => expect(s.validators.find((v) => v.pool === newPool)?.enabled).toBe(false),
      ],
      [
        setWeights({ weights: pools.map((pool, i) => ({ pool, weightBps: i === 0 ? 4_000n : 3_000n })) }),
        (s) => expect(s.validators[0]?.weightBps).toBe(4_000n),
      ],
      [setMaxCommissionBps({ maxCommissionBps: 10_000n }), (s) => expect(s.maxCommissionBps).toBe(10_000n)],
    ];
    for (const [action, check] of actions) {
      const before = await getProtocolState(client);
      const sim = await simulate(client, action, user);
      expect(sim.success, action.kind).toBe(false);
      expect(sim.error?.code, action.kind).toBe("not_admin");
      expect(sim.error?.abort?.name, action.kind).toBe("E_NOT_ADMIN");
      expect(await codeOf(execute(client, action, user)), action.kind).toBe("not_admin");
      const same = await getProtocolState(client);
      expect({ ...same, nowSecs: 0n }, action.kind).toEqual({ ...before, nowSecs: 0n });
      const r = await execute(client, action, admin);
      expect(r.success, action.kind).toBe(true);
      expect(String(r.transaction.payload && (r.transaction.payload as { function: string }).function)).toBe(
        `${client.kofiAddress}::${action.call.module}::${action.call.function}`,
      );
      check(await getProtocolState(client));
    }
    // seed_vault: admin-only, and the genesis vault is already seeded (E_ALREADY_SEEDED for the admin)
    expect((await simulate(client, seedVault({ amount: APT }), user)).error?.code).toBe("not_admin");
    expect((await simulate(client, seedVault({ amount: APT }), admin)).error?.abort?.name).toBe(
      "E_ALREADY_SEEDED",
    );
    // sync_rewards is permissionless
    expect((await execute(client, syncRewards(), user)).success).toBe(true);
  }, 120_000);

  it("two-step admin transfer: the pending admin accepts, the old admin is refused after", async () => {
    const next = await fundedAccount(net, 10n * APT);
    expect(await codeOf(execute(client, acceptAdmin(), next))).toBe("not_admin");
    await execute(client, transferAdmin({ newAdmin: next.accountAddress.toStringLong() }), admin);
    await execute(client, acceptAdmin(), next);
    expect((await getProtocolState(client)).admin).toBe(next.accountAddress.toStringLong());
    expect(await codeOf(execute(client, setFeeBps({ feeBps: 100n }), admin))).toBe("not_admin");
    await execute(client, transferAdmin({ newAdmin: admin.accountAddress.toStringLong() }), next);
    await execute(client, acceptAdmin(), admin);
    expect((await getProtocolState(client)).admin).toBe(admin.accountAddress.toStringLong());
  }, 60_000);
});
