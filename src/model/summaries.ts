// Totals over several reports (a year, a department): counts, amounts
// converted to 万元 (reports may use 元 or 亿元), average score. Exact decimals.
// A report whose original does not state the figure (原文未载) is left out, and
// the total says how many reports it covers (“12 份报告中 10 份载明”).
import { inWanYuan } from '../figures/money.ts';
import { coverageText } from '../figures/not-stated.ts';
import { divide, sum, trimZeros } from '../lib/decimal.ts';
import type { Report } from '../schema/report.ts';

/** A computed amount at two places, or more when the exact value needs them (元 → 万元 gives six). */
export function moneyScale(text: string): string {
  const [int, frac = ''] = text.split('.');
  const kept = frac.replace(/0+$/, '').padEnd(2, '0');
  return `${int}.${kept}`;
}

export interface Totals {
  reports: number;
  /** 年终决算数 summed over the reports that state it, in 万元; undefined when none does. */
  final: string | undefined;
  /** Mean 自评得分 of the reports that state one, rounded to two places and written like a published score ("98", "87.5"); undefined when none does. */
  averageScore: string | undefined;
  /** “12 份报告中 10 份载明” when not every report states it; undefined when all do. */
  finalCoverage: string | undefined;
  scoreCoverage: string | undefined;
}

export function totals(reports: readonly Report[]): Totals {
  const finals = reports.flatMap((r) => (r.budget.final === null ? [] : [inWanYuan(r.budget.final, r.budget.unit)]));
  const scores = reports.flatMap((r) => (r.score === null ? [] : [r.score]));
  return {
    reports: reports.length,
    final: finals.length ? moneyScale(sum(finals)) : undefined,
    averageScore: mapDefined(divide(sum(scores), String(scores.length), 2), trimZeros),
    finalCoverage: coverageText(finals.length, reports.length),
    scoreCoverage: coverageText(scores.length, reports.length),
  };
}

const mapDefined = <T, U>(value: T | null | undefined, f: (v: T) => U): U | undefined =>
  value === null || value === undefined ? undefined : f(value);
