// /data/datapackage.json: the open data described as a Frictionless Tabular
// Data Package (v1): every CSV of /data/ as a resource, with its columns,
// their types and meaning from the one column list (open-data.ts), and the
// licence from site.yaml. Paths are relative to /data/, where this file is.
// The build writes it with the other data files (src/build/data-files-step.ts);
// npm run dev serves the same text (src/pages/data/[file].json.ts).
import type { Site } from '../schema/site.ts';
import { hasScoreSheet, type ReportDataSource } from './report-data.ts';
import { INDICATOR_COLUMNS, REPORT_COLUMNS, SCORE_SHEET_COLUMNS, tableSchemaType, type Column } from './open-data.ts';
import { absoluteUrl, indicatorsCsvPath, PATHS, scoreSheetCsvPath } from './urls.ts';

/** A path of /data/ relative to the package file. */
const inData = (path: string) => path.slice(PATHS.data.length);

interface ReportRef {
  year: number;
  department: string;
  departmentName: string;
  /** Whether the report has a 自评得分表 (and so a CSV of it). */
  scoreSheet: boolean;
}

const DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true };

function fields(columns: readonly Column<never>[]) {
  return columns.map((c) => ({
    name: c.title,
    title: c.title,
    type: tableSchemaType(c.kind),
    description: [`JSON 键 ${c.key}`, c.description].filter(Boolean).join('；'),
  }));
}

function csvResource(name: string, title: string, path: string, columns: readonly Column<never>[]) {
  return {
    profile: 'tabular-data-resource',
    name,
    title,
    path,
    format: 'csv',
    mediatype: 'text/csv',
    // The files begin with a byte-order mark (for Excel); readers of UTF-8 skip it.
    encoding: 'utf-8',
    dialect: DIALECT,
    schema: { fields: fields(columns), missingValues: [''] },
  };
}

function dataPackage(site: Site, reports: readonly ReportRef[]): Record<string, unknown> {
  const license = site.data_license;
  return {
    profile: 'tabular-data-package',
    name: new URL(site.url).hostname.toLowerCase(),
    title: `${site.title}：开放数据`,
    description: '各预算单位部门整体支出绩效自评报告的主要数据和绩效指标，数字与报告原文一致。',
    homepage: absoluteUrl(site.url, PATHS.data),
    ...(license ? { licenses: [{ title: license.name, path: license.url }] } : {}),
    contributors: [{ title: site.organizer, role: 'publisher' }],
    resources: [
      csvResource('reports', '全部报告主要数据', inData(PATHS.reportsCsv), REPORT_COLUMNS as readonly Column<never>[]),
      ...reports.map((r) =>
        csvResource(
          `indicators-${r.year}-${r.department}`,
          `${r.departmentName} ${r.year} 年度绩效指标`,
          inData(indicatorsCsvPath(r.year, r.department)),
          INDICATOR_COLUMNS as readonly Column<never>[],
        ),
      ),
      ...reports
        .filter((r) => r.scoreSheet)
        .map((r) =>
          csvResource(
            `score-sheet-${r.year}-${r.department}`,
            `${r.departmentName} ${r.year} 年度绩效自评得分表`,
            inData(scoreSheetCsvPath(r.year, r.department)),
            SCORE_SHEET_COLUMNS as readonly Column<never>[],
          ),
        ),
    ],
  };
}

/** The text of /data/datapackage.json, for every report in catalogue order. */
export function dataPackageJson(site: Site, reports: readonly ReportDataSource[]): string {
  const refs = reports.map(({ data, department }) => ({
    year: data.year,
    department: department.id,
    departmentName: department.name,
    scoreSheet: hasScoreSheet(data),
  }));
  return `${JSON.stringify(dataPackage(site, refs), null, 2)}\n`;
}
