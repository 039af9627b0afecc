/** Registers `<kofi-stake>`; a no-op during SSR, when there is no registry, or when the tag is taken. */
import { KofiStakeElement } from "./kofi-stake.ts";

export const TAG = "kofi-stake";

export function defineKofiStake(tag = TAG, registry?: CustomElementRegistry): void {
  const target = registry ?? (typeof customElements === "undefined" ? undefined : customElements);
  if (!target || target.get(tag)) return;
  // A fresh subclass per extra tag: one constructor cannot be registered under two names.
  target.define(tag, tag === TAG ? KofiStakeElement : class extends KofiStakeElement {});
}

defineKofiStake();
