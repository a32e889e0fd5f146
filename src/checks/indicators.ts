// 绩效指标: stated completion rates and shortfalls.
import { compare } from '../lib/decimal.ts';
import { figureText } from '../figures/figure.ts';
import { checkRate } from './sums.ts';
import type { Hit, ReportRule } from './types.ts';

export const indicatorRate: ReportRule = {
  id: 'indicator.rate',
  severity: 'error',
  title: '指标完成率 = 完成值 ÷ 目标值',
  reads: ['indicators.*.rate', 'indicators.*.actual', 'indicators.*.target'],
  check({ data }) {
    return data.indicators.flatMap((raw, i): Hit[] => {
      if (raw.rate === undefined || raw.rate === null || raw.actual === null || raw.target === null) return [];
      const ind = { ...raw, rate: raw.rate, actual: raw.actual, target: raw.target };
      if (ind.target === undefined) {
        return [
          {
            at: { key: ['indicators', i, 'rate'] },
            message: `指标“${ind.name}”写了完成率 ${figureText(ind.rate, '%')}，但没有目标值，无法核对`,
            hint: '请填写 target（目标值/任务数）。',
            excerpt: ind.name,
          },
        ];
      }
      const r = checkRate(ind.rate, ind.actual, ind.target);
      if (r.ok) return [];
      return [
        {
          at: { key: ['indicators', i, 'rate'] },
          message: `指标“${ind.name}”完成率写的是 ${figureText(ind.rate, '%')}，按完成 ${figureText(ind.actual, ind.unit)} ÷ 目标 ${figureText(ind.target, ind.unit)} 计算应为 ${r.computed === null ? '（目标为 0，无法计算）' : figureText(r.computed, '%')}`,
          excerpt: ind.name,
        },
      ];
    });
  },
};

/** The section where shortfalls must be explained: 存在的问题及改进措施. */
const PROBLEMS_SECTION = /问题/;

export const indicatorShortfall: ReportRule = {
  id: 'indicator.shortfall-unexplained',
  severity: 'error',
  title: '未完成目标的指标须在“存在的问题及改进措施”中说明',
  reads: ['indicators.*.actual', 'indicators.*.target'],
  check({ data, prose }) {
    const problems = prose
      .filter((b) => b.section.some((title) => PROBLEMS_SECTION.test(title)))
      .map((b) => b.text)
      .join('\n');
    return data.indicators.flatMap((ind, i): Hit[] => {
      if (ind.target === undefined || ind.target === null || ind.actual === null) return [];
      if (compare(ind.actual, ind.target) >= 0) return [];
      if (problems.includes(ind.name)) return [];
      return [
        {
          at: { key: ['indicators', i, 'actual'] },
          message: `指标“${ind.name}”完成 ${figureText(ind.actual, ind.unit)}，未达到目标 ${figureText(ind.target, ind.unit)}，但“存在的问题及改进措施”部分没有提到它`,
          hint: `请在该部分写明“${ind.name}”未完成的原因和改进措施。`,
          excerpt: ind.name,
        },
      ];
    });
  },
};
