// The 绩效指标 table: what was targeted, what was done, the completion rate
// (as published, or computed and marked so) and whether the target was met.
import { compare, percent, trimZeros } from '../lib/decimal.ts';
import type { Indicator } from '../schema/report.ts';

export interface IndicatorRow {
  name: string;
  unit: string;
  target: string | undefined;
  /** The completed value as published, "600余" for a round figure given as such. */
  actual: string;
  actualValue: string;
  rate: { value: string; computed: boolean } | undefined;
  /** undefined when there is no target to compare with. */
  met: boolean | undefined;
  growth: string | undefined;
  note: string | undefined;
}

export function indicatorRow(ind: Indicator): IndicatorRow {
  let rate: IndicatorRow['rate'];
  if (ind.rate !== undefined) rate = { value: ind.rate, computed: false };
  else if (ind.target !== undefined) {
    const computed = percent(ind.actual, ind.target, 2);
    if (computed !== null) rate = { value: trimZeros(computed), computed: true };
  }
  return {
    name: ind.name,
    unit: ind.unit,
    target: ind.target,
    actual: ind.approx ? `${ind.actual}余` : ind.actual,
    actualValue: ind.actual,
    rate,
    met: ind.target === undefined ? undefined : compare(ind.actual, ind.target) >= 0,
    growth: ind.growth,
    note: ind.note,
  };
}
