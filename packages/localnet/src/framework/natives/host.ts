/**
 * What every framework native sees of the localnet (`MoveHost`), and the conversions between Move run-time
 * values (`@kofi/move` values.ts) and the framework model's plain forms.
 */
import type { Address } from "../../runtime/port.ts";
import type { TxContext } from "../context.ts";
import {
  formatTy,
  longAddress,
  type NativeContext,
  type NativeFn,
  Ref,
  SignerValue,
  type StructValue,
  type Ty,
  type Value,
  VmFailure,
} from "./move.ts";

/** The localnet's host for the interpreter: the transaction (or unit test) the natives run in. */
export interface MoveHost {
  readonly tx: TxContext;
}

export type Native = NativeFn<MoveHost>;
export type Ctx = NativeContext<MoveHost>;
/** The natives of one framework module, by function name. */
export type ModuleNatives = Readonly<Record<string, Native>>;

/** A malformed argument means the checker or interpreter let a wrong value through: a VM invariant, not an abort. */
function bad(what: string, v: unknown): never {
  throw new VmFailure("MISSING_DEPENDENCY", `framework native: expected ${what}, got ${String(v)}`);
}

/** A reference parameter arrives as a `Ref`; natives read the value behind it. */
export const deref = (v: Value | undefined): Value | undefined => (v instanceof Ref ? v.get() : v);

/** `0x` + 64 lowercase hex digits: what `longAddress` returns unchanged. */
const LONG_ADDRESS = /^0x[0-9a-f]{64}$/;
/**
 * Strings already seen in long form. The same few addresses (pools, the protocol, tokens) reach natives
 * dozens of times per transaction, and a set lookup costs less than the regex. Cleared when full.
 */
const longSeen = new Set<string>();
const LONG_SEEN_MAX = 50_000;

/** `longAddress`, skipping its rewrites for a value already in long form (the interpreter's usual form). */
function long(x: string): Address {
  if (longSeen.has(x)) return x as Address;
  if (x.length === 66 && LONG_ADDRESS.test(x)) {
    if (longSeen.size >= LONG_SEEN_MAX) longSeen.clear();
    longSeen.add(x);
    return x as Address;
  }
  return longAddress(x) as Address;
}

export function address(v: Value | undefined): Address {
  const x = deref(v);
  if (typeof x !== "string") bad("an address", x);
  return long(x);
}
export function u64(v: Value | undefined): bigint {
  const x = deref(v);
  if (typeof x !== "bigint") bad("an integer", x);
  return x;
}
export function bool(v: Value | undefined): boolean {
  const x = deref(v);
  if (typeof x !== "boolean") bad("a bool", x);
  return x;
}
/** `signer` or `&signer`: the address it stands for. */
export function signer(v: Value | undefined): Address {
  const x = deref(v);
  if (!(x instanceof SignerValue)) bad("a signer", x);
  return long(x.address);
}
export function struct(v: Value | undefined): StructValue {
  const x = deref(v);
  if (
    typeof x !== "object" ||
    x === null ||
    Array.isArray(x) ||
    x instanceof SignerValue ||
    x instanceof Ref
  ) {
    bad("a struct", x);
  }
  return x;
}
/** `vector<u8>` (an array of bigint) as bytes. */
export function bytes(v: Value | undefined): Uint8Array {
  const x = deref(v);
  if (!Array.isArray(x)) bad("a vector<u8>", x);
  // a plain loop: Uint8Array.from with a mapping callback is several times slower (same conversion)
  const out = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Number(x[i] as bigint);
  return out;
}
/** `0x1::string::String` (`{ bytes }`) as a JS string. */
export function string(v: Value | undefined): string {
  return new TextDecoder().decode(bytes(struct(v).bytes));
}
/** `Object<T>` (`{ inner }`): its address. */
export const objectAddress = (v: Value | undefined): Address => address(struct(v).inner);

// ------------------------------------------------------------------------------------------------ builders

export const objectValue = (a: Address): StructValue => ({ inner: a });
export const optionValue = (v: Value | undefined): StructValue => ({ vec: v === undefined ? [] : [v] });
export const signerValue = (a: Address): SignerValue => new SignerValue(a);

/** `formatTy` by type object: a call site's type arguments are the same objects call after call. */
const formatted = new WeakMap<Ty, string>();

export function typeArg(ctx: Ctx, i = 0): string {
  const t = ctx.typeArgs[i];
  if (!t) throw new VmFailure("MISSING_DEPENDENCY", `framework native: missing type argument ${i}`);
  let s = formatted.get(t);
  if (s === undefined) {
    s = formatTy(t);
    formatted.set(t, s);
  }
  return s;
}
