// Writing the draft: the body as Markdown/MDX (headings ## / ###, paragraphs
// as written, form fields as “标签：值” lines, tables as GFM tables), and the
// frontmatter with every found value, 【待填】 for every value that was not
// found, with a comment saying why and what to write (原文未载 when the
// original does not state it).
import { Document, isScalar } from 'yaml';
import { placeholder, PLACEHOLDER } from '../checks/placeholders.ts';
import { derivation } from '../figures/derived.ts';
import { NOT_STATED } from '../figures/not-stated.ts';
import type { KeyPath } from '../lib/key-path.ts';
import { fieldTitle } from '../schema/field-titles.ts';
import type { Evidence, Extraction, FigureResult } from './extract.ts';
import { rowTexts, toGrid, type SourceTable } from './source-table.ts';
import type { DraftBlock } from './structure.ts';

/** Text that MDX would read as code or Markdown would read as a block marker. */
export function escapeText(text: string): string {
  return text
    .replace(/[<{}]/g, (c) => `\\${c}`)
    .replace(
      /^(\s*)([#>+-]|\d+[.)])(\s)/,
      (_m, lead: string, mark: string, space: string) => `${lead}\\${mark}${space}`,
    );
}

const cell = (text: string) =>
  escapeText(text)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ') || ' ';

/** The cells as a GFM table can hold them: a merged cell's text once, at its first position. */
function tableText(table: SourceTable): string[][] {
  const grid = toGrid(table);
  if (!grid.ok) return rowTexts(table);
  return grid.rows.map((r) => r.map((c) => (c.origin ? c.text : '')));
}

export function renderBody(blocks: readonly DraftBlock[]): string {
  const parts = blocks.map((b) => {
    switch (b.kind) {
      case 'heading':
        return `${'#'.repeat(b.depth)} ${escapeText(b.text)}`;
      case 'paragraph':
        return escapeText(b.text).replace(/\n/g, '\\\n');
      case 'field':
        return `${escapeText(b.label)}：${escapeText(b.value).replace(/\n/g, '\\\n')}`;
      case 'component':
        return `<${b.name} />`;
      case 'list':
        return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${escapeText(item)}`).join('\n');
      case 'table': {
        const rows = tableText(b.table);
        const width = Math.max(...rows.map((r) => r.length));
        const row = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => cell(r[i] ?? '')).join(' | ')} |`;
        const [head = [], ...rest] = rows;
        return [row(head), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...rest.map(row)].join(
          '\n',
        );
      }
    }
  });
  return `${parts.join('\n\n')}\n`;
}

export interface DraftData {
  title?: string;
  department: string;
  year: number;
  issued?: string;
  /** Why 成文日期 is left 【待填】 (dates that disagree). */
  issuedNote?: string;
  basis?: string;
  transcription: string;
  duties: string[];
  units: string[];
  review?: { opinion: string; conclusion: string }[];
  issuer?: string;
  extraction: Extraction;
}

/** A figure as YAML: a number when that keeps its text (825.75), else a quoted string ('826.00'). */
const figureValue = (value: string): number | string => (String(Number(value)) === value ? Number(value) : value);

const NOT_FOUND = `原文中未找到：原文确实没有写时填 ${NOT_STATED}，不要估算`;

function setValue(doc: Document, path: KeyPath, value: string | number | undefined, comment: string | undefined) {
  doc.setIn(path, doc.createNode(value === undefined ? PLACEHOLDER : value));
  const node = doc.getIn(path, true);
  const title = fieldTitle(path);
  const text = [title, comment].filter(Boolean).join('：');
  if (isScalar(node) && text) node.comment = ` ${text}`;
}

/** Why a figure is 【待填】, or where a converted value came from, as its YAML comment. */
function figureNote(f: FigureResult | undefined, unit: string): string | undefined {
  if (!f) return NOT_FOUND;
  const where = (e: Evidence) => (e.where ? `原件${e.where}` : '正文');
  if (f.conflict)
    return `原文中有不同的值：${f.candidates.map((c) => `${c.value}${c.unit}（${where(c.evidence)}）`).join('、')}，请核对后填写`;
  if (f.value !== undefined) return f.convertedFrom ? `原文 ${f.convertedFrom}，已按${unit}换算` : undefined;
  if (f.unused.length)
    return `原文${f.unused[0]?.where}的表格各行无法对齐，未从中取数（该行：“${f.unused[0]?.row}”），请对照原件填写；原文没有写时填 ${NOT_STATED}`;
  return NOT_FOUND;
}

export function renderFrontmatter(d: DraftData, header: string): string {
  const doc = new Document({});
  doc.commentBefore = header;
  doc.set('title', d.title ?? placeholder('报告标题'));
  doc.set('department', d.department);
  doc.set('year', d.year);
  setValue(
    doc,
    ['issued'],
    d.issued ?? placeholder('成文日期，YYYY-MM-DD'),
    d.issued ? undefined : (d.issuedNote ?? `原文没有写成文日期时填 ${NOT_STATED}`),
  );
  if (d.basis) doc.set('basis', d.basis);
  doc.set('transcription', d.transcription);
  // Lists the original may not have (a form has no 职责 section): empty, with a note, never a placeholder item.
  for (const [key, list, what] of [
    ['duties', d.duties, '职责，原文有编号的职责列表时每项一行'],
    ['units', d.units, '内设机构，原文列出时每个一行'],
  ] as const) {
    doc.set(key, doc.createNode([...list], { flow: list.length === 0 }));
    const node = doc.get(key, true) as { comment?: string } | undefined;
    if (!list.length && node) node.comment = ` ${what}（导入时原文中未找到）`;
  }
  const x = d.extraction;
  const result = (key: string) => x.figures.find((f) => f.figure.key.join('.') === key);
  /** `derived`: what the site computes in its place when the original does not state it. */
  const figure = (path: KeyPath, derived?: string) => {
    const f = result(path.join('.'));
    const value = f?.value;
    const plain = !f || (!f.candidates.length && !f.unused.length);
    const note =
      value === undefined && plain && derived
        ? `原文中未找到：原文确实没有写时填 ${NOT_STATED}，网页将按 ${derived} 计算并标明“计算”`
        : figureNote(f, x.budgetUnit);
    setValue(doc, path, value === undefined ? undefined : figureValue(value), note);
  };
  const found = (key: string) => (result(key)?.candidates.length ?? 0) > 0;
  for (const key of ['authorized', 'actual']) figure(['staffing', key]);
  if (x.budgetUnit !== '万元') doc.setIn(['budget', 'unit'], x.budgetUnit);
  for (const key of ['initial', 'total', 'final']) figure(['budget', key]);
  const personnel = result('budget.personnel')?.value;
  const pub = result('budget.public')?.value;
  figure(
    ['budget', 'execution_rate'],
    found('budget.final') && found('budget.total') ? derivation('budget.execution_rate') : undefined,
  );
  figure(['budget', 'basic'], personnel !== undefined && pub !== undefined ? derivation('budget.basic') : undefined);
  for (const key of ['personnel', 'public']) if (found(`budget.${key}`)) figure(['budget', key]);
  figure(['budget', 'project']);
  if (found('budget.income')) figure(['budget', 'income']);
  if (found('budget.evaluated')) figure(['budget', 'evaluated']);
  else setValue(doc, ['budget', 'evaluated'], undefined, '原文中未找到；原文没有此项时删去这一行');
  if (x.fullCoverage) doc.setIn(['budget', 'full_coverage'], true);
  doc.set(
    'indicators',
    doc.createNode(
      x.indicators.map((i) => ({
        name: i.name,
        unit: i.unit,
        ...(i.target !== undefined
          ? { target: figureValue(i.target) }
          : i.rate !== undefined
            ? { target: placeholder('任务数，原文只写了完成率') }
            : {}),
        actual: figureValue(i.actual),
        ...(i.rate !== undefined ? { rate: figureValue(i.rate) } : {}),
      })),
    ),
  );
  figure(['score']);
  if (x.scoreSheet)
    doc.set(
      'score_sheet',
      doc.createNode(
        x.scoreSheet.rows.map((r) => ({
          ...(r.level1 ? { level1: r.level1 } : {}),
          ...(r.level2 ? { level2: r.level2 } : {}),
          name: r.name || placeholder('指标名称'),
          weight: r.weight === undefined ? placeholder('分值，原表此格为空或不是数字') : figureValue(r.weight),
          score: r.score === undefined ? placeholder('得分，原表此格为空或不是数字') : figureValue(r.score),
          ...(r.target ? { target: r.target } : {}),
          ...(r.actual ? { actual: r.actual } : {}),
          ...(r.note ? { note: r.note } : {}),
        })),
        { flow: false },
      ),
    );
  if (d.review?.length) doc.set('review', d.review);
  if (d.issuer) doc.set('signoff', { issuer: d.issuer });
  return doc.toString({ lineWidth: 0, singleQuote: true });
}
