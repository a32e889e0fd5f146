// How the standard figures are named in report prose. One table, read by the
// prose-figure check (prose must agree with frontmatter) and by the importer
// (which fills frontmatter from prose). Longer labels first: 年终决算数 before 决算数.
import type { KeyPath } from './errors.ts';

export type FigureKind = 'amount' | 'percent' | 'count';

export interface FigureLabel {
  key: KeyPath;
  title: string;
  kind: FigureKind;
  labels: readonly string[];
}

export const FIGURE_LABELS: readonly FigureLabel[] = [
  {
    key: ['budget', 'initial'],
    title: '年初预算批复数',
    kind: 'amount',
    labels: ['年初预算批复数', '年初预算批复', '年初预算数', '年初批复数'],
  },
  { key: ['budget', 'total'], title: '全年预算数', kind: 'amount', labels: ['全年预算数', '调整后预算数', '全年预算'] },
  { key: ['budget', 'final'], title: '年终决算数', kind: 'amount', labels: ['年终决算数', '全年决算数', '决算数'] },
  {
    key: ['budget', 'execution_rate'],
    title: '预算执行率',
    kind: 'percent',
    labels: ['预算总体执行率', '预算执行率', '执行率'],
  },
  { key: ['budget', 'basic'], title: '基本支出', kind: 'amount', labels: ['基本支出'] },
  { key: ['budget', 'project'], title: '项目支出', kind: 'amount', labels: ['项目支出'] },
  { key: ['budget', 'evaluated'], title: '绩效自评金额', kind: 'amount', labels: ['绩效自评金额', '自评金额'] },
  { key: ['staffing', 'authorized'], title: '编制人数', kind: 'count', labels: ['编制人数', '核定编制', '编制数'] },
  { key: ['staffing', 'actual'], title: '年末实有人数', kind: 'count', labels: ['年末实有人数', '实有人数'] },
  { key: ['score'], title: '自评得分', kind: 'count', labels: ['自评得分', '绩效自评得分'] },
];

/** Units a figure may be written with in prose, and their size in 万元 (for amounts). */
export const AMOUNT_UNITS: Readonly<Record<string, number>> = { 元: -4, 万元: 0, 亿元: 4 };
