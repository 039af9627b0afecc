/** The tab bar, following the WAI-ARIA tabs pattern (automatic activation, roving tabindex). */
import { html, type TemplateResult } from "lit";
import type { MessageKey } from "./i18n.ts";
import type { ViewContext } from "./view-context.ts";

/**
 * Tab ids take the Move's verbs: `deposit` (APT in; labelled "Stake"), `stake` (kAPT and stkAPT both ways, Move's
 * `stake` / `unstake`; labelled "Convert"), `unstake` (back to APT: `request_withdrawal` or an instant exit),
 * `withdrawals`, `position`.
 */
export const TAB_IDS = ["deposit", "stake", "unstake", "withdrawals", "position"] as const;
export type TabId = (typeof TAB_IDS)[number];

/**
 * Tab ids before 0.2 that still work for one release, with a console warning: `convert` is now `stake`.
 * (The old `stake`, which meant deposit, cannot be kept: `stake` is now the Convert tab. See the README.)
 */
export const DEPRECATED_TAB_IDS: Readonly<Record<string, TabId>> = { convert: "stake" };

export function isTabId(value: unknown): value is TabId {
  return typeof value === "string" && (TAB_IDS as readonly string[]).includes(value);
}

const warned = new Set<string>();

/** A tab id, or its deprecated alias resolved (warning once per alias); null for anything else. */
export function resolveTab(value: unknown): TabId | null {
  if (isTabId(value)) return value;
  if (typeof value !== "string") return null;
  const renamed = DEPRECATED_TAB_IDS[value];
  if (!renamed) return null;
  if (!warned.has(value) && typeof console !== "undefined") {
    warned.add(value);
    console.warn(
      `<kofi-stake>: tab "${value}" is deprecated, use "${renamed}" (removed in the next release).`,
    );
  }
  return renamed;
}

/**
 * The tab a key moves to, or null when the key is not a tab key. Left/Right are mirrored in RTL;
 * Home/End go to the ends; movement wraps.
 */
export function nextTab(tabs: readonly TabId[], current: TabId, key: string, rtl: boolean): TabId | null {
  const i = Math.max(0, tabs.indexOf(current));
  const last = tabs.length - 1;
  let forward: boolean;
  switch (key) {
    case "Home":
      return tabs[0] ?? null;
    case "End":
      return tabs[last] ?? null;
    case "ArrowRight":
      forward = !rtl;
      break;
    case "ArrowLeft":
      forward = rtl;
      break;
    default:
      return null;
  }
  return tabs[forward ? (i === last ? 0 : i + 1) : i === 0 ? last : i - 1] ?? null;
}

export function tabButtonId(tab: TabId): string {
  return `kofi-tab-${tab}`;
}
export function tabPanelId(tab: TabId): string {
  return `kofi-panel-${tab}`;
}

export function renderTabs(
  ctx: ViewContext,
  tabs: readonly TabId[],
  selected: TabId,
  onSelect: (tab: TabId) => void,
): TemplateResult {
  const onKeydown = (e: KeyboardEvent) => {
    const target = nextTab(tabs, selected, e.key, ctx.rtl);
    if (!target) return;
    e.preventDefault();
    onSelect(target);
  };
  return html`<div part="tablist" role="tablist" aria-label=${ctx.t("tabs.label")} @keydown=${onKeydown}>
    ${tabs.map(
      (tab) =>
        html`<button
          part="tab${tab === selected ? " tab-selected" : ""}"
          role="tab"
          type="button"
          id=${tabButtonId(tab)}
          aria-selected=${tab === selected ? "true" : "false"}
          aria-controls=${tabPanelId(tab)}
          tabindex=${tab === selected ? "0" : "-1"}
          @click=${() => onSelect(tab)}
        >
          ${ctx.t(`tab.${tab}` as MessageKey)}
        </button>`,
    )}
  </div>`;
}
