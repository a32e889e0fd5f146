// Bar charts as data: groups of bars whose lengths are exact shares of the
// largest value (decimal strings, "44.37" meaning 44.37 %), so the SVG needs
// no arithmetic and never shows float noise.
import { compare, percent } from '../lib/decimal.ts';

export interface BarInput {
  /** Which series the bar belongs to (its colour and legend entry), e.g. "决算". */
  series: string;
  /** null for a figure the original does not state: no bar, the text says 原文未写. */
  value: string | null;
  /** The value with its unit as the chart prints it (“520.97万元（计算）”, “原文未写”). */
  text: string;
}

export interface BarGroupInput {
  label: string;
  bars: BarInput[];
}

export interface Bar extends BarInput {
  /** Index of the series, for the colour class. */
  seriesIndex: number;
  /** Length as a percentage of the chart width, 0–100. */
  share: string;
}

export interface BarGroup {
  label: string;
  bars: Bar[];
}

export interface BarChartData {
  series: string[];
  groups: BarGroup[];
}

export function barChart(groups: readonly BarGroupInput[]): BarChartData {
  const all = groups.flatMap((g) => g.bars);
  const max = all.reduce((m, b) => (b.value !== null && compare(b.value, m) > 0 ? b.value : m), '0');
  const series = [...new Set(all.map((b) => b.series))];
  return {
    series,
    groups: groups.map((g) => ({
      label: g.label,
      bars: g.bars.map((b) => ({
        ...b,
        seriesIndex: series.indexOf(b.series),
        share: (b.value !== null && percent(b.value, max, 2)) || '0',
      })),
    })),
  };
}
