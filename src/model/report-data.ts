// A report's own open data: /data/<year>/<dept>.json (everything its
// frontmatter holds, figures as exact strings, null for 原文未载, with its
// department, its address, the keys the original does not state and what the
// site computes), its 绩效指标 as CSV, and its 自评得分表 as CSV when it has
// one. Written by the build from the checked model (src/build/data-files-step.ts),
// and served by the Astro routes under src/pages/data/[year]/ in npm run dev.
import { GRADE_DERIVATION, shownFigure, shownGrade } from '../figures/derived.ts';
import { FIGURES } from '../figures/registry.ts';
import type { Department } from '../schema/department.ts';
import type { Report } from '../schema/report.ts';
import {
  INDICATOR_COLUMNS,
  indicatorRows,
  notStatedKeys,
  SCORE_SHEET_COLUMNS,
  scoreSheetLines,
  toCsv,
} from './open-data.ts';
import { absoluteUrl, indicatorsCsvPath, PATHS, reportJsonPath, reportPath, scoreSheetCsvPath } from './urls.ts';

/** What a report's data files are made from. */
export interface ReportDataSource {
  data: Report;
  department: Department;
}

/** Values the original does not state but the site computes and shows (marked 计算 / 按得分推算). */
function derived(data: Report): Record<string, { value: string; how: string }> {
  const out: Record<string, { value: string; how: string }> = {};
  const keys = FIGURES.filter((d) => d.derivable && !d.pattern.includes('*')).map((d) => d.pattern);
  for (const key of keys) {
    const f = shownFigure(data, key);
    if (f?.source === 'derived' && f.value !== null) out[key] = { value: f.value, how: f.how ?? '' };
  }
  data.indicators.forEach((_, i) => {
    const f = shownFigure(data, ['indicators', i, 'rate']);
    if (f?.source === 'derived' && f.value !== null) out[f.key] = { value: f.value, how: f.how ?? '' };
  });
  const grade = shownGrade(data);
  if (grade?.source === 'derived') out.grade = { value: grade.grade, how: GRADE_DERIVATION };
  return out;
}

export function reportJson({ data, department }: ReportDataSource, siteUrl: string): string {
  const body = {
    url: absoluteUrl(siteUrl, reportPath(data.year, data.department)),
    schema: absoluteUrl(siteUrl, PATHS.schema),
    department,
    report: data,
    not_stated: notStatedKeys(data),
    derived: derived(data),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

export const indicatorsCsv = (data: Report) => toCsv(INDICATOR_COLUMNS, indicatorRows(data));

/** Only a report with a 自评得分表 has this file. */
export const hasScoreSheet = (data: Report) => data.score_sheet.length > 0;
export const scoreSheetCsv = (data: Report) => toCsv(SCORE_SHEET_COLUMNS, scoreSheetLines(data));

/** Every data file of a report, by its site path. */
export function reportDataFiles(report: ReportDataSource, siteUrl: string): { path: string; text: string }[] {
  const { year, department } = report.data;
  return [
    { path: reportJsonPath(year, department), text: reportJson(report, siteUrl) },
    { path: indicatorsCsvPath(year, department), text: indicatorsCsv(report.data) },
    ...(hasScoreSheet(report.data)
      ? [{ path: scoreSheetCsvPath(year, department), text: scoreSheetCsv(report.data) }]
      : []),
  ];
}
