// <ScoreSheet />: the report's 自评得分表 (frontmatter score_sheet) as a table
// where the original had it, for the web page and the PDF alike (the print
// layout sizes it to the 版心, see src/print/print.css).
import type { Element, ElementContent } from 'hast';
import { scoreSheetTable } from '../model/score-sheet.ts';
import type { Report } from '../schema/report.ts';

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
    ['一级指标', 'score-sheet__level'],
    ['二级指标', 'score-sheet__level'],
    ['三级指标', 'score-sheet__name'],
    ['分值', 'num'],
    ['得分', 'num'],
    ...(columns.target ? [['年度指标值', 'score-sheet__value'] as [string, string]] : []),
    ...(columns.actual ? [['实际完成值', 'score-sheet__value'] as [string, string]] : []),
    ...(columns.note ? [['偏差原因及改进措施', 'score-sheet__note'] as [string, string]] : []),
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
