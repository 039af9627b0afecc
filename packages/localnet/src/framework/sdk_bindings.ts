/**
 * More `0x1` functions the ts-sdk's everyday calls use (batch transfers, chain and coin views, key rotation),
 * each served with its real ABI (`realFunctionAbi`, from @typemove/aptos's on-chain ABI data) and following
 * the aptos-framework v1.39 function named beside it.
 */
import { frameworkAbort, VmError } from "../runtime/errors.ts";
import type { NodeFunction } from "../runtime/functions.ts";
import type { Address, Runtime, Signer } from "../runtime/port.ts";
import { realFunctionAbi } from "./abi.ts";
import {
  getAuthenticationKey,
  originatingAddress,
  rotateAuthenticationKey,
  rotateAuthenticationKeyFromPublicKey,
} from "./accounts.ts";
import { aptTransfer, type CoinInfo, coinSupply, insufficientApt } from "./coin.ts";
import { APT_COIN, FRAMEWORK, T, type TxContext } from "./context.ts";
import type { FrameworkImpl } from "./index.ts";

type Run = NodeFunction["run"];

const ctxOf = (rt: Runtime): TxContext => (rt.framework as FrameworkImpl).ctx;
const signerOf = (s: Signer | undefined): Signer => {
  if (!s) throw new Error("entry function without signer");
  return s;
};

/** A framework function with the ABI the real fullnode serves for it. */
export function real(address: "0x1" | "0x4", module: string, name: string, run: Run): NodeFunction {
  const addr = address === "0x1" ? FRAMEWORK : (`0x${"0".repeat(63)}4` as Address);
  return { address: addr, module, name, abi: realFunctionAbi(address, module, name), run };
}

/** The long form of a coin type's struct address (`0x1::aptos_coin::AptosCoin` -> 0x000…01). */
function coinTypeKey(t: string): string {
  const s = t.replace(/\s+/g, "");
  return s === `0x${"0".repeat(63)}1::aptos_coin::AptosCoin` ? APT_COIN : s;
}

/**
 * `borrow_global<CoinInfo<CoinType>>(coin_address<CoinType>())`: APT's at 0x1; other coins at the address of
 * their type. A missing CoinInfo is the VM's MISSING_DATA, as on the node.
 */
function coinInfo(ctx: TxContext, coinType: string): CoinInfo {
  const key = coinTypeKey(coinType);
  if (key === APT_COIN) return ctx.journal.borrow<CoinInfo>(FRAMEWORK, T.coinInfo);
  const addr = key.split("::")[0] as string;
  const info = (() => {
    try {
      return ctx.journal.tryBorrow<CoinInfo>(
        `0x${addr.slice(2).padStart(64, "0")}` as Address,
        `0x1::coin::CoinInfo<${key}>`,
      );
    } catch {
      return undefined;
    }
  })();
  if (!info) throw new VmError("MISSING_DATA", 4008, `0x1::coin::CoinInfo<${key}> does not exist`);
  return info;
}

/**
 * Script payloads and module publishing need Move bytecode: nothing in the localnet compiles or executes
 * bytecode (the Kofi package runs from its Move sources through the interpreter; 0x1 is a TypeScript model).
 * The node refuses both before anything runs, with this one message (documented in the README).
 */
export const BYTECODE_UNSUPPORTED =
  "the localnet cannot run Move bytecode: script payloads and module publishing (0x1::code::publish_package_txn, 0x1::object_code_deployment) need compiled bytecode, which nothing here can produce or execute; call entry functions of the packages the localnet hosts instead";

const needsBytecode: Run = () => {
  throw new VmError("FEATURE_UNDER_GATING", 26, BYTECODE_UNSUPPORTED);
};

const fns: NodeFunction[] = [
  // code::publish_package_txn and object_code_deployment::{publish, upgrade}: served with their real ABIs so the
  // ts-sdk can build them (publishPackageTransaction), refused by the node with BYTECODE_UNSUPPORTED.
  real("0x1", "code", "publish_package_txn", needsBytecode),
  real("0x1", "object_code_deployment", "publish", needsBytecode),
  real("0x1", "object_code_deployment", "upgrade", needsBytecode),
  // aptos_account::batch_transfer(source, recipients, amounts): lengths must match
  // (EMISMATCHING_RECIPIENTS_AND_AMOUNTS_LENGTH, 0x10005), then `transfer` for each pair in order.
  real("0x1", "aptos_account", "batch_transfer", (rt, a, s) => {
    batchTransfer(ctxOf(rt), signerOf(s).address, a[0] as Address[], a[1] as bigint[]);
    return undefined;
  }),
  // aptos_account::batch_transfer_coins<CoinType>: the same length check, then transfer_coins<CoinType> for each
  // pair in order; APT moves as in batch_transfer, any other coin type follows transferUninitialisedCoin.
  real("0x1", "aptos_account", "batch_transfer_coins", (rt, a, s, t) => {
    const ctx = ctxOf(rt);
    const from = signerOf(s).address;
    const [recipients, amounts] = [a[0] as Address[], a[1] as bigint[]];
    const key = coinTypeKey(t[0] ?? "");
    if (key === APT_COIN) batchTransfer(ctx, from, recipients, amounts);
    else {
      assertSameLengths(recipients, amounts);
      recipients.forEach((_to, i) => {
        transferUninitialisedCoin(ctx, amounts[i] as bigint, key);
      });
    }
    return undefined;
  }),
  // chain_id::get(): the u8 stored in ChainId at genesis.
  real("0x1", "chain_id", "get", (rt) => [rt.storage.borrow<{ id: bigint }>(FRAMEWORK, T.chainId).id]),
  // chain_status::is_operating(): exists<GenesisEndMarker>(@aptos_framework); the model's genesis is over.
  real("0x1", "chain_status", "is_operating", () => [true]),
  // account::get_authentication_key(addr): the 32 bytes (EACCOUNT_DOES_NOT_EXIST without an account).
  real("0x1", "account", "get_authentication_key", (rt, a) => [
    getAuthenticationKey(ctxOf(rt), a[0] as Address),
  ]),
  // account::originating_address(auth_key): Option<address> from the OriginatingAddress table.
  real("0x1", "account", "originating_address", (rt, a) => {
    const o = originatingAddress(ctxOf(rt), a[0] as Address);
    return [{ vec: o ? [o] : [] }];
  }),
  // account::rotate_authentication_key: both proofs over the RotationProofChallenge; updates OriginatingAddress.
  real("0x1", "account", "rotate_authentication_key", (rt, a, s) => {
    const n = (i: number) => Number(a[i] as bigint | number);
    const b = (i: number) => a[i] as Uint8Array;
    rotateAuthenticationKey(ctxOf(rt), signerOf(s).address, n(0), b(1), n(2), b(3), b(4), b(5));
    return undefined;
  }),
  // account::rotate_authentication_key_from_public_key: unverified; OriginatingAddress untouched.
  real("0x1", "account", "rotate_authentication_key_from_public_key", (rt, a, s) => {
    rotateAuthenticationKeyFromPublicKey(
      ctxOf(rt),
      signerOf(s).address,
      Number(a[0] as bigint | number),
      a[1] as Uint8Array,
    );
    return undefined;
  }),
  // coin::{name,symbol,decimals}<CoinType>(): fields of CoinInfo<CoinType>.
  real("0x1", "coin", "name", (rt, _a, _s, t) => [coinInfo(ctxOf(rt), t[0] ?? "").name]),
  real("0x1", "coin", "symbol", (rt, _a, _s, t) => [coinInfo(ctxOf(rt), t[0] ?? "").symbol]),
  real("0x1", "coin", "decimals", (rt, _a, _s, t) => [coinInfo(ctxOf(rt), t[0] ?? "").decimals]),
  // coin::supply<CoinType>(): coin_supply (optional_aggregator::read) plus the paired FA's supply; the model
  // keeps APT's whole supply in CoinInfo's aggregator (the 0xa FA reads the same number), so it is not added twice.
  real("0x1", "coin", "supply", (rt, _a, _s, t) => {
    const ctx = ctxOf(rt);
    const v = coinSupply(ctx, coinInfo(ctx, t[0] ?? ""));
    return [{ vec: v === undefined ? [] : [v] }];
  }),
];

/** `EMISMATCHING_RECIPIENTS_AND_AMOUNTS_LENGTH` (0x10005), the first check of both batch functions. */
function assertSameLengths(recipients: Address[], amounts: bigint[]): void {
  if (recipients.length !== amounts.length) {
    throw frameworkAbort(
      "aptos_account",
      "EMISMATCHING_RECIPIENTS_AND_AMOUNTS_LENGTH",
      "invalid_argument",
      5,
      "The lengths of the recipients and amounts lists don't match.",
    );
  }
}

function batchTransfer(ctx: TxContext, from: Address, recipients: Address[], amounts: bigint[]): void {
  assertSameLengths(recipients, amounts);
  recipients.forEach((to, i) => {
    aptTransfer(ctx, from, to, amounts[i] as bigint);
  });
}

/**
 * `aptos_account::transfer_coins<CoinType>(from, to, amount)` for a coin type other than APT. No such coin can be
 * initialised on the localnet (`coin::initialize` needs the module defining the type, and module publishing is
 * refused), so `CoinInfo<CoinType>`, `CoinStore<CoinType>` and a paired FA never exist and the real path reduces to:
 * `coin::withdraw` -> `calculate_amount_to_withdraw` (coin_balance 0; no paired metadata) aborts
 * `EINSUFFICIENT_BALANCE` (0x10006) for an amount above 0; an amount of 0 withdraws `zero()`, then
 * `deposit_coins` creates a missing recipient account and `coin::is_account_registered<CoinType>` aborts
 * `ECOIN_INFO_NOT_PUBLISHED` (0x10003), which undoes that creation: the model aborts without creating it.
 */
function transferUninitialisedCoin(ctx: TxContext, amount: bigint, coin: string): void {
  const addr = coin.split("::")[0] ?? "";
  const initialised = (() => {
    try {
      return ctx.journal.exists(
        `0x${addr.slice(2).padStart(64, "0")}` as Address,
        `0x1::coin::CoinInfo<${coin}>`,
      );
    } catch {
      return false; // a type argument whose address does not parse names no stored coin
    }
  })();
  // Unreachable through the node (see above); refuse loudly rather than move APT for another coin type.
  if (initialised) throw new Error(`coin transfers of ${coin} are not modelled (only APT)`);
  if (amount > 0n) throw insufficientApt();
  throw frameworkAbort(
    "coin",
    "ECOIN_INFO_NOT_PUBLISHED",
    "invalid_argument",
    3,
    "`CoinType` hasn't been initialized as a coin",
  );
}

export const sdkFunctions: readonly NodeFunction[] = fns;
