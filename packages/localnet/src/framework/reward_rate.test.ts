import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Localnet, startLocalnet } from "../index.ts";

// `0x1::staking_config::reward_rate()` (aptos-framework staking_config.move: a #[view] returning
// `get_reward_rate(borrow_global<StakingConfig>(@aptos_framework))`, the per-epoch rewards rate as
// (numerator, denominator)), served over HTTP with the real ABI.
let ln: Localnet;
beforeAll(async () => {
  ln = await startLocalnet({
    port: 0,
    quiet: true,
    kofi: false,
    rewardRateBpsPerEpoch: 3,
    epochIntervalSecs: 3600,
  });
});
afterAll(async () => {
  await ln?.stop();
});

describe("staking_config::reward_rate (POST /v1/view)", () => {
  it("returns the staking config's per-epoch rewards rate as two u64 strings", async () => {
    const r = await fetch(`${ln.nodeUrl}/view`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        function: "0x1::staking_config::reward_rate",
        type_arguments: [],
        arguments: [],
      }),
    });
    expect(r.status).toBe(200);
    const [num, den] = (await r.json()) as [string, string];
    // 3 bps per epoch: num / den = 3 / 10000
    expect(BigInt(num) * 10_000n).toBe(3n * BigInt(den));
    expect(BigInt(den) > 0n).toBe(true);
  });

  it("is listed in GET /v1/accounts/0x1/module/staking_config with the real signature", async () => {
    const r = await fetch(`${ln.nodeUrl}/accounts/0x1/module/staking_config`);
    expect(r.status).toBe(200);
    const m = (await r.json()) as {
      abi: { exposed_functions: { name: string; is_view: boolean; params: string[]; return: string[] }[] };
    };
    const f = m.abi.exposed_functions.find((x) => x.name === "reward_rate");
    expect(f).toMatchObject({ is_view: true, params: [], return: ["u64", "u64"] });
  });
});
