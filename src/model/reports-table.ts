// The table of every report, /data/reports.json and /data/reports.csv, made
// of one row per report (its JSON record and its CSV line) joined in the
// catalogue's order. The build keeps each report's row with its data files
// (src/build/data-files-step.ts), so a rebuild after one report changed makes
// one row and joins the rest; npm run dev serves the same text from the same
// functions (src/pages/data/[file].json.ts, [table].csv.ts).
import { stringify } from 'csv-stringify/sync';
import type { Report } from '../schema/report.ts';
import type { Site } from '../schema/site.ts';
import { csvCell, jsonType, REPORT_COLUMNS, reportRecord, type PublishedReport } from './open-data.ts';
import { absoluteUrl, PATHS } from './urls.ts';

/** One report's row of the table, as text. */
export interface TableRow {
  /** Its record in reports.json, indented as it stands there. */
  json: string;
  /** Its line of reports.csv, CRLF included. */
  csv: string;
}

/** The catalogue's order, the table's and every list's: newest year first, then by department id. */
export const catalogueOrder = (a: Report, b: Report) => b.year - a.year || a.department.localeCompare(b.department);

const CSV_OPTIONS = { record_delimiter: 'windows' } as const;

export function tableRow(report: PublishedReport, siteUrl: string): TableRow {
  const record = JSON.stringify(reportRecord(report, { siteUrl }), null, 2);
  const row = { ...report, siteUrl };
  return {
    // The depth of a record in the document: two levels of two spaces.
    json: record.replace(/^/gm, '    '),
    csv: stringify([REPORT_COLUMNS.map((c) => csvCell(c.kind, c.value(row)))], CSV_OPTIONS),
  };
}

/** /data/reports.json: the field list, then every report's record. Figures are decimal strings ("825.75"). */
export function reportsJson(site: Site, rows: readonly TableRow[]): string {
  const head = {
    title: `${site.title}：报告主要数据`,
    publisher: site.organizer,
    schema: absoluteUrl(site.url, PATHS.schema),
    ...(site.data_license ? { license: site.data_license } : {}),
    // Each field's JSON type as it really is: figures are decimal strings ("825.75"), declared so.
    fields: REPORT_COLUMNS.map((c) => ({
      key: c.key,
      title: c.title,
      ...jsonType(c.kind),
      description: c.description,
    })),
  };
  const records = rows.length ? `[\n${rows.map((r) => r.json).join(',\n')}\n  ]` : '[]';
  return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "reports": ${records}\n}\n`;
}

/** /data/reports.csv, for people with Excel: UTF-8 with BOM, CRLF, a header row of Chinese titles. */
export function reportsCsv(rows: readonly TableRow[]): string {
  return (
    stringify([REPORT_COLUMNS.map((c) => c.title)], { ...CSV_OPTIONS, bom: true }) + rows.map((r) => r.csv).join('')
  );
}
