// What each chart of the site shows, as data for BarChart: a report's budget,
// a department's years, a year's departments. Amounts of reports in different
// units are compared in 万元, but every bar is labelled as published.
import { barChart, type BarChartData } from './charts.ts';
import { keyFigure } from './key-figures.ts';
import { inWanYuan } from '../figures/money.ts';
import type { Report } from '../schema/report.ts';

const BUDGET_KEYS = [
  'budget.initial',
  'budget.total',
  'budget.final',
  'budget.basic',
  'budget.project',
  'budget.evaluated',
] as const;

/** One report: 年初预算批复数 … 绩效自评金额, one bar each. */
export function budgetChart(report: Report): BarChartData {
  return barChart(
    BUDGET_KEYS.filter((k) => k !== 'budget.evaluated' || report.budget.evaluated !== undefined).map((k) => {
      const f = keyFigure(report, k);
      return { label: f.label, bars: [{ series: '金额', value: f.value, text: f.shown }] };
    }),
  );
}

function comparable(report: Report, key: string) {
  const f = keyFigure(report, key);
  return { series: f.label, value: f.value === null ? null : inWanYuan(f.value, report.budget.unit), text: f.shown };
}

/** Several reports (a department over the years, or a year's departments): 全年预算数 and 年终决算数. */
export function budgetComparison(reports: readonly { label: string; report: Report }[]): BarChartData {
  return barChart(
    reports.map(({ label, report }) => ({
      label,
      bars: [comparable(report, 'budget.total'), comparable(report, 'budget.final')],
    })),
  );
}
