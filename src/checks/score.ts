// 自评得分 and its grade (财预〔2020〕10号 bands).
import { compare } from '../lib/decimal.ts';
import { GRADE_BANDS, gradeFor } from '../lib/grade.ts';
import type { ReportRule } from './types.ts';

export const scoreRange: ReportRule = {
  id: 'score.range',
  severity: 'error',
  title: '自评得分在 0—100 分之间',
  reads: ['score'],
  check({ data: { score } }) {
    if (score === null || compare(score, '100') <= 0) return [];
    return [
      {
        at: { key: ['score'] },
        message: `自评得分 ${score} 分超过满分 100 分`,
        hint: '请核对得分。',
        excerpt: score,
      },
    ];
  },
};

export const scoreGrade: ReportRule = {
  id: 'score.grade',
  severity: 'error',
  title: '自评等级与得分的分档一致',
  reads: ['score'],
  check({ data: { score, grade } }) {
    if (grade === undefined || score === null || compare(score, '100') > 0) return [];
    const expected = gradeFor(score);
    if (grade === expected) return [];
    const band = GRADE_BANDS.find((b) => b.grade === expected);
    return [
      {
        at: { key: ['grade'] },
        message: `自评得分 ${score} 分对应的等级是“${expected}”（${band?.label ?? ''}），不是“${grade}”`,
        hint: '分档：90 分及以上为优，80—89 分为良，60—79 分为中，60 分以下为差。',
        excerpt: grade,
      },
    ];
  },
};
