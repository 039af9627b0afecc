/**
 * The protocol block as a visitor sees it before connecting (issue 14 rows "APR ... say when it is not available
 * yet" and "No loading state ... The rate never refreshes while not connected"), in Chromium against localnets:
 * the not-available APR on a fresh chain, the loading state while the protocol read is slow, and the 30 s
 * refresh moving the rate after the chain advanced, all without a wallet.
 */
import { Aptos, AptosConfig, Network } from "@aptos-labs/ts-sdk";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
// The package entry: registers the built-in backend factory that the attribute-only mount below relies on.
import "../src/index.ts";
import type { KofiBackend, ProtocolSummary } from "../src/backend.ts";
import { createCoreBackend } from "../src/backend-core.ts";
import { REFRESH_MS } from "../src/controllers/chain-controller.ts";
import { type Mounted, mount, realBackend, until } from "./browser/harness.ts";
import { advance, fundedAccount, localnet } from "./browser/localnet-client.ts";

const factsText = (m: Mounted) => m.$("[part~=facts]")?.textContent?.replace(/\s+/g, " ").trim() ?? "";

describe("<kofi-stake> protocol facts before connecting (Chromium, localnet)", () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it("a fresh chain (no reward history): APR says it is not available yet, on the Stake and Position tabs", async () => {
    const fresh = inject("freshLocalnet");
    const m = mount({
      backend: createCoreBackend({
        network: "local",
        nodeUrl: fresh.nodeUrl,
        kofiAddress: fresh.kofiAddress,
      }),
    });
    await until(m, () => !!m.$("[part~=facts] [part~=apr]"), "facts");
    const apr = m.$("[part~=facts] [part~=apr]")?.textContent?.trim() ?? "";
    // The reason is the chain's (`protocol_state.apr`): the en strings all start so; no figure, no bare "—".
    expect(apr).toMatch(/^Not available (yet|until)/);
    expect(apr).not.toMatch(/%|—/);
    m.el.setTab("position");
    await until(m, () => !!m.$("[part~=protocol] [part~=apr]"), "protocol block");
    expect(m.$("[part~=protocol] [part~=apr]")?.textContent?.trim()).toBe(apr);
    // The same chain read by attributes alone (the lean read a CDN visitor gets): the same words.
    document.body.replaceChildren();
    const el = document.createElement("kofi-stake");
    el.setAttribute("network", "local");
    el.setAttribute("node-url", fresh.nodeUrl);
    el.setAttribute("kofi-address", fresh.kofiAddress);
    document.body.append(el);
    const leanApr = () =>
      el.shadowRoot?.querySelector("[part~=facts] [part~=apr]")?.textContent?.trim() ?? "";
    await expect.poll(leanApr, { timeout: 20_000 }).toBe(apr);
  });

  it("while the protocol read is slow: the facts are aria-busy and say 'Reading the protocol…', then the rate", async () => {
    const inner = realBackend();
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    // The real backend, its protocol read held until the test releases it (a slow link).
    const slow = Object.create(inner) as KofiBackend;
    slow.getProtocol = async (signal?: AbortSignal): Promise<ProtocolSummary> => {
      await gate;
      return inner.getProtocol(signal);
    };
    const m = mount({ backend: slow });
    await until(m, () => m.$("[part~=facts]")?.getAttribute("aria-busy") === "true", "busy facts");
    expect(factsText(m)).toBe("Reading the protocol…");
    m.el.setTab("position");
    await until(m, () => !!m.$("[part~=protocol-loading]"), "protocol loading");
    expect(m.$("[part~=protocol-loading]")?.closest("section")?.getAttribute("aria-busy")).toBe("true");
    expect(m.$("[part~=protocol-loading]")?.textContent).toBe("Reading the protocol…");
    release();
    await until(
      m,
      () => !!m.$("[part~=protocol] [part~=apr]") && !m.$("[part~=protocol-loading]"),
      "protocol",
    );
    m.el.setTab("deposit");
    await until(m, () => !!m.$("[part~=facts] [part~=rate]"), "rate");
    expect(m.$("[part~=facts]")?.getAttribute("aria-busy")).toBeNull();
    expect(m.text()).not.toContain("Reading the protocol");
  });

  it("not connected: the periodic refresh shows the new rate after the chain advanced", async () => {
    // A synced reward stream vests with chain time: advance, sync (anyone may call rewards::sync_rewards),
    // advance again. Done before the element exists, so only its own refresh can show the new rate.
    const keeper = await fundedAccount();
    const aptos = new Aptos(new AptosConfig({ network: Network.CUSTOM, fullnode: localnet().nodeUrl }));
    const sync = async () => {
      const tx = await aptos.transaction.build.simple({
        sender: keeper.accountAddress,
        data: { function: `${localnet().kofiAddress}::rewards::sync_rewards`, functionArguments: [] },
      });
      const sent = await aptos.signAndSubmitTransaction({ signer: keeper, transaction: tx });
      await aptos.waitForTransaction({ transactionHash: sent.hash });
    };
    // Only the element's setInterval is faked (its 30 s refresh), so polling and the quote debounce run as usual.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const m = mount({});
    await until(m, () => !!m.$("[part~=facts] [part~=rate]"), "rate");
    const before = m.$("[part~=facts] [part~=rate]")?.textContent ?? "";
    expect(m.el.hasAttribute("wallet")).toBe(false);
    await advance(2 * 86_400);
    await sync();
    await advance(6 * 3_600);
    // Nothing re-read yet: the rate on screen is still the first one.
    await m.el.updateComplete;
    expect(m.$("[part~=facts] [part~=rate]")?.textContent).toBe(before);
    vi.advanceTimersByTime(REFRESH_MS);
    await until(
      m,
      () => (m.$("[part~=facts] [part~=rate]")?.textContent ?? before) !== before,
      "refreshed rate",
    );
    const after = m.$("[part~=facts] [part~=rate]")?.textContent ?? "";
    const value = (s: string) => Number(/= ([\d.]+) kAPT/.exec(s)?.[1] ?? Number.NaN);
    expect(value(after), `${before} -> ${after}`).toBeGreaterThan(value(before));
  });
});
