// /data/<year>/<dept>-indicators.csv: a report's 绩效指标 as a spreadsheet.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getRenderableReports, type CatalogReport } from '../../../model/catalog.ts';
import { INDICATOR_COLUMNS, indicatorRows, toCsv } from '../../../model/open-data.ts';

export const getStaticPaths = (async () =>
  (await getRenderableReports()).map((report) => ({
    params: { year: String(report.data.year), dept: report.data.department },
    props: { report },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ report: CatalogReport }> = ({ props: { report } }) =>
  new Response(toCsv(INDICATOR_COLUMNS, indicatorRows(report.data)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
