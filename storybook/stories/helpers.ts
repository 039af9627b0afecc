/** Drives `<kofi-stake>` inside its shadow root from play functions (Testing Library stops at the host). */
import type { KofiStakeElement } from "../../packages/widget/src/kofi-stake.ts";

export function widgetIn(canvas: HTMLElement): KofiStakeElement {
  const el = canvas.querySelector("kofi-stake");
  if (!el) throw new Error("no <kofi-stake> in the story");
  return el;
}

export async function until(
  el: KofiStakeElement,
  check: (root: ShadowRoot) => boolean,
  what: string,
  ms = 5_000,
) {
  const end = Date.now() + ms;
  for (;;) {
    await el.updateComplete;
    const root = el.shadowRoot;
    if (root && check(root)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

export async function press(el: KofiStakeElement, part: string) {
  await until(
    el,
    (root) => {
      const b = root.querySelector<HTMLButtonElement>(`[part~=${part}]`);
      return !!b && !b.disabled;
    },
    `${part} enabled`,
  );
  el.shadowRoot?.querySelector<HTMLButtonElement>(`[part~=${part}]`)?.click();
}

/** Types an amount and waits for its quote. */
export async function enterAmount(el: KofiStakeElement, amount: string, waitForQuote = true) {
  el.setAmount(amount);
  if (waitForQuote)
    await until(el, (root) => !!root.querySelector("[part~=quote], [part~=exit-option] .big"), "a quote");
}

export async function openReview(el: KofiStakeElement, amount = "10") {
  await enterAmount(el, amount);
  await press(el, "review-button");
  await until(
    el,
    (root) => root.querySelector("[part~=simulation]")?.getAttribute("data-state") !== "loading",
    "simulation",
  );
}

export async function confirm(el: KofiStakeElement, amount = "10") {
  await openReview(el, amount);
  await press(el, "confirm-button");
}

/** A play function that waits until the widget shows `selector`. */
export function shows(selector: string) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = widgetIn(canvasElement);
    await until(el, (root) => !!root.querySelector(selector), selector);
  };
}

/** A play function's assertion: throws with what the widget showed instead. */
export function check(el: KofiStakeElement, ok: boolean, what: string): void {
  if (ok) return;
  const shown = el.shadowRoot?.textContent?.replace(/\s+/g, " ").trim() ?? "";
  throw new Error(`expected ${what}; the widget shows: ${shown}`);
}

/** The text of the first element matching `selector` in the widget, whitespace collapsed ("" when absent). */
export function textOf(el: KofiStakeElement, selector: string): string {
  return el.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, " ").trim() ?? "";
}

/** Stake tab: types an amount and waits for the entry comparison (the mint radio with the venues). */
export async function enterAmountWithVenues(el: KofiStakeElement, amount: string) {
  await enterAmount(el, amount);
  await until(el, (root) => !!root.querySelector("[part~=entry-option-mint] input"), "the entry comparison");
}

/** Picks the venue `id` in the Stake tab's entry radio group, as a click on its radio. */
export async function chooseVenue(el: KofiStakeElement, id: string) {
  const selector = `[part~=entry-option-buy][data-venue="${id}"] input`;
  await until(el, (root) => !!root.querySelector<HTMLInputElement>(`${selector}:not([disabled])`), id);
  el.shadowRoot?.querySelector<HTMLInputElement>(selector)?.click();
  await until(el, (root) => !!root.querySelector<HTMLInputElement>(selector)?.checked, `${id} selected`);
}
