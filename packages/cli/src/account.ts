import { readFileSync } from "node:fs";
import { Account, Ed25519PrivateKey, PrivateKey, PrivateKeyVariants } from "@aptos-labs/ts-sdk";
import { KofiError } from "@kofi/core";

/** The signing account from `--key-file` or `KOFI_PRIVATE_KEY`; `invalid_config` when missing or malformed. */
export function loadAccount(keyFile: string | undefined, env: Record<string, string | undefined>): Account {
  let raw: string | undefined;
  try {
    raw = (keyFile ? readFileSync(keyFile, "utf8") : env.KOFI_PRIVATE_KEY)?.trim();
  } catch (cause) {
    throw new KofiError("invalid_config", `Cannot read the key file ${JSON.stringify(keyFile)}.`, { cause });
  }
  if (!raw) {
    throw new KofiError("invalid_config", "No private key: set KOFI_PRIVATE_KEY or pass --key-file <path>.", {
      hint: "The key is a hex Ed25519 private key (0x… or ed25519-priv-0x…).",
    });
  }
  try {
    const hex = PrivateKey.formatPrivateKey(raw, PrivateKeyVariants.Ed25519);
    return Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(hex) });
  } catch (cause) {
    throw new KofiError("invalid_config", "The private key is not a valid Ed25519 key.", { cause });
  }
}
