import {
  type EntryFunctionABI,
  type InputEntryFunctionData,
  MoveAbility,
  parseTypeTag,
} from "@aptos-labs/ts-sdk";
import { assertU64 } from "../amounts/parse.ts";
import type { KofiClient } from "../client/createKofiClient.ts";
import { normalizeAddress } from "../client/createKofiClient.ts";
import { KofiError } from "../errors/KofiError.ts";
import type { KofiAction, PreparedAction } from "../execute/action.ts";
import { getTokenMetadata } from "../protocol/addresses.ts";

/** The two Kofi tokens a holder can send. */
export type KofiToken = "kAPT" | "stkAPT";

/** `0x1::primary_fungible_store::transfer<T: key>(&signer, Object<T>, address, u64)`, written out (never fetched); built on first use. */
let transferAbi: EntryFunctionABI | undefined;
const TRANSFER_ABI = (): EntryFunctionABI =>
  (transferAbi ??= {
    signers: 1,
    typeParameters: [{ constraints: [MoveAbility.KEY] }],
    parameters: [
      parseTypeTag("0x1::object::Object<T0>", { allowGenerics: true }),
      parseTypeTag("address"),
      parseTypeTag("u64"),
    ],
  });

export interface TransferTokenArgs {
  /** Recipient account. */
  to: string;
  /** Octas of the token; must be above 0. */
  amount: bigint;
}

/**
 * `0x1::primary_fungible_store::transfer<0x1::fungible_asset::Metadata>(metadata, to, amount)`: moves a fungible
 * asset between primary stores (the recipient's is created on first use). `metadata` is the token's metadata
 * address (`getKofiAddresses(client).kaptMetadata` / `stkaptMetadata`).
 */
export function transferTokenPayload(args: TransferTokenArgs & { metadata: string }): InputEntryFunctionData {
  const amount = assertU64(args.amount, "amount");
  if (amount === 0n)
    throw new KofiError("invalid_amount", "Invalid amount: 0 transfers nothing.", {
      hint: "Give an amount above 0.",
    });
  return {
    function: "0x1::primary_fungible_store::transfer",
    typeArguments: ["0x1::fungible_asset::Metadata"],
    functionArguments: [
      normalizeAddress(args.metadata, "token metadata"),
      normalizeAddress(args.to, "recipient"),
      amount,
    ],
    abi: TRANSFER_ABI(),
  };
}

/** Builds a kAPT or stkAPT transfer: validates first, then reads the token's metadata address (1 request) unless given. */
export async function prepareTransferToken(
  client: KofiClient,
  args: TransferTokenArgs & { token: KofiToken; metadata?: string },
): Promise<PreparedAction<undefined>> {
  // Validate before any request: a bad recipient or amount never reaches the node.
  transferTokenPayload({ ...args, metadata: args.metadata ?? "0x1" });
  let metadata = args.metadata;
  if (metadata === undefined) {
    const m = await getTokenMetadata(client);
    metadata = args.token === "kAPT" ? m.kapt : m.stkapt;
  }
  return {
    kind: `transfer_${args.token}`,
    payload: transferTokenPayload({ to: args.to, amount: args.amount, metadata }),
    quote: undefined,
    minOut: undefined,
  };
}

function transferAction(
  token: KofiToken,
  args: TransferTokenArgs & { metadata?: string },
): KofiAction<undefined> {
  return {
    kind: `transfer_${token}`,
    key: `transfer_${token}:${args.to}:${args.amount}`,
    prepare: (client) => prepareTransferToken(client, { ...args, token }),
  };
}

/** Send kAPT to another account (`primary_fungible_store::transfer`). */
export function transferKapt(args: TransferTokenArgs & { metadata?: string }): KofiAction<undefined> {
  return transferAction("kAPT", args);
}

/** Send stkAPT to another account (`primary_fungible_store::transfer`); the recipient holds the shares and their yield. */
export function transferStkapt(args: TransferTokenArgs & { metadata?: string }): KofiAction<undefined> {
  return transferAction("stkAPT", args);
}
