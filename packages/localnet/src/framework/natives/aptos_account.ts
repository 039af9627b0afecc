/** `0x1::aptos_account` natives (aptos-framework v1.39 `aptos_account.move`) over the model's `coin.ts`. */
import { aptTransfer } from "../coin.ts";
import { address, type ModuleNatives, signer, u64 } from "./host.ts";

export const aptosAccountNatives: ModuleNatives = {
  /**
   * `transfer(source, to, amount)`: APT from `source` to `to`, creating `to`'s account when missing;
   * `0x1::coin::EINSUFFICIENT_BALANCE` (0x10006) when short.
   */
  transfer: ({ host }, [source, to, amount]) => {
    aptTransfer(host.tx, signer(source), address(to), u64(amount));
    return [];
  },
};
