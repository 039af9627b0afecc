/** `0x1::account` natives (aptos-framework v1.39 `account/account.move`) over the model's `accounts.ts`. */
import { resourceAccountAddress } from "../../runtime/address.ts";
import { accountExists, createAccount, createResourceAccount } from "../accounts.ts";
import { address, bytes, type ModuleNatives, signer, signerValue, struct } from "./host.ts";

export const accountNatives: ModuleNatives = {
  /**
   * `create_resource_account(source, seed): (signer, SignerCapability)`: the account at
   * sha3_256(source ‖ seed ‖ 0xFF) with a zero authentication key; `EACCOUNT_ALREADY_USED` if it has sent a
   * transaction.
   */
  create_resource_account: ({ host }, [source, seed]) => {
    const a = createResourceAccount(host.tx, signer(source), bytes(seed));
    return [signerValue(a), { account: a }];
  },
  /** `create_resource_address(&source, seed): address` (pure). */
  create_resource_address: (_ctx, [source, seed]) => [resourceAccountAddress(address(source), bytes(seed))],
  /** `create_signer_with_capability(&SignerCapability): signer`. */
  create_signer_with_capability: (_ctx, [cap]) => [signerValue(address(struct(cap).account))],
  /**
   * `exists_at(addr): bool`: an `Account` resource exists (the `default_account_resource` feature, which makes
   * every address an account, is off in unit tests and not modelled).
   */
  exists_at: ({ host }, [a]) => [accountExists(host.tx, address(a))],
  /** `#[test_only] create_account_for_test(addr): signer`: creates the account unless it exists. */
  create_account_for_test: ({ host }, [a]) => {
    const addr = address(a);
    if (!accountExists(host.tx, addr)) createAccount(host.tx, addr);
    return [signerValue(addr)];
  },
  /** `#[test_only] create_signer_for_test(addr): signer`: no account needed. */
  create_signer_for_test: (_ctx, [a]) => [signerValue(address(a))],
};
