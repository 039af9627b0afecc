/** The tab bar, following the WAI-ARIA tabs pattern (automatic activation, roving tabindex). */
import { html, type TemplateResult } from "lit";
import type { MessageKey } from "./i18n.ts";
import type { ViewContext } from "./view-context.ts";

export const TAB_IDS = ["stake", "convert", "unstake", "withdrawals", "position"] as const;
export type TabId = (typeof TAB_IDS)[number];

export function isTabId(value: unknown): value is TabId {
  return typeof value === "string" && (TAB_IDS as readonly string[]).includes(value);
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
