// Open data: one record per report (/data/reports.json, /data/reports.csv)
// and each report's indicators (/data/<year>/<dept>-indicators.csv). The
// columns are declared once here with their Chinese titles and kinds; the
// JSON uses the keys, the CSV the titles; the /data/ page, the field list of
// reports.json and /data/datapackage.json all describe them from this list.
// Figures stay the decimal strings of the model: exact as published, so in
// JSON a figure is a string ("825.75"), in CSV a plain number. A figure the
// original does not state (原文未载) is null in JSON and an empty cell in CSV,
// and each report lists such keys under not_stated; a value the site computes
// (基本支出 from its parts, 执行率, 等级) says so in its *_source column.
import { stringify } from 'csv-stringify/sync';
import { GRADE_DERIVATION, shownFigure, shownGrade } from '../figures/derived.ts';
import { figuresIn } from '../figures/figure.ts';
import { SCORE_SHEET_TITLES } from '../figures/labels.ts';
import { figureDef } from '../figures/registry.ts';
import type { Department } from '../schema/department.ts';
import type { Indicator, Report, ScoreSheetRow } from '../schema/report.ts';
import { absoluteUrl, reportJsonPath, reportPath } from './urls.ts';

/**
 * text: a string. integer: a whole number (a JSON number). decimal: an exact
 * decimal as published, a JSON string ("825.75", "826.00") and a CSV number.
 * date: YYYY-MM-DD. list: a JSON array of strings, a space-separated CSV cell.
 */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'date' | 'list';

/** A cell: undefined when absent, null when the original does not state it; a list only in 'list' columns. */
export type CellValue = string | number | readonly string[] | null | undefined;

/** How reports.json declares a column: JSON Schema's type, and a format where the type alone would mislead. */
export function jsonType(kind: ColumnKind): { type: 'string' | 'integer' | 'array'; format?: 'decimal' | 'date' } {
  if (kind === 'integer') return { type: 'integer' };
  if (kind === 'decimal') return { type: 'string', format: 'decimal' };
  if (kind === 'date') return { type: 'string', format: 'date' };
  if (kind === 'list') return { type: 'array' };
  return { type: 'string' };
}

/** The Frictionless Table Schema type of a CSV column. */
export function tableSchemaType(kind: ColumnKind): 'string' | 'integer' | 'number' | 'date' {
  return kind === 'text' || kind === 'list' ? 'string' : kind === 'decimal' ? 'number' : kind;
}

export interface Column<T> {
  key: string;
  title: string;
  kind: ColumnKind;
  description?: string;
  value(row: T): CellValue;
}

export interface PublishedReport {
  data: Report;
  department: Department;
}

export interface RecordContext {
  siteUrl: string;
}

type ReportRow = PublishedReport & RecordContext;

const SOURCE_DESCRIPTION = 'stated：原文所写；derived：原文未写，本站计算；原文未写且无法计算时为空';

/**
 * The columns of a figure of the registry: its open-data key, its title (with
 * % for rates) and its exact value; for a figure the site may compute, the
 * value so computed and a *_source column saying which it is.
 */
function figureColumns<T>(pattern: string, dataOf: (row: T) => Report, description?: string): Column<T>[] {
  const def = figureDef(pattern);
  const key = def.column ?? pattern.split('.').at(-1) ?? pattern;
  const shown = (row: T) => shownFigure(dataOf(row), pattern.replace('*', '0'));
  const value: Column<T> = {
    key,
    title: def.kind === 'percent' ? `${def.title}（%）` : def.title,
    kind: 'decimal',
    description: [description, def.derivable ? '原文未写时为本站计算的值，见下一列' : '原文未写时为空']
      .filter(Boolean)
      .join('；'),
    value: (row) => shown(row)?.value,
  };
  if (!def.derivable) return [value];
  return [
    value,
    {
      key: `${key}_source`,
      title: `${def.title}的来源`,
      kind: 'text',
      description: SOURCE_DESCRIPTION,
      value: (row) => {
        const source = shown(row)?.source;
        return source === 'not_stated' ? null : source;
      },
    },
  ];
}

/** Every figure key the original does not state (原文未载), and 成文日期 when it has none. */
export function notStatedKeys(data: Report): string[] {
  return [
    ...(data.issued === null ? ['issued'] : []),
    ...figuresIn(data)
      .filter((f) => f.value === null)
      .map((f) => f.key),
  ];
}

const ofReport = (r: ReportRow) => r.data;

export const REPORT_COLUMNS: readonly Column<ReportRow>[] = [
  { key: 'year', title: '年度', kind: 'integer', value: (r) => r.data.year },
  { key: 'department', title: '单位代码', kind: 'text', value: (r) => r.department.id },
  { key: 'department_name', title: '单位名称', kind: 'text', value: (r) => r.department.name },
  { key: 'title', title: '报告标题', kind: 'text', value: (r) => r.data.title },
  { key: 'issued', title: '成文日期', kind: 'date', description: '原文未写时为空', value: (r) => r.data.issued },
  {
    key: 'published',
    title: '发布日期',
    kind: 'date',
    description: '报告没有发布日期时为空',
    value: (r) => r.data.disclosure?.published,
  },
  { key: 'unit', title: '金额单位', kind: 'text', value: (r) => r.data.budget.unit },
  ...figureColumns('budget.initial', ofReport),
  ...figureColumns('budget.total', ofReport),
  ...figureColumns('budget.final', ofReport),
  ...figureColumns('budget.execution_rate', ofReport),
  ...figureColumns('budget.basic', ofReport),
  ...figureColumns('budget.personnel', ofReport),
  ...figureColumns('budget.public', ofReport),
  ...figureColumns('budget.project', ofReport),
  ...figureColumns('budget.income', ofReport),
  ...figureColumns('budget.evaluated', ofReport),
  ...figureColumns('score', ofReport),
  {
    key: 'grade',
    title: '自评等级',
    kind: 'text',
    description: '原文所写等级，或原文未写时按得分推算（见下一列）',
    value: (r) => shownGrade(r.data)?.grade,
  },
  {
    key: 'grade_source',
    title: '自评等级的来源',
    kind: 'text',
    description: `stated：原文所写；derived：原文未写，${GRADE_DERIVATION}`,
    value: (r) => shownGrade(r.data)?.source,
  },
  ...figureColumns('staffing.authorized', ofReport),
  ...figureColumns('staffing.actual', ofReport),
  { key: 'indicators', title: '绩效指标个数', kind: 'integer', value: (r) => r.data.indicators.length },
  {
    key: 'score_sheet_rows',
    title: '自评得分表行数',
    kind: 'integer',
    description: '各行见 reports.json 的 score_sheet 和每份报告的得分表 CSV',
    value: (r) => r.data.score_sheet.length,
  },
  {
    key: 'not_stated',
    title: '原文未写的项',
    kind: 'list',
    description: '原文未载的数字和日期的键（如 budget.initial）；CSV 中以空格分隔',
    value: (r) => notStatedKeys(r.data),
  },
  {
    key: 'acknowledged',
    title: '已说明的原文问题个数',
    kind: 'integer',
    description: '原文已公布、按原文保留并在报告页说明的问题',
    value: (r) => r.data.acknowledged.length,
  },
  {
    key: 'url',
    title: '报告网址',
    kind: 'text',
    value: (r) => absoluteUrl(r.siteUrl, reportPath(r.data.year, r.data.department)),
  },
  {
    key: 'data_url',
    title: '完整数据网址',
    kind: 'text',
    value: (r) => absoluteUrl(r.siteUrl, reportJsonPath(r.data.year, r.data.department)),
  },
];

type IndicatorRow = { report: Report; indicator: Indicator };

const ofIndicator = (r: IndicatorRow) => ({ ...r.report, indicators: [r.indicator] });

export const INDICATOR_COLUMNS: readonly Column<IndicatorRow>[] = [
  { key: 'year', title: '年度', kind: 'integer', value: (r) => r.report.year },
  { key: 'department', title: '单位代码', kind: 'text', value: (r) => r.report.department },
  { key: 'name', title: '指标名称', kind: 'text', value: (r) => r.indicator.name },
  { key: 'unit', title: '计量单位', kind: 'text', value: (r) => r.indicator.unit },
  ...figureColumns('indicators.*.target', ofIndicator),
  ...figureColumns('indicators.*.actual', ofIndicator),
  {
    key: 'approx',
    title: '约数',
    kind: 'text',
    description: '“是”表示原文为约数，例如“600余册”',
    value: (r) => (r.indicator.approx ? '是' : undefined),
  },
  ...figureColumns('indicators.*.rate', ofIndicator),
  ...figureColumns('indicators.*.growth', ofIndicator),
  { key: 'note', title: '说明', kind: 'text', value: (r) => r.indicator.note },
];

type ScoreSheetLine = { report: Report; row: ScoreSheetRow };

const text = (
  title: string,
  key: string,
  pick: (row: ScoreSheetRow) => string | undefined,
): Column<ScoreSheetLine> => ({
  key,
  title,
  kind: 'text',
  value: (r) => pick(r.row),
});

/** The 自评得分表, one row per indicator (/data/<year>/<dept>-score-sheet.csv, score_sheet in the JSON). */
export const SCORE_SHEET_COLUMNS: readonly Column<ScoreSheetLine>[] = [
  { key: 'year', title: '年度', kind: 'integer', value: (r) => r.report.year },
  { key: 'department', title: '单位代码', kind: 'text', value: (r) => r.report.department },
  text(SCORE_SHEET_TITLES.level1, 'level1', (row) => row.level1),
  text(SCORE_SHEET_TITLES.level2, 'level2', (row) => row.level2),
  text(SCORE_SHEET_TITLES.name, 'name', (row) => row.name),
  {
    key: 'weight',
    title: SCORE_SHEET_TITLES.weight,
    kind: 'decimal',
    description: '原文未写时为空',
    value: (r) => r.row.weight,
  },
  {
    key: 'score',
    title: SCORE_SHEET_TITLES.score,
    kind: 'decimal',
    description: '原文未写时为空',
    value: (r) => r.row.score,
  },
  text(SCORE_SHEET_TITLES.target, 'target', (row) => row.target),
  text(SCORE_SHEET_TITLES.actual, 'actual', (row) => row.actual),
  text(SCORE_SHEET_TITLES.note, 'note', (row) => row.note),
];

export function scoreSheetLines(report: Report): ScoreSheetLine[] {
  return report.score_sheet.map((row) => ({ report, row }));
}

/** A report's score sheet as JSON rows (without the year and department, which the record has). */
export const scoreSheetRecords = (report: Report) =>
  scoreSheetLines(report).map((line) => {
    const { year: _y, department: _d, ...rest } = toRecord(SCORE_SHEET_COLUMNS, line);
    return rest;
  });

/** A report's record in reports.json: its columns, then its 自评得分表. */
export function reportRecord(r: PublishedReport, ctx: RecordContext) {
  return { ...toRecord(REPORT_COLUMNS, { ...r, ...ctx }), score_sheet: scoreSheetRecords(r.data) };
}

export function indicatorRows(report: Report): IndicatorRow[] {
  return report.indicators.map((indicator) => ({ report, indicator }));
}

/** A JSON record: column keys, decimals as strings, missing and unstated values as null. */
export function toRecord<T>(
  columns: readonly Column<T>[],
  row: T,
): Record<string, string | number | readonly string[] | null> {
  return Object.fromEntries(columns.map((c) => [c.key, c.value(row) ?? null]));
}

/** Spreadsheet programs run a cell starting with these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text cells that could run as a formula get a leading apostrophe; numbers stay numbers. */
export function csvCell(kind: ColumnKind, value: CellValue): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? value.join(' ') : String(value);
  return kind === 'text' && FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV for people with Excel: UTF-8 with BOM, CRLF, a header row of Chinese titles. */
export function toCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  return stringify(
    [columns.map((c) => c.title), ...rows.map((row) => columns.map((c) => csvCell(c.kind, c.value(row))))],
    { bom: true, record_delimiter: 'windows' },
  );
}
