// Synthetic content for the PDF tests, all made from the seed tree, as edits
// of one report (see print-cases.ts, which puts several in one tree):
// - longTableEdits: the seed report plus a 220-row table (header repetition, no row lost or doubled);
// - gridEdits: a report whose body is plain Han text, to count lines and characters per page;
// - scoreSheetEdits: a 自评得分表 and a figure the original does not state;
// - copiesOfSeed: the seed report under extra departments (see shared-trees.ts).
// The text is clearly synthetic (“测试”), never mistaken for a published report.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SEED_CONTENT, SEED_REPORT, type Edit } from '../helpers/content.ts';

export const LONG_TABLE_ROWS = 220;
export const ANCHOR = '## 四、本单位预算绩效管理主要经验及做法';

/** “第0007行” — unique, easy to find in extracted text. */
export const rowLabel = (n: number) => `第${String(n).padStart(4, '0')}行`;

export function longTableMarkdown(rows = LONG_TABLE_ROWS): string {
  const lines = ['| 序号 | 测试项目 | 金额（万元） |', '| --- | --- | --- |'];
  for (let n = 1; n <= rows; n++) lines.push(`| ${rowLabel(n)} | 测试项目${n} | ${n}.00 |`);
  return `${lines.join('\n')}\n\n`;
}

export const longTableEdits = (file: string): Edit[] => [
  { file, replace: [ANCHOR, `${longTableMarkdown()}${ANCHOR}`] },
];

// Plain Han text without punctuation inside a paragraph, so every full line
// holds exactly 28 characters and a paragraph of n lines has a known length:
// 26 on its first line (two-character indent), 28 on the others, 3 (“测试。”
// included) on its last.
const HAN = '测试文字排版网格每行二十八字每页二十二行仿宋三号公文格式国家标准党政机关版心天头订口页码';

function paragraph(seed: number, lines: number): string {
  const length = 26 + 28 * (lines - 2) + 1;
  let text = '';
  for (let i = 0; text.length < length; i++) text += HAN[(seed * 7 + i * 3) % HAN.length];
  return `${text}测试。`;
}

/**
 * Paragraph sizes chosen to hit the page ends: page 1 holds the title, a blank
 * line and the heading (3 lines) and three 6-line paragraphs (21 lines), so the
 * fourth paragraph would leave one orphan line on page 1; page 2 then holds
 * three 6-line paragraphs (18) and the first 4 lines of a 5-line paragraph,
 * which would leave one widow line on page 3; page 3 is then filled exactly:
 * 2 + 8 + 7 + 5 = 22 lines.
 */
export const GRID_PARAGRAPHS = [6, 6, 6, 6, 6, 6, 5, 8, 7, 5, 8, 7, 6];

/** The body of `file` (a copy of the seed report) replaced by the grid's paragraphs. */
export async function gridEdits(file: string): Promise<Edit[]> {
  const seed = await readFile(join(SEED_CONTENT, SEED_REPORT), 'utf8');
  const body = ['## 一、测试', ...GRID_PARAGRAPHS.map((n, i) => paragraph(i, n))].join('\n\n');
  return [{ file, replace: [seed.slice(seed.indexOf('\n---\n') + 5), `\n${body}\n`] }];
}

/** Extra departments kgxj-b, kgxj-c … each with a copy of the seed report. */
export function copiesOfSeed(ids: readonly string[]): Edit[] {
  return ids.flatMap((id): Edit[] => [
    { file: 'departments/kgxj.yaml', copyTo: `departments/${id}.yaml` },
    { file: `departments/${id}.yaml`, replace: ['id: kgxj', `id: ${id}`] },
    { file: SEED_REPORT, copyTo: `reports/2023/${id}.mdx` },
    { file: `reports/2023/${id}.mdx`, replace: ['department: kgxj', `department: ${id}`] },
  ]);
}

/** A 自评得分表 of eight rows, long notes included: it must fit the 156 mm 版心 (五号, wrapped in its cells). */
const SCORE_SHEET = `score_sheet:
  - { level1: 投入, level2: 预算执行, name: 预算执行率, weight: 10, score: 10, target: 100%, actual: 100%, note: 测试说明文字 }
  - { level1: 投入, level2: 预算管理, name: 结转结余率, weight: 10, score: 10, target: ≤5%, actual: 1.46% }
  - { level1: 过程, level2: 资金管理, name: 政府采购执行率, weight: 10, score: 9, target: 100%, actual: 72.74%, note: 测试部分采购项目因供应商原因延期至下一年度执行并已调整采购计划 }
  - { level1: 过程, level2: 资金管理, name: 资金使用合规性, weight: 10, score: 10, target: 合规, actual: 合规 }
  - { level1: 产出, level2: 产出数量, name: 科技型中小企业备案, weight: 20, score: 20, target: 80家, actual: 81家 }
  - { level1: 产出, level2: 产出质量, name: 企业上云, weight: 15, score: 15, target: 160家, actual: 160家 }
  - { level1: 效果, level2: 社会效益, name: 企业上平台, weight: 15, score: 14, target: 15家, actual: 18家 }
  - { level1: 效果, level2: 满意度, name: 服务对象满意度, weight: 10, score: 10, target: ≥90%, actual: 95%, note: 测试 }
`;

/** A score sheet in the body and 年初预算批复数 原文未载 (shown 原文未写 through <Fig>). */
export const scoreSheetEdits = (file: string): Edit[] => [
  { file, replace: ['score: 98 # 整体支出绩效自评得分\n', `score: 98 # 整体支出绩效自评得分\n${SCORE_SHEET}`] },
  { file, replace: ['  initial: 366.95 # 年初预算批复数', '  initial: 原文未载 # 年初预算批复数'] },
  { file, replace: ['年初预算批复数366.95万元，', '年初预算批复数<Fig k="budget.initial" />，'] },
  { file, replace: [ANCHOR, `## 测试：自评得分表\n\n<ScoreSheet />\n\n${ANCHOR}`] },
];
