// Shared arithmetic for the figure rules: totals checked against the sum of
// their published parts, allowing only what rounding can cause, and rates
// recomputed at the precision they were stated with.
import { abs, compare, percent, scaleOf, subtract, sum, ulp, multiply } from '../lib/decimal.ts';

export interface SumCheck {
  sum: string;
  difference: string;
  ok: boolean;
}

export function checkSum(parts: readonly string[], total: string): SumCheck {
  const s = sum(parts);
  const difference = subtract(s, total);
  const scale = Math.max(scaleOf(total), ...parts.map(scaleOf));
  // Each published part and the total are rounded to the last place (error ≤ ½ unit
  // each), so Σ parts may miss the total by at most ⌊(n + 1) / 2⌋ units: one unit
  // for two parts (434.16 + 0.55 against 434.72), and no more.
  const slack = multiply(ulp(scale), Math.floor((parts.length + 1) / 2));
  return { sum: s, difference, ok: compare(abs(difference), scale === 0 ? '0' : slack) <= 0 };
}

/** Is `stated` (in %) what numerator/denominator gives at the stated precision? */
export function checkRate(
  stated: string,
  numerator: string,
  denominator: string,
): { computed: string | null; ok: boolean } {
  const scale = scaleOf(stated);
  const computed = percent(numerator, denominator, scale);
  if (computed === null) return { computed, ok: false };
  // A published rate may have been rounded or cut off: accept either.
  const truncated = percent(numerator, denominator, scale, 'down');
  return { computed, ok: compare(stated, computed) === 0 || (truncated !== null && compare(stated, truncated) === 0) };
}
