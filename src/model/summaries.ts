// Totals over several reports (a year, a department): counts, amounts
// converted to 万元 (reports may use 元 or 亿元), average score. Exact decimals.
import { inWanYuan } from '../figures/money.ts';
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
  /** 年终决算数 summed, in 万元. */
  final: string;
  /** Mean 自评得分, rounded to two places and written like a published score ("98", "87.5"); undefined without reports. */
  averageScore: string | undefined;
}

export function totals(reports: readonly Report[]): Totals {
  return {
    reports: reports.length,
    final: moneyScale(sum(reports.map((r) => inWanYuan(r.budget.final, r.budget.unit)))),
    averageScore: mapDefined(divide(sum(reports.map((r) => r.score)), String(reports.length), 2), trimZeros),
  };
}

const mapDefined = <T, U>(value: T | null | undefined, f: (v: T) => U): U | undefined =>
  value === null || value === undefined ? undefined : f(value);
