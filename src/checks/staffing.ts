// 编制: more staff than authorised posts is possible, but worth a second look.
import type { ReportRule } from './types.ts';

export const staffingOver: ReportRule = {
  id: 'staffing.over-authorized',
  severity: 'warning',
  title: '年末实有人数不超过编制人数',
  reads: ['staffing.actual', 'staffing.authorized'],
  check({ data: { staffing } }) {
    if (staffing.actual === null || staffing.authorized === null) return [];
    if (Number(staffing.actual) <= Number(staffing.authorized)) return [];
    return [
      {
        at: { key: ['staffing', 'actual'] },
        message: `年末实有人数 ${staffing.actual} 人多于编制人数 ${staffing.authorized} 人`,
        hint: '请核对两个数；若确属超编（如含借调人员），可在 acknowledged 中说明。',
        excerpt: `${staffing.actual} > ${staffing.authorized}`,
      },
    ];
  },
};
