import type { MoveFunction, MoveModule, MoveStruct } from "@aptos-labs/ts-sdk";
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

describe("fullnode shape", () => {
  type Module = KofiModuleAbiOf<KofiModuleName>;
  type KofiModuleAbiOf<M extends KofiModuleName> = (typeof kofiAbi)["modules"][M];

  it("has exactly the keys of the ts-sdk's MoveModule, MoveFunction and MoveStruct", () => {
    expectTypeOf<keyof Module>().toEqualTypeOf<keyof MoveModule>();
    expectTypeOf<keyof Module["exposed_functions"][number]>().toEqualTypeOf<keyof MoveFunction>();
    expectTypeOf<keyof Module["structs"][number]>().toEqualTypeOf<keyof MoveStruct>();
    expectTypeOf<keyof Module["structs"][number]["fields"][number]>().toEqualTypeOf<"name" | "type">();
  });

  it("uses the ts-sdk's string values for visibility and abilities", () => {
    expectTypeOf<
      Module["exposed_functions"][number]["visibility"]
    >().toExtend<`${MoveFunction["visibility"]}`>();
    expectTypeOf<
      Module["structs"][number]["abilities"][number]
    >().toExtend<`${MoveStruct["abilities"][number]}`>();
  });
});
