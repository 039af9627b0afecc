/**
 * Every state of `<kofi-stake>`, on the in-memory `KofiBackend` fixture (designer states; the real-chain
 * flows are tested against the localnet in packages/widget/test). Play functions drive the element to the
 * state; with a browser they double as interaction tests.
 */
import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import "../../packages/widget/src/define.ts";
import type { KofiErrorLike } from "../../packages/widget/src/backend.ts";
import type { TabId } from "../../packages/widget/src/tabs.ts";
import {
  DEFAULT_PROTOCOL,
  MemoryBackend,
  type MemoryBackendOptions,
  type MemoryEntryVenue,
  sampleTickets,
} from "../../packages/widget/src/testing/index.ts";
import {
  check,
  chooseVenue,
  confirm,
  enterAmount,
  enterAmountWithVenues,
  openReview,
  press,
  shows,
  textOf,
  until,
  widgetIn,
} from "./helpers.ts";

interface Args {
  theme: "light" | "dark" | "system";
  locale: string;
  defaultTab: TabId;
  slippageBps: number;
  maxDiscountBps: number;
  unstakePaths: string;
  width: string;
  /** Values for the --kofi-* custom properties; empty keeps the theme's default. */
  accent: string;
  radius: string;
  background: string;
  foreground: string;
  accentForeground: string;
  surface: string;
  muted: string;
  border: string;
  danger: string;
  success: string;
  warning: string;
  focusRing: string;
  radiusSmall: string;
  space: string;
  shadow: string;
  noBackend?: boolean;
  backendOptions: MemoryBackendOptions;
  connected: boolean;
}

const now = () => Math.floor(Date.now() / 1000);

/** Story arg → theme token, each with a control in the Controls panel. */
const TOKENS = {
  accent: ["--kofi-accent", "color"],
  accentForeground: ["--kofi-accent-foreground", "color"],
  background: ["--kofi-background", "color"],
  surface: ["--kofi-surface", "color"],
  foreground: ["--kofi-foreground", "color"],
  muted: ["--kofi-muted", "color"],
  border: ["--kofi-border", "color"],
  danger: ["--kofi-danger", "color"],
  success: ["--kofi-success", "color"],
  warning: ["--kofi-warning", "color"],
  focusRing: ["--kofi-focus-ring", "color"],
  radius: ["--kofi-radius", "text"],
  radiusSmall: ["--kofi-radius-small", "text"],
  space: ["--kofi-space", "text"],
  shadow: ["--kofi-shadow", "text"],
} as const satisfies Record<string, readonly [string, "color" | "text"]>;
type TokenArg = keyof typeof TOKENS;
const TOKEN_ARGS = Object.keys(TOKENS) as TokenArg[];

const meta: Meta<Args> = {
  title: "Widget/kofi-stake",
  component: "kofi-stake",
  tags: ["autodocs"],
  args: {
    theme: "light",
    locale: "en",
    defaultTab: "deposit",
    slippageBps: 50,
    maxDiscountBps: 300,
    unstakePaths: "standard instant",
    width: "420px",
    ...(Object.fromEntries(TOKEN_ARGS.map((k) => [k, ""])) as Record<TokenArg, string>),
    backendOptions: {},
    connected: true,
  },
  argTypes: {
    theme: { control: "inline-radio", options: ["light", "dark", "system"] },
    locale: { control: "select", options: ["en", "fr", "ar", "ar-EG", "de"] },
    defaultTab: { control: "select", options: ["deposit", "stake", "unstake", "withdrawals", "position"] },
    unstakePaths: { control: "select", options: ["standard instant", "standard", "instant"] },
    width: { control: "text", description: "container width (the widget works from 320px)" },
    ...Object.fromEntries(
      TOKEN_ARGS.map((k) => [
        k,
        { control: TOKENS[k][1], description: TOKENS[k][0], table: { category: "theme tokens" } },
      ]),
    ),
    noBackend: { table: { disable: true } },
    backendOptions: { table: { disable: true } },
    connected: { control: "boolean" },
  },
  render: (args) => {
    const backend = new MemoryBackend({
      ...args.backendOptions,
      ...(args.connected ? {} : { account: null }),
    });
    const tokens = TOKEN_ARGS.filter((k) => args[k])
      .map((k) => `${TOKENS[k][0]}: ${args[k]}`)
      .join("; ");
    return html`<div style="max-width: ${args.width}">
      <kofi-stake
        style=${tokens}
        network="local"
        theme=${args.theme}
        locale=${args.locale}
        default-tab=${args.defaultTab}
        slippage-bps=${args.slippageBps}
        max-discount-bps=${args.maxDiscountBps}
        unstake-paths=${args.unstakePaths}
        .backend=${args.noBackend ? undefined : backend}
        .wallet=${args.connected ? { kind: "story-wallet" } : undefined}
      ></kofi-stake>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

// ------------------------------------------------------------------ connection and tabs

export const Disconnected: Story = { args: { connected: false } };
export const Connected: Story = { play: shows("[part~=account]") };
export const StakeTab: Story = {
  play: async ({ canvasElement }) => enterAmount(widgetIn(canvasElement), "10"),
};
export const ConvertTab: Story = {
  args: { defaultTab: "stake" },
  play: async ({ canvasElement }) => enterAmount(widgetIn(canvasElement), "5"),
};
export const UnstakeTab: Story = { args: { defaultTab: "unstake" }, play: shows("[part~=account]") };
export const WithdrawalsTab: Story = {
  args: {
    defaultTab: "withdrawals",
    backendOptions: { position: { tickets: sampleTickets(now()).slice(1) } },
  },
  play: shows("[part~=ticket]"),
};
export const PositionTab: Story = {
  args: { defaultTab: "position", backendOptions: { position: { tickets: sampleTickets(now()) } } },
  play: shows("[part~=position]"),
};

// ------------------------------------------------------------------ quotes

export const QuoteLoading: Story = {
  args: { backendOptions: { hang: ["quote"] } },
  play: async ({ canvasElement }) => {
    const el = widgetIn(canvasElement);
    await enterAmount(el, "10", false);
    await until(el, (root) => !!root.querySelector("[part~=quote-loading]"), "loading");
  },
};
export const InstantVsStandard: Story = {
  args: {
    defaultTab: "unstake",
    backendOptions: {
      routes: [
        { venue: "Panora", discountBps: 85, priceImpactBps: 12 },
        { venue: "Thala", discountBps: 120, priceImpactBps: 30 },
      ],
    },
  },
  play: async ({ canvasElement }) => enterAmount(widgetIn(canvasElement), "10"),
};
export const InstantBlockedByMaxDiscount: Story = {
  args: {
    defaultTab: "unstake",
    backendOptions: { routes: [{ venue: "ThinPool", discountBps: 640, priceImpactBps: 410 }] },
  },
  play: async ({ canvasElement }) => enterAmount(widgetIn(canvasElement), "10"),
};
export const NoInstantRoute: Story = {
  args: { defaultTab: "unstake", backendOptions: { routes: [] } },
  play: async ({ canvasElement }) => enterAmount(widgetIn(canvasElement), "10"),
};
export const StandardOnly: Story = {
  args: { defaultTab: "unstake", unstakePaths: "standard" },
  play: async ({ canvasElement }) => enterAmount(widgetIn(canvasElement), "10"),
};

// The Stake tab's entry comparison (issue 15): minting through Kofi, or buying stkAPT on a venue. 10 APT mints
// 9.56937799 stkAPT at the fixture's rate (1 stkAPT = 1.045 kAPT); the venues are priced against that.
const HYPERION_CHEAPER: MemoryEntryVenue = {
  id: "hyperion",
  venue: "Hyperion",
  vsMintBps: 42,
  feeBps: 30,
  priceImpactBps: 8,
};
const HYPERION_DEARER: MemoryEntryVenue = { ...HYPERION_CHEAPER, vsMintBps: -35, priceImpactBps: 20 };
const THALA_NO_QUOTE: MemoryEntryVenue = { id: "thala", venue: "Thala", unavailable: "no-route" };
const mintRadio = (el: ReturnType<typeof widgetIn>) =>
  el.shadowRoot?.querySelector<HTMLInputElement>("[part~=entry-option-mint] input");
const venueRadio = (el: ReturnType<typeof widgetIn>, id: string) =>
  el.shadowRoot?.querySelector<HTMLInputElement>(`[part~=entry-option-buy][data-venue="${id}"] input`);

export const BuyBeatsMint: Story = {
  args: { backendOptions: { entries: [HYPERION_CHEAPER] } },
  play: async ({ canvasElement }) => {
    const el = widgetIn(canvasElement);
    await enterAmountWithVenues(el, "10");
    const venue = textOf(el, '[part~=entry-option-buy][data-venue="hyperion"]');
    check(el, venue.startsWith("On Hyperion: 9.60956937 stkAPT"), "Hyperion's 10 APT buy, 9.60956937 stkAPT");
    check(el, /0\.42\s?% more than minting/.test(venue), "the verdict: 0.42 % more than minting");
    // Mint stays preselected even when a venue gives more; the venue can be picked.
    check(el, mintRadio(el)?.checked === true, "mint preselected");
    check(el, venueRadio(el, "hyperion")?.disabled === false, "Hyperion selectable");
    // The mint quote rounds to 4 decimals; the venue line prints 8.
    check(
      el,
      /You receive 9\.5693 stkAPT/.test(textOf(el, "[part~=quote]")),
      "the mint quote, 9.5693 stkAPT",
    );
  },
};
export const MintBeatsBuy: Story = {
  args: { backendOptions: { entries: [HYPERION_DEARER] } },
  play: async ({ canvasElement }) => {
    const el = widgetIn(canvasElement);
    await enterAmountWithVenues(el, "10");
    const venue = textOf(el, '[part~=entry-option-buy][data-venue="hyperion"]');
    check(el, venue.startsWith("On Hyperion: 9.53588516 stkAPT"), "Hyperion's 10 APT buy, 9.53588516 stkAPT");
    check(el, /0\.35\s?% less than minting/.test(venue), "the verdict: 0.35 % less than minting");
    check(el, mintRadio(el)?.checked === true, "mint preselected");
  },
};
export const BuyVenueWithoutQuote: Story = {
  args: { backendOptions: { entries: [HYPERION_CHEAPER, THALA_NO_QUOTE] } },
  play: async ({ canvasElement }) => {
    const el = widgetIn(canvasElement);
    await enterAmountWithVenues(el, "10");
    // A venue without a quote this time has nothing to compare: it is left out, the others stay.
    check(el, !textOf(el, "[part~=entry-options]").includes("Thala"), "Thala left out");
    check(el, !venueRadio(el, "thala"), "no radio for Thala");
    check(el, venueRadio(el, "hyperion")?.disabled === false, "Hyperion selectable");
    check(el, mintRadio(el)?.checked === true && !mintRadio(el)?.disabled, "mint selected and selectable");
  },
};

// ------------------------------------------------------------------ amount problems

export const OverBalance: Story = {
  play: async ({ canvasElement }) => enterAmount(widgetIn(canvasElement), "5000", false),
};
export const TooManyDecimals: Story = {
  play: async ({ canvasElement }) => enterAmount(widgetIn(canvasElement), "1.123456789", false),
};
export const BelowMinimum: Story = {
  play: async ({ canvasElement }) => enterAmount(widgetIn(canvasElement), "0.01", false),
};
export const GasReserve: Story = {
  play: async ({ canvasElement }) => enterAmount(widgetIn(canvasElement), "50", false),
};

// ------------------------------------------------------------------ transaction flow

export const ReviewBeforeSigning: Story = {
  play: async ({ canvasElement }) => openReview(widgetIn(canvasElement)),
};
export const SimulationFailed: Story = {
  args: {
    backendOptions: {
      simulationError: {
        code: "move_abort",
        message: "gateway::E_SLIPPAGE",
        abort: { module: "gateway", name: "E_SLIPPAGE" },
      },
    },
  },
  play: async ({ canvasElement }) => openReview(widgetIn(canvasElement)),
};
export const QuoteWorsenedReconfirm: Story = {
  args: { backendOptions: { quoteTtlMs: 0, worsenBy: 2_000_000n } },
  play: async ({ canvasElement }) => {
    const el = widgetIn(canvasElement);
    await confirm(el);
    await until(el, (root) => !!root.querySelector("[data-code=quote_worsened]"), "re-confirm");
  },
};
export const PendingInWallet: Story = {
  args: { backendOptions: { stallAt: "sign" } },
  play: async ({ canvasElement }) => confirm(widgetIn(canvasElement)),
};
export const PendingOnChain: Story = {
  args: { backendOptions: { stallAt: "submitted" } },
  play: async ({ canvasElement }) => confirm(widgetIn(canvasElement)),
};
export const Success: Story = {
  play: async ({ canvasElement }) => {
    const el = widgetIn(canvasElement);
    await confirm(el);
    await until(el, (root) => !!root.querySelector("[part~=success]"), "success");
  },
};
/** Stake tab, Hyperion picked over minting, in review: the venue's swap, its route and fee, simulated. */
async function reviewBuy(el: ReturnType<typeof widgetIn>) {
  await enterAmountWithVenues(el, "10");
  await chooseVenue(el, "hyperion");
  await press(el, "review-button");
  await until(
    el,
    (root) => root.querySelector("[part~=simulation]")?.getAttribute("data-state") === "ok",
    "the buy's simulation",
  );
}
export const BuyReview: Story = {
  args: { backendOptions: { entries: [HYPERION_CHEAPER] } },
  play: async ({ canvasElement }) => {
    const el = widgetIn(canvasElement);
    await reviewBuy(el);
    const details = textOf(el, "[part~=review-details]");
    check(el, textOf(el, "[part~=entry-function]") === "0xdec0de::router::swap_exact_in", "the venue's swap");
    check(el, textOf(el, "[part~=review-route]") === "Hyperion", "Route: Hyperion");
    check(
      el,
      details.includes("Venue fee (included) 0.03 APT"),
      "the venue fee, 0.03 APT (30 bps of 10 APT)",
    );
    check(el, details.includes("You pay 10 APT"), "10 APT paid");
    check(el, details.includes("You receive 9.60956937 stkAPT"), "9.60956937 stkAPT received");
    check(el, details.includes("Minimum received 9.56152152 stkAPT"), "the minimum at 0.5 % slippage");
  },
};
export const BuyReceipt: Story = {
  args: { backendOptions: { entries: [HYPERION_CHEAPER] } },
  play: async ({ canvasElement }) => {
    const el = widgetIn(canvasElement);
    await reviewBuy(el);
    await press(el, "confirm-button");
    await until(el, (root) => !!root.querySelector("[part~=success]"), "the receipt");
    const receipt = textOf(el, "[part~=success]");
    check(el, receipt.includes("Bought"), "the receipt title Bought");
    check(el, receipt.includes("You received 9.60956937 stkAPT"), "the amount bought");
  },
};
export const Claimable: Story = {
  args: { defaultTab: "withdrawals", backendOptions: { position: { tickets: sampleTickets(now()) } } },
  play: shows("[part~=ticket-ready]"),
};

// ------------------------------------------------------------------ every error code

const errorStory = (code: string, where: "submit" | "getProtocol" = "submit"): Story => {
  const error: KofiErrorLike = { code, message: `${code} (story)` };
  return {
    args: { backendOptions: { fail: { [where]: error } } },
    ...(where === "submit"
      ? {
          play: async ({ canvasElement }) => {
            const el = widgetIn(canvasElement);
            await confirm(el);
            await until(el, (root) => !!root.querySelector("[part~=error]"), "the error");
          },
        }
      : { play: shows("[part~=error]") }),
  };
};
export const ErrorUserRejected = errorStory("user_rejected");
export const ErrorWalletThrewAString: Story = {
  args: { backendOptions: { fail: { submit: "User rejected the request." } } },
  play: ErrorUserRejected.play,
};
export const ErrorInsufficientBalance = errorStory("insufficient_balance");
export const ErrorInsufficientGas = errorStory("insufficient_gas");
export const ErrorMoveAbort = errorStory("move_abort");
export const ErrorPaused = errorStory("paused");
export const ErrorSlippage = errorStory("slippage");
export const ErrorSimulationFailed = errorStory("simulation_failed");
export const ErrorTimeout = errorStory("timeout");
export const ErrorNetworkOnSubmit = errorStory("network");
export const ErrorInvalidAmount = errorStory("invalid_amount");
export const ErrorSequenceNumber = errorStory("sequence_number");
export const ErrorUnknown = errorStory("unknown");
export const ErrorQuoteExpired = errorStory("quote_expired");
export const ErrorNotAllowed = errorStory("not_allowed");
export const ErrorNotConnected = errorStory("not_connected");
export const ErrorInvalidAddress = errorStory("invalid_address");
export const ErrorWrongNetworkOnSubmit = errorStory("wrong_network");
export const ErrorNoBackend: Story = { args: { noBackend: true }, play: shows("[part~=error]") };
export const ErrorNodeUnreachable = errorStory("network", "getProtocol");
export const ErrorInvalidConfig = errorStory("invalid_config", "getProtocol");
export const ErrorVetoedByHost: Story = {
  render: (args, ctx) => {
    const tpl = meta.render?.(args, ctx);
    queueMicrotask(() => {
      const el = ctx.canvasElement.querySelector("kofi-stake");
      if (el) el.beforeSubmit = () => false;
    });
    return tpl as ReturnType<NonNullable<typeof meta.render>>;
  },
  play: ErrorUserRejected.play,
};

// ------------------------------------------------------------------ protocol and network states

export const Paused: Story = {
  args: {
    backendOptions: { protocol: { paused: { deposit: true, stake: true, unstake: true, withdraw: true } } },
  },
  play: async ({ canvasElement }) => enterAmount(widgetIn(canvasElement), "10", false),
};
export const WrongNetwork: Story = {
  args: { backendOptions: { account: { address: "0xa11ce", network: "mainnet" } } },
  play: shows("[data-code=wrong_network]"),
};
export const AprUnknown: Story = {
  args: { defaultTab: "position", backendOptions: { protocol: { ...DEFAULT_PROTOCOL, aprBps: null } } },
  play: shows("[part~=protocol]"),
};

// ------------------------------------------------------------------ themes, locales, sizes

export const Dark: Story = {
  args: { theme: "dark" },
  parameters: { backgrounds: { default: "dark" } },
  play: async ({ canvasElement }) => enterAmount(widgetIn(canvasElement), "10"),
};
export const CustomTokens: Story = {
  args: { accent: "#0a7d5a", radius: "2px" },
  play: shows("[part~=account]"),
};
export const RightToLeftArabic: Story = {
  args: { locale: "ar", defaultTab: "unstake" },
  play: async ({ canvasElement }) => enterAmount(widgetIn(canvasElement), "10"),
};
export const ArabicIndicDigits: Story = {
  args: { locale: "ar-EG", defaultTab: "position" },
  play: shows("[part~=protocol]"),
};
export const French: Story = {
  args: { locale: "fr" },
  play: async ({ canvasElement }) => enterAmount(widgetIn(canvasElement), "10,5"),
};
export const Narrow320: Story = {
  args: { width: "320px", defaultTab: "unstake" },
  play: async ({ canvasElement }) => enterAmount(widgetIn(canvasElement), "10"),
};
