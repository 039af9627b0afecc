import type { Quote } from "../core/quote.ts";

/**
 * Host-set protection against bad pools. Each threshold in bps; a quote at or above a `block*` threshold is
 * blocked (listed, never recommended), at or above a `warn*` threshold it carries a warning.
 */
export interface QuoteGuard {
  warnDiscountBps?: bigint;
  blockDiscountBps?: bigint;
  warnPriceImpactBps?: bigint;
  blockPriceImpactBps?: bigint;
}

export const DEFAULT_GUARD: Required<QuoteGuard> = {
  warnDiscountBps: 100n,
  blockDiscountBps: 500n,
  warnPriceImpactBps: 100n,
  blockPriceImpactBps: 300n,
};

export interface GuardVerdict {
  level: "ok" | "warn" | "block";
  reasons: string[];
}

export function checkQuote(
  q: Pick<Quote, "discountToFairBps" | "priceImpactBps">,
  guard: QuoteGuard = {},
): GuardVerdict {
  const g = { ...DEFAULT_GUARD, ...guard };
  const reasons: string[] = [];
  let level: GuardVerdict["level"] = "ok";
  const bump = (l: "warn" | "block", why: string) => {
    reasons.push(why);
    if (l === "block" || level === "ok") level = l;
  };
  const d = q.discountToFairBps;
  if (d !== undefined) {
    if (d >= g.blockDiscountBps)
      bump("block", `discount to fair value ${d} bps >= block threshold ${g.blockDiscountBps} bps`);
    else if (d >= g.warnDiscountBps)
      bump("warn", `discount to fair value ${d} bps >= warn threshold ${g.warnDiscountBps} bps`);
  }
  const i = q.priceImpactBps;
  if (i >= g.blockPriceImpactBps)
    bump("block", `price impact ${i} bps >= block threshold ${g.blockPriceImpactBps} bps`);
  else if (i >= g.warnPriceImpactBps)
    bump("warn", `price impact ${i} bps >= warn threshold ${g.warnPriceImpactBps} bps`);
  return { level, reasons };
}
