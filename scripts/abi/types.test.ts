import { describe, expectTypeOf, it } from "vitest";
import type {
  KofiEntryFunctionName,
  KofiErrorName,
  KofiEventName,
  KofiModuleName,
  KofiViewFunctionName,
} from "../../packages/core/src/generated/abi.ts";
import { kofiAbi, kofiErrors } from "../../packages/core/src/generated/abi.ts";

describe("generated types", () => {
  it("keeps literal types for typed payloads", () => {
    expectTypeOf<"gateway">().toExtend<KofiModuleName>();
    expectTypeOf<"deposit">().toExtend<KofiEntryFunctionName<"gateway">>();
    expectTypeOf<"quote_deposit">().toExtend<KofiViewFunctionName<"gateway">>();
    expectTypeOf<"quote_deposit">().not.toExtend<KofiEntryFunctionName<"gateway">>();
    expectTypeOf<"E_NOT_ADMIN">().toExtend<KofiErrorName<"config">>();
    expectTypeOf<"Deposited">().toExtend<KofiEventName<"gateway">>();
    expectTypeOf(kofiErrors.config.E_NOT_ADMIN.code).toEqualTypeOf<1>();
    expectTypeOf(kofiAbi.modules.gateway.name).toEqualTypeOf<"gateway">();
  });
});
