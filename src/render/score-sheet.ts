// <ScoreSheet />: the report's 自评得分表 (frontmatter score_sheet) as a table
// where the original had it, for the web page and the PDF alike (the print
// layout sizes it to the 版心, see src/print/print.css): one row per
// indicator, 一级 and 二级指标 merged over the rows they head (as in the
// published form), 分值 and 得分 written as the figure registry writes them
// (原文未写 for 原文未载), and a 合计 row the site computes, marked so.
import type { Element, ElementContent } from 'hast';
import { DERIVED_MARK } from '../figures/derived.ts';
import { figureText } from '../figures/figure.ts';
import { SCORE_SHEET_TITLES } from '../figures/labels.ts';
import { allStated } from '../figures/not-stated.ts';
import { sum } from '../lib/decimal.ts';
import type { Report, ScoreSheetRow } from '../schema/report.ts';

export interface ScoreSheetCell {
  text: string;
  /** Rows this cell spans (first row of a run); 0 for a row covered by the cell above. */
  rowSpan: number;
}

export interface ScoreSheetTableRow {
  level1: ScoreSheetCell;
  level2: ScoreSheetCell;
  name: string;
  weight: { value: string | null; text: string };
  score: { value: string | null; text: string };
  target: string;
  actual: string;
  note: string;
}

export interface ScoreSheetTable {
  rows: ScoreSheetTableRow[];
  /** Which optional columns the sheet has. */
  columns: { target: boolean; actual: boolean; note: boolean };
  /** The 合计 row the site computes: its label carries the mark (“合计（计算）”); undefined when a row's figure is 原文未载. */
  total: { label: string; weight: string; score: string } | undefined;
}

/** Spans of consecutive equal values (within the same parent run). */
function spans(values: readonly string[], parents: readonly number[]): number[] {
  const out = values.map(() => 0);
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    const same = i < values.length && values[i] === values[start] && parents[i] === parents[start] && values[i] !== '';
    if (same) continue;
    out[start] = i - start;
    start = i;
  }
  return out;
}

export function scoreSheetTable(rows: readonly ScoreSheetRow[]): ScoreSheetTable {
  const level1 = rows.map((r) => r.level1 ?? '');
  const level2 = rows.map((r) => r.level2 ?? '');
  const span1 = spans(
    level1,
    rows.map(() => 0),
  );
  // A 二级指标 run never crosses the start of a new 一级指标 run.
  const parent = span1.reduce<number[]>((acc, span, i) => [...acc, span > 0 ? i : (acc[i - 1] ?? 0)], []);
  const span2 = spans(level2, parent);
  const weights = allStated(...rows.map((r) => r.weight));
  const scores = allStated(...rows.map((r) => r.score));
  return {
    rows: rows.map((r, i) => ({
      level1: { text: level1[i] ?? '', rowSpan: span1[i] ?? 1 },
      level2: { text: level2[i] ?? '', rowSpan: span2[i] ?? 1 },
      name: r.name,
      weight: { value: r.weight, text: figureText(r.weight, '') },
      score: { value: r.score, text: figureText(r.score, '') },
      target: r.target ?? '',
      actual: r.actual ?? '',
      note: r.note ?? '',
    })),
    columns: {
      target: rows.some((r) => r.target),
      actual: rows.some((r) => r.actual),
      note: rows.some((r) => r.note),
    },
    total:
      weights && scores && rows.length
        ? { label: `合计${DERIVED_MARK}`, weight: sum(weights), score: sum(scores) }
        : undefined,
  };
}

const text = (value: string): ElementContent => ({ type: 'text', value });
const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

export function scoreSheetElement(data: Report): Element {
  const sheet = scoreSheetTable(data.score_sheet);
  const { columns } = sheet;
  // Each header cell names its column's kind, so the print layout can size the columns (print.css).
  const heads: [string, string][] = [
    [SCORE_SHEET_TITLES.level1, 'score-sheet__level'],
    [SCORE_SHEET_TITLES.level2, 'score-sheet__level'],
    [SCORE_SHEET_TITLES.name, 'score-sheet__name'],
    [SCORE_SHEET_TITLES.weight, 'num'],
    [SCORE_SHEET_TITLES.score, 'num'],
    ...(columns.target ? [[SCORE_SHEET_TITLES.target, 'score-sheet__value'] as [string, string]] : []),
    ...(columns.actual ? [[SCORE_SHEET_TITLES.actual, 'score-sheet__value'] as [string, string]] : []),
    ...(columns.note ? [[SCORE_SHEET_TITLES.note, 'score-sheet__note'] as [string, string]] : []),
  ];
  const figure = (f: { value: string | null; text: string }): ElementContent =>
    f.value === null
      ? el('span', { className: ['not-stated'] }, [text(f.text)])
      : el('data', { value: f.value }, [text(f.text)]);
  const rows = sheet.rows.map((r) =>
    el('tr', {}, [
      ...(r.level1.rowSpan ? [el('td', { rowSpan: r.level1.rowSpan }, [text(r.level1.text)])] : []),
      ...(r.level2.rowSpan ? [el('td', { rowSpan: r.level2.rowSpan }, [text(r.level2.text)])] : []),
      el('th', { scope: 'row' }, [text(r.name)]),
      el('td', { className: ['num'] }, [figure(r.weight)]),
      el('td', { className: ['num'] }, [figure(r.score)]),
      ...(columns.target ? [el('td', {}, [text(r.target)])] : []),
      ...(columns.actual ? [el('td', {}, [text(r.actual)])] : []),
      ...(columns.note ? [el('td', {}, [text(r.note)])] : []),
    ]),
  );
  const extra = heads.length - 5;
  const total = sheet.total
    ? [
        el('tr', { className: ['score-sheet__total'] }, [
          el('th', { scope: 'row', colSpan: 3 }, [text(sheet.total.label)]),
          el('td', { className: ['num'] }, [text(sheet.total.weight)]),
          el('td', { className: ['num'] }, [text(sheet.total.score)]),
          ...(extra ? [el('td', { colSpan: extra }, [])] : []),
        ]),
      ]
    : [];
  const table = el('table', { className: ['score-sheet'] }, [
    el('caption', {}, [text('部门整体支出绩效自评得分表')]),
    el('thead', {}, [
      el(
        'tr',
        {},
        heads.map(([h, kind]) => el('th', { scope: 'col', className: [kind] }, [text(h)])),
      ),
    ]),
    el('tbody', {}, [...rows, ...total]),
  ]);
  return el('div', { className: ['table-scroll'], role: 'region', ariaLabel: '自评得分表', tabIndex: 0 }, [table]);
}
