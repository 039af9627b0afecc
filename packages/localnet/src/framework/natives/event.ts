/** `0x1::event` natives (aptos-framework v1.39 `event.move`). */
import { type ModuleNatives, struct, typeArg } from "./host.ts";

export const eventNatives: ModuleNatives = {
  /** `emit<T: store + drop>(msg: T)`: a module event of type `T` (as the fullnode prints it). */
  emit: (ctx, [msg]) => {
    ctx.emit(typeArg(ctx), struct(msg));
    return [];
  },
};
