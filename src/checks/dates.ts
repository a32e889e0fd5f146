// 成文日期: a self-evaluation of a year can only be written after that year.
import type { ReportRule } from './types.ts';

export const issuedAfterYear: ReportRule = {
  id: 'report.issued-after-year',
  severity: 'error',
  title: '成文日期在预算年度结束之后',
  reads: ['issued'],
  check({ data: { issued, year } }) {
    if (issued === null || Number(issued.slice(0, 4)) > year) return [];
    return [
      {
        at: { key: ['issued'] },
        message: `成文日期 ${issued} 不在 ${year} 年度结束之后：年度自评报告应在次年写成`,
        hint: `请核对成文日期（通常为 ${year + 1} 年）或预算年度。`,
        excerpt: issued,
      },
    ];
  },
};
