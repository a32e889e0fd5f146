// /data/<year>/<dept>-score-sheet.csv: a report's 自评得分表 as a spreadsheet
// (only for reports that have one).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getRenderableReports, type CatalogReport } from '../../../model/catalog.ts';
import { SCORE_SHEET_COLUMNS, scoreSheetLines, toCsv } from '../../../model/open-data.ts';

export const getStaticPaths = (async () =>
  (await getRenderableReports())
    .filter((report) => report.data.score_sheet.length > 0)
    .map((report) => ({
      params: { year: String(report.data.year), dept: report.data.department },
      props: { report },
    }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ report: CatalogReport }> = ({ props: { report } }) =>
  new Response(toCsv(SCORE_SHEET_COLUMNS, scoreSheetLines(report.data)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
