/**
 * @kofi/adapters figures: `getExitOptions` latency with every adapter on the localnet (Hyperion pools over
 * views, Panora through its local fake server), and the router's own CPU time. Node, fake and client share
 * one process, so wall time includes the node's work.
 */
import { Aptos, AptosConfig, Network } from "@aptos-labs/ts-sdk";
import { chainReader } from "../packages/adapters/src/core/chain.ts";
import { kofiRateProvider } from "../packages/adapters/src/core/rateProvider.ts";
import { resolveKofiTokens } from "../packages/adapters/src/core/tokens.ts";
import { createExitRouter } from "../packages/adapters/src/router/exitOptions.ts";
import { startPanoraFake } from "../packages/adapters/src/testing/panoraFake.ts";
import { hyperionAdapter } from "../packages/adapters/src/venues/hyperion.ts";
import { panoraAdapter } from "../packages/adapters/src/venues/panora.ts";
import { discoverThalaPools, thalaswapV2Adapter } from "../packages/adapters/src/venues/thalaswapV2.ts";
import { createKofiClient } from "../packages/core/src/index.ts";
import { startLocalnet } from "../packages/localnet/src/index.ts";
import { HYPERION } from "../packages/localnet/src/venues/index.ts";

interface Figure {
  name: string;
  value: number;
  unit: string;
  how: string;
  goal?: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;

export async function run(): Promise<Figure[]> {
  const ln = await startLocalnet({ port: 0, quiet: true });
  const fake = await startPanoraFake({ nodeUrl: ln.nodeUrl, hyperion: HYPERION, apiKey: "bench" });
  try {
    const aptos = new Aptos(new AptosConfig({ network: Network.LOCAL, fullnode: ln.nodeUrl }));
    const client = createKofiClient({ network: "local", nodeUrl: ln.nodeUrl, aptos });
    const reader = chainReader(aptos);
    const tokens = await resolveKofiTokens(client);
    const router = createExitRouter({
      client,
      reader,
      tokens,
      rates: kofiRateProvider(client),
      adapters: [
        hyperionAdapter({ reader, tokens }),
        panoraAdapter({ apiKey: "bench", baseUrl: fake.url, tokens, reader, allowedTargets: [HYPERION] }),
        thalaswapV2Adapter({ reader, pools: await discoverThalaPools(reader, [tokens.kAPT, tokens.stkAPT]) }),
      ],
    });
    const N = 60;
    const wall: number[] = [];
    const cpu: number[] = [];
    const proc: number[] = [];
    for (let i = 0; i < N + 10; i++) {
      const c0 = process.cpuUsage();
      const t = performance.now();
      const x = await router.getExitOptions({
        token: i % 2 ? "stkAPT" : "kAPT",
        amount: 10_000_000_000n,
        slippageBps: 50,
      });
      const dt = performance.now() - t;
      const c = process.cpuUsage(c0);
      if (x.ranked.length < 2) throw new Error("expected at least Hyperion and Panora quotes");
      if (i >= 10) {
        wall.push(dt);
        cpu.push(x.routerCpuMs);
        proc.push((c.user + c.system) / 1000);
      }
    }
    return [
      {
        name: "getExitOptions latency (median)",
        value: median(wall),
        unit: "ms",
        how: `${N} calls (kAPT and stkAPT, 100 tokens) after 10 warm-up, Hyperion + Panora fake + ThalaSwap v2 (kAPT pool only) on the localnet, same process`,
      },
      { name: "getExitOptions latency (p95)", value: p95(wall), unit: "ms", how: "same runs" },
      {
        name: "router CPU per call (median)",
        value: median(cpu),
        unit: "ms",
        how: "performance.now() around the router's synchronous work (request set-up, ranking, guard), excluding awaits",
        goal: "< 10 ms",
      },
      {
        name: "whole-process CPU per call (median)",
        value: median(proc),
        unit: "ms",
        how: "process.cpuUsage() around one call: client (ts-sdk, adapters, router) + localnet node + Panora fake, all in this process",
      },
    ];
  } finally {
    await fake.close();
    await ln.stop();
  }
}
