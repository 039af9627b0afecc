import type { Address, DelegatorStake, Framework, Signer, StakePoolStake } from "../runtime/port.ts";
import * as accounts from "./accounts.ts";
import * as coin from "./coin.ts";
import type { TxContext } from "./context.ts";
import * as dp from "./delegation.ts";
import * as fa from "./fungible.ts";
import * as objects from "./objects.ts";
import * as stake from "./stake.ts";
import * as time from "./time.ts";

export * from "./context.ts";

/** The port's `Framework`, backed by the framework model running in one transaction context. */
export class FrameworkImpl implements Framework {
  constructor(readonly ctx: TxContext) {}

  nowSeconds(): bigint {
    return time.nowSeconds(this.ctx);
  }
  epochIntervalSecs(): bigint {
    return time.epochIntervalSecs(this.ctx);
  }
  recurringLockupDurationSecs(): bigint {
    return time.stakingConfig(this.ctx).recurring_lockup_duration_secs;
  }
  createResourceAccount(source: Signer, seed: Uint8Array): Address {
    return accounts.createResourceAccount(this.ctx, source.address, seed);
  }
  signerFor(addr: Address): Signer {
    return { address: addr };
  }
  aptBalance(owner: Address): bigint {
    return coin.aptBalance(this.ctx, owner);
  }
  aptTransfer(from: Signer, to: Address, amount: bigint): void {
    coin.aptTransfer(this.ctx, from.address, to, amount);
  }
  createNamedObject(creator: Signer, seed: Uint8Array): Address {
    return objects.createNamedObject(this.ctx, creator.address, seed);
  }
  createObject(owner: Address): Address {
    return objects.createObject(this.ctx, owner);
  }
  objectOwner(obj: Address): Address {
    return objects.objectOwner(this.ctx, obj);
  }
  objectTransferWithRef(obj: Address, to: Address): void {
    objects.objectTransfer(this.ctx, obj, to);
  }
  objectDelete(obj: Address): void {
    objects.objectDelete(this.ctx, obj);
  }
  isObject(addr: Address): boolean {
    return objects.isObject(this.ctx, addr);
  }
  createFungibleAsset(
    metadata: Address,
    info: { name: string; symbol: string; decimals: number; iconUri: string; projectUri: string },
  ): void {
    fa.createFungibleAsset(this.ctx, metadata, info);
  }
  faMintTo(metadata: Address, to: Address, amount: bigint): void {
    fa.faMintTo(this.ctx, metadata, to, amount);
  }
  faBurnFrom(metadata: Address, owner: Address, amount: bigint): void {
    fa.faBurnFrom(this.ctx, metadata, owner, amount);
  }
  faTransfer(from: Signer, metadata: Address, to: Address, amount: bigint): void {
    fa.faTransfer(this.ctx, from.address, metadata, to, amount);
  }
  faBalance(owner: Address, metadata: Address): bigint {
    return fa.faBalance(this.ctx, owner, metadata);
  }
  faSupply(metadata: Address): bigint {
    return fa.faSupply(this.ctx, metadata);
  }
  delegationPoolExists(pool: Address): boolean {
    return dp.delegationPoolExists(this.ctx, pool);
  }
  addStake(delegator: Signer, pool: Address, amount: bigint): void {
    dp.addStake(this.ctx, delegator.address, pool, amount);
  }
  unlock(delegator: Signer, pool: Address, amount: bigint): void {
    dp.unlock(this.ctx, delegator.address, pool, amount);
  }
  withdraw(delegator: Signer, pool: Address, amount: bigint): void {
    dp.withdraw(this.ctx, delegator.address, pool, amount);
  }
  getStake(pool: Address, delegator: Address): DelegatorStake {
    return dp.getStake(this.ctx, pool, delegator);
  }
  getPendingWithdrawal(pool: Address, delegator: Address): { withdrawable: boolean; amount: bigint } {
    return dp.getPendingWithdrawal(this.ctx, pool, delegator);
  }
  getAddStakeFee(pool: Address, amount: bigint): bigint {
    return dp.getAddStakeFee(this.ctx, pool, amount);
  }
  observedLockupCycle(pool: Address): bigint {
    return dp.observedLockupCycle(this.ctx, pool);
  }
  canWithdrawPendingInactive(pool: Address): boolean {
    return dp.canWithdrawPendingInactive(this.ctx, pool);
  }
  operatorCommissionPercentage(pool: Address): bigint {
    return dp.operatorCommissionPercentage(this.ctx, pool);
  }
  getLockupSecs(pool: Address): bigint {
    return stake.lockupSecs(this.ctx, pool);
  }
  stakeGetStake(pool: Address): StakePoolStake {
    return stake.getStake(this.ctx, pool);
  }
  getValidatorState(pool: Address): bigint {
    return stake.validatorState(this.ctx, pool);
  }
  synchronizeDelegationPool(pool: Address): void {
    dp.synchronize(this.ctx, pool);
  }
}
