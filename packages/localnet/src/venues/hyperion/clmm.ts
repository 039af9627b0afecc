/**
 * Concentrated-liquidity swap math (Uniswap v3 style, as Hyperion's `pool_v3` uses: sqrt price in Q64.64,
 * fee rate in millionths, the whole input consumed, fee = input - input used by the price move). All
 * bigint, every rounding as in the reference `SqrtPriceMath` / `SwapMath` (price moves rounded against the
 * trader, outputs rounded down). The localnet pools hold one full-range position, so a swap never crosses
 * an initialised tick; the step below is exact for that case.
 */
export const Q64 = 1n << 64n;
/** Hyperion's min/max sqrt prices (tick_math::min_sqrt_price / max_sqrt_price as integrators use them). */
export const MIN_SQRT_PRICE = 4295048016n;
export const MAX_SQRT_PRICE = 79226673515401279992447579055n;
export const FEE_RATE_DENOMINATOR = 1_000_000n;

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

/** Next sqrt price after adding `amount` of token A (price falls), rounded up. */
export function nextSqrtPriceFromA(sqrtP: bigint, liquidity: bigint, amount: bigint): bigint {
  if (amount === 0n) return sqrtP;
  const n1 = liquidity << 64n;
  return ceilDiv(n1 * sqrtP, n1 + amount * sqrtP);
}

/** Next sqrt price after adding `amount` of token B (price rises), rounded down. */
export function nextSqrtPriceFromB(sqrtP: bigint, liquidity: bigint, amount: bigint): bigint {
  return sqrtP + (amount << 64n) / liquidity;
}

/** Token A between two sqrt prices for `liquidity`. */
export function deltaA(sqrtLo: bigint, sqrtHi: bigint, liquidity: bigint, roundUp: boolean): bigint {
  const [a, b] = sqrtLo <= sqrtHi ? [sqrtLo, sqrtHi] : [sqrtHi, sqrtLo];
  const n1 = liquidity << 64n;
  const n2 = b - a;
  return roundUp ? ceilDiv(ceilDiv(n1 * n2, b), a) : (n1 * n2) / b / a;
}

/** Token B between two sqrt prices for `liquidity`. */
export function deltaB(sqrtLo: bigint, sqrtHi: bigint, liquidity: bigint, roundUp: boolean): bigint {
  const [a, b] = sqrtLo <= sqrtHi ? [sqrtLo, sqrtHi] : [sqrtHi, sqrtLo];
  return roundUp ? ceilDiv(liquidity * (b - a), Q64) : (liquidity * (b - a)) / Q64;
}

export interface SwapStep {
  amountIn: bigint;
  amountOut: bigint;
  feeAmount: bigint;
  sqrtPriceAfter: bigint;
}

/** Exact-input swap inside one liquidity range. `aToB`: token A in, token B out. */
export function swapExactIn(
  sqrtP: bigint,
  liquidity: bigint,
  feeRate: bigint,
  amountIn: bigint,
  aToB: boolean,
): SwapStep {
  if (liquidity === 0n || amountIn === 0n) {
    return { amountIn, amountOut: 0n, feeAmount: amountIn, sqrtPriceAfter: sqrtP };
  }
  const lessFee = (amountIn * (FEE_RATE_DENOMINATOR - feeRate)) / FEE_RATE_DENOMINATOR;
  const next = aToB
    ? nextSqrtPriceFromA(sqrtP, liquidity, lessFee)
    : nextSqrtPriceFromB(sqrtP, liquidity, lessFee);
  if (aToB ? next < MIN_SQRT_PRICE : next > MAX_SQRT_PRICE) {
    throw new RangeError("swap would move the price out of range");
  }
  const used = aToB ? deltaA(next, sqrtP, liquidity, true) : deltaB(sqrtP, next, liquidity, true);
  const out = aToB ? deltaB(next, sqrtP, liquidity, false) : deltaA(sqrtP, next, liquidity, false);
  return { amountIn, amountOut: out, feeAmount: amountIn - used, sqrtPriceAfter: next };
}

/** Integer square root (floor), Newton's method. */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError("isqrt of a negative number");
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) >> 1n;
  while (y < x) {
    x = y;
    y = (x + n / x) >> 1n;
  }
  return x;
}

/** sqrt(priceNum / priceDen) in Q64.64, floor: the pool price is token B per token A. */
export function sqrtPriceX64(priceNum: bigint, priceDen: bigint): bigint {
  return isqrt((priceNum << 128n) / priceDen);
}

/**
 * The tick of a sqrt price, for display only (`current_tick_and_price` returns it as the u32 bits of an
 * i32). Computed with floats: it never enters a money path; every amount uses the sqrt price.
 */
export function tickOf(sqrtP: bigint): bigint {
  const ratio = (Number(sqrtP) / 2 ** 64) ** 2;
  const t = Math.floor(Math.log(ratio) / Math.log(1.0001));
  return BigInt(t < 0 ? 2 ** 32 + t : t);
}
