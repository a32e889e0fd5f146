// 部门整体支出绩效自评得分表 (score_sheet): the weights make 100, no row scores
// more than its weight, the scores add up to the report's 自评得分, and an
// indicator that missed its target does not quietly keep full marks
// (政府采购执行率 72.74% against 100%, 满分).
import { figureText } from '../figures/figure.ts';
import { fixedUnit } from '../figures/registry.ts';
import { allStated } from '../figures/not-stated.ts';
import { compare, equals, roundTo, scaleOf, sum } from '../lib/decimal.ts';
import { normaliseNumberText } from '../lib/numbers.ts';
import type { ScoreSheetRow } from '../schema/report.ts';
import { bodyIndex } from './mdx-safety.ts';
import type { Hit, ReportRule } from './types.ts';

const points = (value: string) => figureText(value, fixedUnit('score_sheet.*.score'));
const rowName = (row: ScoreSheetRow) => [row.level2, row.name].filter(Boolean).join('·');

export const scoreSheetWeightSum: ReportRule = {
  id: 'score-sheet.weight-sum',
  severity: 'error',
  title: '自评得分表各项分值之和 = 100 分',
  reads: ['score_sheet.*.weight'],
  check({ data }) {
    const rows = data.score_sheet;
    const weights = allStated(...rows.map((r) => r.weight));
    if (!rows.length || !weights) return [];
    const total = sum(weights);
    if (equals(total, '100')) return [];
    return [
      {
        at: { key: ['score_sheet'] },
        message: `自评得分表 ${rows.length} 项的分值之和为 ${points(total)}，不等于满分 ${points('100')}`,
        hint: '请对照原表核对每一项的分值，是否漏录或多录了一行；若原文如此，在 acknowledged 中说明。',
        excerpt: `Σ分值 ${total} ≠ 100`,
      },
    ];
  },
};

export const scoreSheetRowRange: ReportRule = {
  id: 'score-sheet.row-range',
  severity: 'error',
  title: '自评得分表每一项的得分在 0 与该项分值之间',
  reads: ['score_sheet.*.weight', 'score_sheet.*.score'],
  check({ data }) {
    return data.score_sheet.flatMap((row, i): Hit[] => {
      const stated = allStated(row.score, row.weight);
      if (!stated || compare(stated[0], stated[1]) <= 0) return [];
      const [score, weight] = stated;
      return [
        {
          at: { key: ['score_sheet', i, 'score'] },
          message: `“${rowName(row)}”得分 ${points(score)}，超过该项分值 ${points(weight)}`,
          hint: '得分不能超过分值。请核对这一行；若原文如此，在 acknowledged 中说明。',
          excerpt: `${row.name} ${score} > ${weight}`,
        },
      ];
    });
  },
};

export const scoreSheetScoreSum: ReportRule = {
  id: 'score-sheet.score-sum',
  severity: 'error',
  title: '自评得分表各项得分之和 = 自评得分（按自评得分的小数位数）',
  reads: ['score_sheet.*.score', 'score'],
  check({ data }) {
    const rows = data.score_sheet;
    const scores = allStated(...rows.map((r) => r.score));
    if (!rows.length || !scores || data.score === null) return [];
    const total = sum(scores);
    if (equals(roundTo(total, scaleOf(data.score)), data.score)) return [];
    return [
      {
        at: { key: ['score'] },
        message: `自评得分表 ${rows.length} 项的得分之和为 ${points(total)}，与自评得分 ${points(data.score)} 不一致`,
        hint: '请核对得分表各行的得分和报告的自评得分；若原文如此，在 acknowledged 中说明。',
        excerpt: `Σ得分 ${total} ≠ ${data.score}`,
      },
    ];
  },
};

interface Target {
  /** At least (≥ 95%) or at most (≤ 5%). */
  direction: 'min' | 'max';
  value: string;
  unit: string;
}

const NUMBER_WITH_UNIT = /^([0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)\s*(%|％|[\u4e00-\u9fff]{0,3})$/;

/** “≥95%”, “100%”, “不低于90%”, “≤5%”, “10家” → a number to reach (or not to exceed); undefined for words. */
export function parseTarget(text: string): Target | undefined {
  const t = text.replace(/\s+/g, '');
  const max = /^(?:≤|<=|＜=|<|＜|不高于|不超过|低于|控制在)/.exec(t);
  const min = /^(?:≥|>=|＞=|>|＞|=|＝|不低于|不少于|达到|大于等于|完成)/.exec(t);
  const rest = t.slice((max ?? min)?.[0].length ?? 0).replace(/以[上下内]$/, '');
  const m = NUMBER_WITH_UNIT.exec(rest);
  const value = m ? normaliseNumberText(m[1] ?? '') : null;
  if (!m || value === null) return undefined;
  return { direction: max ? 'max' : 'min', value, unit: (m[2] ?? '').replace('％', '%') };
}

export const scoreSheetFullMarksShort: ReportRule = {
  id: 'score-sheet.full-marks-short',
  severity: 'warning',
  title: '未达到年度指标值的指标没有得满分',
  reads: ['score_sheet.*.weight', 'score_sheet.*.score'],
  check({ data }) {
    return data.score_sheet.flatMap((row, i): Hit[] => {
      const stated = allStated(row.score, row.weight);
      if (!stated || !equals(stated[0], stated[1]) || !row.target || !row.actual) return [];
      const target = parseTarget(row.target);
      const actual = parseTarget(row.actual);
      if (!target || !actual || actual.unit !== target.unit) return [];
      const c = compare(actual.value, target.value);
      const missed = target.direction === 'min' ? c < 0 : c > 0;
      if (!missed) return [];
      return [
        {
          at: { key: ['score_sheet', i, 'score'] },
          message: `“${rowName(row)}”实际完成值 ${row.actual} 未达到年度指标值 ${row.target}，却得了满分 ${points(stated[1])}`,
          hint: '请核对这一项的得分，或在偏差原因（note）中说明为何不扣分；若原文如此，在 acknowledged 中说明。',
          excerpt: `${row.name}：${row.actual} / ${row.target}`,
        },
      ];
    });
  },
};

export const scoreSheetPlacement: ReportRule = {
  id: 'score-sheet.placement',
  severity: 'error',
  title: '填写了自评得分表（score_sheet）的报告，正文中有一处 <ScoreSheet />，反之亦然',
  check({ data, body }) {
    const tags = bodyIndex(body).jsx.filter((n) => n.name === 'ScoreSheet');
    const has = data.score_sheet.length > 0;
    if (has && tags.length === 0)
      return [
        {
          at: { key: ['score_sheet'] },
          message: `填写了自评得分表（${data.score_sheet.length} 行），但正文中没有 <ScoreSheet />，得分表不会显示`,
          hint: '在正文中原表所在的位置单独写一行 <ScoreSheet />。',
          excerpt: 'ScoreSheet',
        },
      ];
    if (!has && tags.length > 0)
      return [
        {
          at: { offset: tags[0]?.position?.start.offset ?? 0 },
          message: '正文中有 <ScoreSheet />，但 frontmatter 中没有 score_sheet（自评得分表）',
          hint: '在 frontmatter 的 score_sheet 中逐行填写得分表，或删去 <ScoreSheet />。',
          excerpt: 'ScoreSheet',
        },
      ];
    return tags.slice(1).map((n) => ({
      at: { offset: n.position?.start.offset ?? 0 },
      message: '正文中有不止一处 <ScoreSheet />：得分表只显示一次',
      hint: '只保留原表所在位置的那一处。',
      excerpt: 'ScoreSheet',
    }));
  },
};
