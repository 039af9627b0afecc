import { Account, Ed25519PrivateKey } from "@aptos-labs/ts-sdk";
import type { Chain } from "./chain.ts";
import { createAccount } from "./framework/accounts.ts";
import { ONE_APT } from "./framework/context.ts";
import type { KofiPackage } from "./move/install.ts";
import { bytesToHex, sha3, utf8 } from "./runtime/address.ts";
import type { Address } from "./runtime/port.ts";

export interface DevAccount {
  address: Address;
  /** AIP-80 `ed25519-priv-0x…`. DEV ONLY: derived from the public seed. */
  privateKey: string;
}

export interface GenesisInfo {
  seed: string;
  kofiAddress: Address;
  accounts: { dev: DevAccount; admin: DevAccount };
  /** Delegation pool addresses. */
  validators: Address[];
}

export const GENESIS = {
  devApt: 1_000_000n * ONE_APT,
  adminApt: 100_000n * ONE_APT,
  validatorStake: 1_000_000n * ONE_APT,
  /** Operator commissions of the three pools, in bps. */
  commissions: [500n, 1000n, 700n],
  weights: [4000n, 3000n, 3000n],
  poolCap: 100_000_000n * ONE_APT,
  poolSeed: 11n * ONE_APT,
  vaultSeed: ONE_APT,
} as const;

/** Deterministic dev key from the seed (sha3_256("kofi-localnet" ‖ seed ‖ role)). Never use outside a localnet. */
export function devAccount(seed: string, role: string): DevAccount {
  const key = new Ed25519PrivateKey(sha3(utf8("kofi-localnet"), utf8(seed), utf8(role)));
  const acct = Account.fromPrivateKey({ privateKey: key });
  return { address: acct.accountAddress.toStringLong() as Address, privateKey: key.toAIP80String() };
}

/**
 * Genesis from a seed: 3 validators with delegation pools (different commissions), funded dev and admin
 * accounts, Kofi published by its own address, then as internal calls: admin two-step transfer, one
 * `add_pool` per validator (11 APT seed each), `set_weights` and `seed_vault(1 APT)`.
 */
export function runGenesis(chain: Chain, pkg: KofiPackage | undefined, seed: string): GenesisInfo {
  const dev = devAccount(seed, "dev");
  const admin = devAccount(seed, "admin");
  chain.mint(dev.address, GENESIS.devApt);
  chain.mint(admin.address, GENESIS.adminApt);
  const validators: Address[] = [];
  GENESIS.commissions.forEach((c, i) => {
    const owner = bytesToHex(sha3(utf8("kofi-localnet"), utf8(seed), utf8(`validator-${i}`))) as Address;
    validators.push(chain.createValidator(owner, c, GENESIS.validatorStake, utf8(`kofi-${i}`)));
  });
  const kofiAddress =
    pkg?.address ?? ("0x000000000000000000000000000000000000000000000000000000006b6f6669" as Address);
  if (pkg) {
    chain.internalTx(kofiAddress, (ctx) => {
      if (!ctx.journal.exists(kofiAddress, "0x1::account::Account")) createAccount(ctx, kofiAddress);
    });
    const r = chain.execute(kofiAddress, (rt, s) => pkg.publish(rt, s), {
      chargeGas: false,
      payload: {
        type: "entry_function_payload",
        function: "0x1::code::publish_package_txn",
        type_arguments: [],
        arguments: [],
      },
    });
    if (!r.success) throw new Error(`kofi-localnet genesis: publishing Kofi failed: ${r.vmStatus}`);
    chain.runAs(kofiAddress, "config", "transfer_admin", [admin.address], kofiAddress);
    chain.runAs(admin.address, "config", "accept_admin", [], kofiAddress);
    for (const pool of validators) {
      chain.runAs(
        admin.address,
        "staking_manager",
        "add_pool",
        [pool, GENESIS.poolCap, GENESIS.poolSeed],
        kofiAddress,
      );
    }
    chain.runAs(
      admin.address,
      "staking_manager",
      "set_weights",
      [validators, [...GENESIS.weights]],
      kofiAddress,
    );
    chain.runAs(admin.address, "gateway", "seed_vault", [GENESIS.vaultSeed], kofiAddress);
  }
  return { seed, kofiAddress, accounts: { dev, admin }, validators };
}
