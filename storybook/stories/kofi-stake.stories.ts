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
  sampleTickets,
} from "../../packages/widget/src/testing/index.ts";
import { confirm, enterAmount, openReview, shows, until, widgetIn } from "./helpers.ts";

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
