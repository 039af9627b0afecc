import { type KofiClient, readValidatorPools, type ValidatorState } from "@kofi/core";

/**
 * What the keeper samples of each protocol pool at each pass: the one place the keeper reads validators (the
 * checks and the actions take `PoolSample`s). Read with `@kofi/core`'s `readValidatorPools`.
 */
export interface PoolSample {
  pool: `0x${string}`;
  /** Enabled in the protocol's set (the admin's flag). */
  enabled: boolean;
  /** `stake::get_validator_state`; undefined for a pool without a stake pool. */
  validatorState: ValidatorState | undefined;
  /** The protocol's stake in the pool, octas. */
  active: bigint;
  pendingInactive: bigint;
  inactive: bigint;
  /** Operator commission now and from the next lockup cycle, bps. */
  commissionBps: bigint;
  nextCommissionBps: bigint;
  /** Whether the protocol may add stake (allowlisting off, or the protocol on the list). */
  allowlisted: boolean;
  /** Proposal counts of the current epoch (the chain keeps no other); null when the validator has none (not in the set). */
  proposals: { successful: bigint; failed: bigint } | null;
}

/** Every protocol pool, as of one read. */
export type PoolReader = (client: KofiClient) => Promise<PoolSample[]>;

/** The reader the keeper uses: `readValidatorPools` (2 + 5n view requests for n pools). */
export const readPools: PoolReader = async (client) =>
  (await readValidatorPools(client)).pools.map((p) => ({
    pool: p.pool,
    enabled: p.enabled,
    validatorState: p.validatorState,
    active: p.protocolStake.active,
    pendingInactive: p.protocolStake.pendingInactive,
    inactive: p.protocolStake.inactive,
    commissionBps: p.commissionBps,
    nextCommissionBps: p.nextCommissionBps,
    allowlisted: p.allowlisted,
    proposals: p.proposals,
  }));
