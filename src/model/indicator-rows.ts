// The 绩效指标 table: what was targeted, what was done, the completion rate
// (as published, or computed and marked so) and whether the target was met.
// Every value is written by src/figures/ (原文未写 for 原文未载).
import { shownFigure } from '../figures/derived.ts';
import { figureText } from '../figures/figure.ts';
import { compare } from '../lib/decimal.ts';
import type { Indicator, Report } from '../schema/report.ts';

export interface IndicatorValue {
  /** The decimal, or null when the original does not state it. */
  value: string | null;
  /** "81家", "600余册", "原文未写". */
  text: string;
}

export interface IndicatorRow {
  name: string;
  unit: string;
  target: IndicatorValue | undefined;
  actual: IndicatorValue;
  /** As published, or computed from 完成值 ÷ 目标值 (computed: true). */
  rate: (IndicatorValue & { computed: boolean }) | undefined;
  /** undefined when there is no stated target (or value) to compare with. */
  met: boolean | undefined;
  growth: IndicatorValue | undefined;
  note: string | undefined;
}

const valueOf = (value: string | null | undefined, unit: string, approx = false): IndicatorValue | undefined =>
  value === undefined ? undefined : { value, text: figureText(value, unit, { approx }) };

export function indicatorRow(ind: Indicator): IndicatorRow {
  const rate = shownFigure({ indicators: [ind] } as unknown as Report, ['indicators', 0, 'rate']);
  return {
    name: ind.name,
    unit: ind.unit,
    target: valueOf(ind.target, ind.unit),
    actual: valueOf(ind.actual, ind.unit, ind.approx) as IndicatorValue,
    rate: rate && { value: rate.value, text: rate.text, computed: rate.source === 'derived' },
    met:
      ind.target === undefined || ind.target === null || ind.actual === null
        ? undefined
        : compare(ind.actual, ind.target) >= 0,
    growth: valueOf(ind.growth, '%'),
    note: ind.note,
  };
}
