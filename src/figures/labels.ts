// The names published reports give their figures and form fields, in one
// place: every variant of a figure's label (from the registry), the labels of
// the standard form (Hunan-style 基本概况 / 封面 / 自评得分表) that are not
// figures, and the column names of score sheets. Read by the prose-figure
// check (prose must agree with frontmatter) and the importer (which fills
// frontmatter from prose, forms and tables).
import { parseKeyPath, type KeyPath } from '../lib/key-path.ts';
import { figureDef, FIGURES, type FigureDef } from './registry.ts';

/** How the number is written after its label: an amount (万元/元/亿元), a percentage, or a count (人/个/分). */
export type LabelKind = 'amount' | 'percent' | 'count';

export interface FigureLabel {
  key: KeyPath;
  title: string;
  kind: LabelKind;
  /** Names that may be read in running text, longest first. */
  labels: readonly string[];
  /** Names recognised only as a whole form label or table cell (includes `labels`). */
  formLabels: readonly string[];
  def: FigureDef;
}

const labelKind = (def: FigureDef): LabelKind =>
  def.kind === 'money' ? 'amount' : def.kind === 'percent' ? 'percent' : 'count';

const longestFirst = (names: readonly string[]) => [...names].sort((a, b) => b.length - a.length);

export const FIGURE_LABELS: readonly FigureLabel[] = FIGURES.flatMap((def) =>
  def.variants
    ? [
        {
          key: parseKeyPath(def.pattern),
          title: def.title,
          kind: labelKind(def),
          labels: longestFirst(def.variants),
          formLabels: longestFirst([...def.variants, ...(def.formVariants ?? [])]),
          def,
        },
      ]
    : [],
);

/**
 * Words before a figure's name that make it another figure (政府采购执行率,
 * 项目支出执行率, 上年决算数): in running text the name is then not read as
 * the report's own figure.
 */
export const OTHER_FIGURE_PREFIX =
  '(?<!上年|去年|上一年|同期|以前年度|采购|项目|项目支出|专项|资金|三公经费|基本|人员|公用|经费)';

/** What a non-figure form field is for, when the importer has a use for it. */
export type FormRole = 'department' | 'report-date' | 'budget-code' | 'other';

/** Labels of the standard form that are not figures (封面, 基本概况). */
export const FORM_LABELS: readonly { label: string; role: FormRole }[] = [
  { label: '部门(单位)名称', role: 'department' },
  { label: '部门（单位）名称', role: 'department' },
  { label: '单位名称', role: 'department' },
  { label: '部门名称', role: 'department' },
  { label: '预算单位', role: 'department' },
  { label: '报告日期', role: 'report-date' },
  { label: '填报日期', role: 'report-date' },
  { label: '成文日期', role: 'report-date' },
  { label: '预算编码', role: 'budget-code' },
  { label: '单位编码', role: 'budget-code' },
  ...[
    '评价方式',
    '评价机构',
    '评价类型',
    '主管部门',
    '联系人',
    '联络电话',
    '联系电话',
    '单位负责人',
    '财务负责人',
    '填报人',
    '职能职责概述',
    '主要职能职责',
    '年度主要工作内容',
    '年度主要任务',
    '总体运行情况',
    '年度总体目标',
    '部门整体支出年度绩效目标',
    '内设机构',
    '所属单位',
  ].map((label) => ({ label, role: 'other' as const })),
];

/** Column names of a 自评得分表 as documents write them (the importer's variants), by what the column holds. */
export const SCORE_SHEET_LABELS = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标', '指标名称', '绩效指标', '指标'],
  weight: ['分值', '权重', '标准分值', '标准分', '满分'],
  score: ['自评得分', '得分', '评分', '自评分'],
  target: ['年度指标值', '年度目标值', '指标值', '目标值', '预期目标'],
  actual: ['实际完成值', '实际完成情况', '完成值', '实际值', '全年实际完成值'],
  note: ['偏差原因分析及改进措施', '偏差原因及改进措施', '偏差原因', '未完成原因', '备注'],
} as const;

export type ScoreSheetColumn = keyof typeof SCORE_SHEET_LABELS;

/** The name each column of a 自评得分表 has on the page, in the PDF and in the CSV. */
export const SCORE_SHEET_TITLES: Readonly<Record<ScoreSheetColumn, string>> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  weight: figureDef('score_sheet.*.weight').title,
  score: figureDef('score_sheet.*.score').title,
  target: '年度指标值',
  actual: '实际完成值',
  note: '偏差原因及改进措施',
};

/** Text of a label as compared: no spaces, no trailing colon, no unit in brackets. */
export function bareLabel(text: string): { label: string; unit: string | undefined } {
  const t = text.replace(/[\s\u3000]+/g, '').replace(/[:：]+$/, '');
  const m = /^(.*?)[（(](?:单位[:：]?)?(万元|亿元|元|%|％|人|个|分)[）)]$/.exec(t);
  return m ? { label: m[1] ?? '', unit: m[2]?.replace('％', '%') } : { label: t, unit: undefined };
}

/** The figure a whole label names (“年终决算数”, “决算数（万元）”, “执行率”), if any. */
export function figureByLabel(text: string): { figure: FigureLabel; unit: string | undefined } | undefined {
  const { label, unit } = bareLabel(text);
  for (const figure of FIGURE_LABELS) if (figure.formLabels.includes(label)) return { figure, unit };
  return undefined;
}

/** The non-figure form field a whole label names (“联系人”, “部门(单位)名称”). */
export function formFieldByLabel(text: string): { label: string; role: FormRole } | undefined {
  const { label } = bareLabel(text);
  return FORM_LABELS.find((f) => f.label === label);
}

/** What a score-sheet header cell names, if anything (“分值”, “年度指标值”). */
export function scoreSheetColumn(text: string): ScoreSheetColumn | undefined {
  const { label } = bareLabel(text);
  if (!label) return undefined;
  for (const [column, names] of Object.entries(SCORE_SHEET_LABELS) as [ScoreSheetColumn, readonly string[]][])
    if (names.includes(label)) return column;
  return undefined;
}
