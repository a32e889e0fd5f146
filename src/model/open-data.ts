// Open data: one record per report (/data/reports.json, /data/reports.csv)
// and each report's indicators (/data/<year>/<dept>-indicators.csv). The
// columns are declared once here with their Chinese titles and kinds; the
// JSON uses the keys, the CSV the titles; the /data/ page, the field list of
// reports.json and /data/datapackage.json all describe them from this list.
// Figures stay the decimal strings of the model: exact as published, so in
// JSON a figure is a string ("825.75"), in CSV a plain number.
import { stringify } from 'csv-stringify/sync';
import { figureAt } from '../figures/figure.ts';
import { figureDef } from '../figures/registry.ts';
import type { Department } from '../schema/department.ts';
import type { Indicator, Report } from '../schema/report.ts';
import { absoluteUrl, reportJsonPath, reportPath } from './urls.ts';

/**
 * text: a string. integer: a whole number (a JSON number). decimal: an exact
 * decimal as published, a JSON string ("825.75", "826.00") and a CSV number.
 * date: YYYY-MM-DD.
 */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'date';

/** How reports.json declares a column: JSON Schema's type, and a format where the type alone would mislead. */
export function jsonType(kind: ColumnKind): { type: 'string' | 'integer'; format?: 'decimal' | 'date' } {
  if (kind === 'integer') return { type: 'integer' };
  if (kind === 'decimal') return { type: 'string', format: 'decimal' };
  if (kind === 'date') return { type: 'string', format: 'date' };
  return { type: 'string' };
}

/** The Frictionless Table Schema type of a CSV column. */
export function tableSchemaType(kind: ColumnKind): 'string' | 'integer' | 'number' | 'date' {
  return kind === 'text' ? 'string' : kind === 'decimal' ? 'number' : kind;
}

export interface Column<T> {
  key: string;
  title: string;
  kind: ColumnKind;
  description?: string;
  value(row: T): string | number | undefined;
}

export interface PublishedReport {
  data: Report;
  department: Department;
}

export interface RecordContext {
  siteUrl: string;
}

type ReportRow = PublishedReport & RecordContext;

/** A column for a figure of the registry: its open-data key, its title (with % for rates), its exact value. */
function figureColumn<T>(pattern: string, dataOf: (row: T) => Report, description?: string): Column<T> {
  const def = figureDef(pattern);
  const key = def.column ?? pattern.split('.').at(-1) ?? pattern;
  return {
    key,
    title: def.kind === 'percent' ? `${def.title}（%）` : def.title,
    kind: 'decimal',
    ...(description ? { description } : {}),
    value: (row) => figureAt(dataOf(row), pattern.replace('*', '0'))?.value,
  };
}

const ofReport = (r: ReportRow) => r.data;

export const REPORT_COLUMNS: readonly Column<ReportRow>[] = [
  { key: 'year', title: '年度', kind: 'integer', value: (r) => r.data.year },
  { key: 'department', title: '单位代码', kind: 'text', value: (r) => r.department.id },
  { key: 'department_name', title: '单位名称', kind: 'text', value: (r) => r.department.name },
  { key: 'title', title: '报告标题', kind: 'text', value: (r) => r.data.title },
  { key: 'issued', title: '成文日期', kind: 'date', value: (r) => r.data.issued },
  {
    key: 'published',
    title: '发布日期',
    kind: 'date',
    description: '报告没有发布日期时为空',
    value: (r) => r.data.disclosure?.published,
  },
  { key: 'unit', title: '金额单位', kind: 'text', value: (r) => r.data.budget.unit },
  figureColumn('budget.initial', ofReport),
  figureColumn('budget.total', ofReport),
  figureColumn('budget.final', ofReport),
  figureColumn('budget.execution_rate', ofReport),
  figureColumn('budget.basic', ofReport),
  figureColumn('budget.project', ofReport),
  figureColumn('budget.evaluated', ofReport),
  figureColumn('score', ofReport),
  {
    key: 'grade',
    title: '自评等级',
    kind: 'text',
    description: '原文所写等级；原文未写时为空',
    value: (r) => r.data.grade,
  },
  figureColumn('staffing.authorized', ofReport),
  figureColumn('staffing.actual', ofReport),
  { key: 'indicators', title: '绩效指标个数', kind: 'integer', value: (r) => r.data.indicators.length },
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
  figureColumn('indicators.*.target', ofIndicator),
  figureColumn('indicators.*.actual', ofIndicator),
  {
    key: 'approx',
    title: '约数',
    kind: 'text',
    description: '“是”表示原文为约数，例如“600余册”',
    value: (r) => (r.indicator.approx ? '是' : undefined),
  },
  figureColumn('indicators.*.rate', ofIndicator, '原文所写'),
  figureColumn('indicators.*.growth', ofIndicator),
  { key: 'note', title: '说明', kind: 'text', value: (r) => r.indicator.note },
];

export function reportRecords(reports: readonly PublishedReport[], ctx: RecordContext) {
  return reports.map((r) => toRecord(REPORT_COLUMNS, { ...r, ...ctx }));
}

export function indicatorRows(report: Report): IndicatorRow[] {
  return report.indicators.map((indicator) => ({ report, indicator }));
}

/** A JSON record: column keys, decimals as strings, missing values as null. */
export function toRecord<T>(columns: readonly Column<T>[], row: T): Record<string, string | number | null> {
  return Object.fromEntries(columns.map((c) => [c.key, c.value(row) ?? null]));
}

/** Spreadsheet programs run a cell starting with these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text cells that could run as a formula get a leading apostrophe; numbers stay numbers. */
export function csvCell(kind: ColumnKind, value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return kind === 'text' && FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV for people with Excel: UTF-8 with BOM, CRLF, a header row of Chinese titles. */
export function toCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  return stringify(
    [columns.map((c) => c.title), ...rows.map((row) => columns.map((c) => csvCell(c.kind, c.value(row))))],
    { bom: true, record_delimiter: 'windows' },
  );
}
