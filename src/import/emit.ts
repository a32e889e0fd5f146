// Writing the draft: the body as Markdown/MDX (headings ## / ###, paragraphs
// as written, tables as GFM tables), and the frontmatter with every found
// value, 【待填】 for every value that was not found.
import { Document, isScalar } from 'yaml';
import { placeholder, PLACEHOLDER } from '../checks/placeholders.ts';
import type { KeyPath } from '../lib/key-path.ts';
import { fieldTitle } from '../schema/field-titles.ts';
import type { Extraction } from './extract.ts';
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

export function renderBody(blocks: readonly DraftBlock[]): string {
  const parts = blocks.map((b) => {
    switch (b.kind) {
      case 'heading':
        return `${'#'.repeat(b.depth)} ${escapeText(b.text)}`;
      case 'paragraph':
        return b.text === '<Duties />' ? b.text : escapeText(b.text).replace(/\n/g, '\\\n');
      case 'list':
        return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${escapeText(item)}`).join('\n');
      case 'table': {
        const width = Math.max(...b.rows.map((r) => r.length));
        const row = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => cell(r[i] ?? '')).join(' | ')} |`;
        const [head = [], ...rest] = b.rows;
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

function figureNode(doc: Document, value: string | undefined) {
  return doc.createNode(value === undefined ? PLACEHOLDER : figureValue(value));
}

function setFigure(doc: Document, path: KeyPath, value: string | undefined, note?: string) {
  doc.setIn(path, figureNode(doc, value));
  const node = doc.getIn(path, true);
  const title = fieldTitle(path);
  if (isScalar(node))
    node.comment = ` ${[title, value === undefined ? (note ?? '原文中未找到') : note].filter(Boolean).join('：')}`;
}

export function renderFrontmatter(d: DraftData, header: string): string {
  const doc = new Document({});
  doc.commentBefore = header;
  doc.set('title', d.title ?? placeholder('报告标题'));
  doc.set('department', d.department);
  doc.set('year', d.year);
  doc.set('issued', d.issued ?? placeholder('成文日期，YYYY-MM-DD'));
  doc.set('basis', d.basis ?? placeholder('评价依据（通知名称及文号）'));
  doc.set('transcription', d.transcription);
  doc.set('duties', d.duties.length ? d.duties : [placeholder('职责，每项一行')]);
  doc.set('units', d.units.length ? d.units : [placeholder('内设机构，每个一行')]);
  const value = (key: string) => d.extraction.figures.find((f) => f.figure.key.join('.') === key);
  const note = (key: string) => {
    const f = value(key);
    if (f?.conflict) return '原文中有不同的值，请核对后填写';
    return f?.convertedFrom ? `原文 ${f.convertedFrom}` : undefined;
  };
  for (const key of ['authorized', 'actual'])
    setFigure(doc, ['staffing', key], value(`staffing.${key}`)?.value, note(`staffing.${key}`));
  if (d.extraction.budgetUnit !== '万元') doc.setIn(['budget', 'unit'], d.extraction.budgetUnit);
  for (const key of ['initial', 'total', 'final', 'basic', 'project', 'execution_rate', 'evaluated'])
    setFigure(
      doc,
      ['budget', key],
      value(`budget.${key}`)?.value,
      key === 'evaluated' && !value(`budget.${key}`)?.candidates.length
        ? '原文中未找到；原文没有此项时删去这一行'
        : note(`budget.${key}`),
    );
  if (d.extraction.fullCoverage) doc.setIn(['budget', 'full_coverage'], true);
  doc.set(
    'indicators',
    doc.createNode(
      d.extraction.indicators.map((i) => ({
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
  setFigure(doc, ['score'], value('score')?.value, note('score'));
  if (d.review?.length) doc.set('review', d.review);
  if (d.issuer) doc.set('signoff', { issuer: d.issuer });
  return doc.toString({ lineWidth: 0 });
}
