// Exact decimal arithmetic on the canonical decimal strings the model stores
// ("825.75", "100", "-1.5"). Amounts are never held as floats: 520.97 + 304.78
// is 825.75 here, not 825.7500000000001.
import Big from 'big.js';

Big.DP = 20;

const CANONICAL = /^-?\d+(?:\.\d+)?$/;

export function isCanonicalDecimal(text: string): boolean {
  return CANONICAL.test(text);
}

/** Number of digits after the decimal point as written ("101.25" → 2, "100" → 0). */
export function scaleOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function big(text: string): Big {
  if (!CANONICAL.test(text)) throw new Error(`not a canonical decimal: ${JSON.stringify(text)}`);
  return new Big(text);
}

/** Sum at the largest scale of the addends: sum(["520.97", "304.78"]) === "825.75". */
export function sum(values: readonly string[]): string {
  const scale = Math.max(0, ...values.map(scaleOf));
  return values.reduce((acc, v) => acc.plus(big(v)), new Big(0)).toFixed(scale);
}

export function subtract(a: string, b: string): string {
  return big(a)
    .minus(big(b))
    .toFixed(Math.max(scaleOf(a), scaleOf(b)));
}

export function compare(a: string, b: string): -1 | 0 | 1 {
  return big(a).cmp(big(b));
}

export function equals(a: string, b: string): boolean {
  return compare(a, b) === 0;
}

export function abs(a: string): string {
  return a.startsWith('-') ? a.slice(1) : a;
}

/** One unit in the last place of the given scale: 2 → "0.01". */
export function ulp(scale: number): string {
  return scale === 0 ? '1' : `0.${'0'.repeat(scale - 1)}1`;
}

export function multiply(a: string, n: number): string {
  return big(a).times(n).toFixed(scaleOf(a));
}

export type Rounding = 'half-up' | 'down';

/**
 * numerator / denominator × 100, at the given scale. Returns null when the
 * denominator is zero (a rate of nothing is undefined, not 0 or ∞).
 */
export function percent(
  numerator: string,
  denominator: string,
  scale: number,
  rounding: Rounding = 'half-up',
): string | null {
  const d = big(denominator);
  if (d.eq(0)) return null;
  const q = big(numerator).times(100).div(d);
  return q.round(scale, rounding === 'half-up' ? Big.roundHalfUp : Big.roundDown).toFixed(scale);
}

/** Rendered with its sign: "+0.25", "-1.00", "0". */
export function signed(text: string): string {
  return text.startsWith('-') || /^0(?:\.0+)?$/.test(text) ? text : `+${text}`;
}

/** Moves the decimal point: shift("1102.8", -4) is "0.11028" (万元 → 亿元 style unit changes). */
export function shift(text: string, places: number): string {
  const shifted = big(text).times(new Big(10).pow(places));
  return shifted.toFixed(Math.max(0, scaleOf(text) - places));
}

/** a / b at the given scale, rounded half up; null when b is zero. Averages: divide("295", "3", 2) is "98.33". */
export function divide(a: string, b: string, scale: number): string | null {
  const d = big(b);
  if (d.eq(0)) return null;
  return big(a).div(d).round(scale, Big.roundHalfUp).toFixed(scale);
}

/** Drops trailing zeros after the point: "100.00" → "100", "101.50" → "101.5". For computed values only. */
export function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Rounded half up to `scale` places: roundTo("97.65", 1) is "97.7"; roundTo("98", 1) is "98.0". */
export function roundTo(text: string, scale: number): string {
  return big(text).round(scale, Big.roundHalfUp).toFixed(scale);
}
