/** Mounts `<kofi-stake>` on the real backend in the page and drives it as a user would (real input events). */
import { hyperionAdapter } from "@kofi/adapters";
import { expect } from "vitest";
import { userEvent } from "vitest/browser";
import "../../src/define.ts";
import type { KofiBackend } from "../../src/backend.ts";
import { createCoreBackend } from "../../src/backend-core.ts";
import type { KofiErrorDetail, KofiTxDetail } from "../../src/events.ts";
import type { KofiStakeElement } from "../../src/kofi-stake.ts";
import { localnet } from "./localnet-client.ts";

export interface Mounted {
  el: KofiStakeElement;
  root: ShadowRoot;
  tx: KofiTxDetail[];
  errors: KofiErrorDetail[];
  $<T extends HTMLElement = HTMLElement>(selector: string): T | null;
  $$(selector: string): HTMLElement[];
  text(): string;
}

export function realBackend(nodeUrl = localnet().nodeUrl): KofiBackend {
  return createCoreBackend({
    network: "local",
    nodeUrl,
    kofiAddress: localnet().kofiAddress,
    exits: ({ reader, tokens }) => [hyperionAdapter({ reader, tokens })],
  });
}

export function mount(props: Partial<Pick<KofiStakeElement, "backend" | "wallet" | "defaultTab">>): Mounted {
  document.body.replaceChildren();
  const el = document.createElement("kofi-stake");
  el.network = "local";
  el.backend = props.backend ?? realBackend();
  if (props.wallet) el.wallet = props.wallet;
  if (props.defaultTab) el.defaultTab = props.defaultTab;
  const tx: KofiTxDetail[] = [];
  const errors: KofiErrorDetail[] = [];
  el.addEventListener("kofi-tx", (e) => tx.push(e.detail));
  el.addEventListener("kofi-error", (e) => errors.push(e.detail));
  const main = document.createElement("main");
  main.append(el);
  document.body.append(main);
  const root = el.shadowRoot as ShadowRoot;
  return {
    el,
    root,
    tx,
    errors,
    $: <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector),
    $$: (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)],
    text: () => root.textContent?.replace(/\s+/g, " ") ?? "",
  };
}

/** Waits (polling, re-rendered) until `check` holds; the widget's text is in the failure message. */
export async function until(m: Mounted, check: () => boolean, what: string, timeout = 20_000): Promise<void> {
  await expect
    .poll(
      async () => {
        await m.el.updateComplete;
        return check() ? true : `${what}: ${m.text()}`;
      },
      { timeout, interval: 50 },
    )
    .toBe(true);
}

export const enabled = (m: Mounted, part: string) => {
  const b = m.$<HTMLButtonElement>(`[part~=${part}]`);
  return !!b && !b.disabled;
};

/** Types into the amount field with real key events. */
export async function typeAmount(m: Mounted, amount: string): Promise<void> {
  await until(m, () => !!m.$("[part~=amount-input]"), "the amount input");
  const input = m.$<HTMLInputElement>("[part~=amount-input]");
  if (!input) throw new Error(`no amount input: ${m.text()}`);
  await userEvent.clear(input);
  await userEvent.type(input, amount);
}

export async function click(m: Mounted, part: string): Promise<void> {
  await until(m, () => enabled(m, part), `${part} enabled`);
  const b = m.$<HTMLButtonElement>(`[part~=${part}]`);
  if (!b) throw new Error(part);
  await userEvent.click(b);
}

/**
 * Review → simulation succeeded → Confirm → confirmed → Done. Returns the confirmed hash. `onReceipt` sees the
 * receipt panel (`[part~=success]`) before Done closes it.
 */
export async function reviewAndConfirm(
  m: Mounted,
  entryFunction: RegExp,
  onReceipt?: (receipt: HTMLElement) => void | Promise<void>,
): Promise<string> {
  m.tx.length = 0;
  await click(m, "review-button");
  await until(m, () => m.text().includes("Simulation succeeded"), "simulation");
  expect(m.$("[part~=entry-function]")?.textContent).toMatch(entryFunction);
  await click(m, "confirm-button");
  await until(m, () => m.tx.some((t) => t.stage === "confirmed" || t.stage === "failed"), "confirmation");
  const confirmed = m.tx.find((t) => t.stage === "confirmed");
  if (!confirmed?.hash) throw new Error(`not confirmed: ${JSON.stringify(m.errors)} ${m.text()}`);
  expect(m.tx.map((t) => t.stage)).toEqual(["simulate", "sign", "submitted", "confirmed"]);
  await until(m, () => !!m.$("[part~=success]"), "success panel");
  const receipt = m.$("[part~=success]");
  if (onReceipt && receipt) await onReceipt(receipt);
  await click(m, "done-button");
  return confirmed.hash;
}

export async function chooseRadio(m: Mounted, label: RegExp): Promise<void> {
  const inputs = [...m.root.querySelectorAll<HTMLInputElement>("input[type=radio]")];
  const input = inputs.find((i) => label.test(i.closest("label")?.textContent ?? ""));
  if (!input) throw new Error(`no radio ${label}: ${m.text()}`);
  await userEvent.click(input);
}
