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
