// The registry of every rule: ids, severities and titles in one list, read by
// the checks, the docs (npm run docs) and the acknowledgements.
import { ACK_RULES } from './acknowledgements.ts';
import { budgetBasicParts, budgetEvaluatedCoverage, budgetExecutionRate, budgetSum } from './budget.ts';
import { COLLECTION_RULES } from './collection.ts';
import { issuedAfterYear } from './dates.ts';
import { BODY_RULES } from './mdx-safety.ts';
import { figKeys } from './mdx-figures.ts';
import { indicatorRate, indicatorShortfall } from './indicators.ts';
import { notStatedRule } from './not-stated.ts';
import {
  projectsBudgetTypeSum,
  projectsCategorySum,
  projectsCount,
  projectsShare,
  projectsSourceSum,
} from './projects.ts';
import { proseFigures } from './prose-figures.ts';
import { PLACEHOLDER_RULE } from './placeholders.ts';
import { scoreGrade, scoreRange } from './score.ts';
import {
  scoreSheetFullMarksShort,
  scoreSheetPlacement,
  scoreSheetRowRange,
  scoreSheetScoreSum,
  scoreSheetWeightSum,
} from './score-sheet.ts';
import { staffingOver } from './staffing.ts';
import { latinWord } from './text-latin.ts';
import { halfWidthPunctuation } from './text-halfwidth.ts';
import { repeatedItemNumber } from './text-numbering.ts';
import { punctuation } from './text-punctuation.ts';
import { repeatedSentence } from './text-repeated.ts';
import type { ReportRule, RuleInfo } from './types.ts';

/** Rules about the files themselves, reported while reading them. */
export const SOURCE_RULES: RuleInfo[] = [
  { id: 'source.encoding', severity: 'error', title: '文件是 UTF-8 编码' },
  { id: 'source.binary', severity: 'error', title: '文件是纯文本（无空字符）' },
  { id: 'source.too-large', severity: 'error', title: '文件大小在上限之内' },
  { id: 'source.frontmatter', severity: 'error', title: '报告以 --- 包围的 frontmatter 开头' },
  { id: 'source.yaml', severity: 'error', title: 'frontmatter / YAML 语法正确' },
  { id: 'source.mdx', severity: 'error', title: '正文 MDX 语法正确' },
  { id: 'content.path', severity: 'error', title: '报告位于 reports/<年度>/<单位代码>.mdx' },
  { id: 'content.missing', severity: 'error', title: '内容目录中有 site.yaml' },
  { id: 'content.symlink', severity: 'error', title: '内容目录中没有符号链接（文件和文件夹都不行）' },
  { id: 'content.special-file', severity: 'error', title: '内容目录中没有管道、设备等特殊文件' },
  {
    id: 'content.font-file',
    severity: 'error',
    title: 'site.yaml 中的授权字体文件是内容目录中的普通文件（不是符号链接、管道或设备）',
  },
  {
    id: 'content.image',
    severity: 'error',
    title: '正文用到的图片存在于 images/ 中，是普通文件，内容与扩展名相符，大小在上限之内',
  },
  { id: 'source.too-complex', severity: 'error', title: '正文的嵌套层数和解析时间、内存在上限之内' },
  PLACEHOLDER_RULE,
];

export const SCHEMA_RULES: RuleInfo[] = [
  { id: 'schema.required', severity: 'error', title: '必填项齐全' },
  { id: 'schema.type', severity: 'error', title: '每一项的类型正确（数字、文字、列表）' },
  { id: 'schema.unknown-key', severity: 'error', title: '没有拼错或多余的项' },
  { id: 'schema.number-format', severity: 'error', title: '数字为半角、无千位分隔符、非负' },
  { id: 'schema.date', severity: 'error', title: '日期有效，格式为 YYYY-MM-DD' },
  { id: 'schema.value', severity: 'error', title: '取值在允许范围内' },
];

export const REPORT_RULES: readonly ReportRule[] = [
  notStatedRule(() => REPORT_RULES),
  budgetSum,
  budgetBasicParts,
  budgetExecutionRate,
  budgetEvaluatedCoverage,
  projectsCategorySum,
  projectsBudgetTypeSum,
  projectsSourceSum,
  projectsShare,
  projectsCount,
  indicatorRate,
  indicatorShortfall,
  staffingOver,
  scoreRange,
  scoreGrade,
  scoreSheetWeightSum,
  scoreSheetRowRange,
  scoreSheetScoreSum,
  scoreSheetFullMarksShort,
  scoreSheetPlacement,
  issuedAfterYear,
  proseFigures,
  figKeys,
  repeatedSentence,
  latinWord,
  punctuation,
  halfWidthPunctuation,
  repeatedItemNumber,
];

export const ALL_RULES: readonly RuleInfo[] = [
  ...SOURCE_RULES,
  ...SCHEMA_RULES,
  ...COLLECTION_RULES,
  ...BODY_RULES.map(({ id, severity, title }) => ({ id, severity, title })),
  ...REPORT_RULES.map(({ id, severity, title, reads }) => ({ id, severity, title, ...(reads ? { reads } : {}) })),
  ...ACK_RULES,
];

export const severityOf = new Map(ALL_RULES.map((r) => [r.id, r.severity]));
