/**
 * Starts one localnet (in Node) for the widget's browser tests and hands its coordinates to the page with
 * `project.provide` (read with `inject("localnet")`). Test accounts are generated in the page and funded
 * through the localnet's faucet over HTTP.
 */
import { startLocalnet } from "@kofi/localnet";
import type { TestProject } from "vitest/node";
import { stopWithoutChromium } from "../../vitest.chromium.ts";
import { ensureCdnBuild } from "../ensure-cdn.ts";

export interface LocalnetCoordinates {
  /** http://127.0.0.1:PORT (faucet at /fund, time at /admin/advance) */
  url: string;
  /** url + "/v1" */
  nodeUrl: string;
  kofiAddress: string;
  /** The protocol admin (AIP-80 private key): pauses the protocol in the paused test. */
  adminPrivateKey: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    localnet: LocalnetCoordinates;
    /**
     * A second localnet, as genesis left it, that no test writes to or advances: the shared one's clock and
     * reward history depend on which files ran before (fileParallelism is off, the order is not fixed), so what
     * a brand-new chain shows (no APR yet) is read here.
     */
    freshLocalnet: Omit<LocalnetCoordinates, "adminPrivateKey">;
  }
}

export default async function setup(project: TestProject) {
  // This project has files to run (vitest runs a global setup only then) and will need Chromium: say so now,
  // before starting a localnet and building dist/cdn for a browser that cannot launch.
  stopWithoutChromium();
  // The CDN tests load dist/cdn: build it when missing or stale, so they never skip.
  const [net, fresh] = await Promise.all([
    startLocalnet({ port: 0, quiet: true }),
    startLocalnet({ port: 0, quiet: true }), // about a second: genesis of the same package
    ensureCdnBuild(),
  ]);
  project.provide("localnet", {
    url: net.url,
    nodeUrl: net.nodeUrl,
    kofiAddress: net.kofiAddress,
    adminPrivateKey: net.accounts.admin.privateKey,
  });
  project.provide("freshLocalnet", {
    url: fresh.url,
    nodeUrl: fresh.nodeUrl,
    kofiAddress: fresh.kofiAddress,
  });
  return async () => {
    await Promise.all([net.stop(), fresh.stop()]);
  };
}
