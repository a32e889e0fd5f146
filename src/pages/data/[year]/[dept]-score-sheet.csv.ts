// /data/<year>/<dept>-score-sheet.csv in npm run dev (only for reports that
// have a 自评得分表); the build writes these files itself
// (src/build/data-files-step.ts), from the same src/model/report-data.ts.
import type { APIRoute, GetStaticPaths } from 'astro';
import { devDataRoutes } from '../../../model/data-routes.ts';
import { hasScoreSheet, scoreSheetCsv, type ReportDataSource } from '../../../model/report-data.ts';

export const getStaticPaths = (() => devDataRoutes(hasScoreSheet)) satisfies GetStaticPaths;

export const GET: APIRoute<{ report: ReportDataSource }> = ({ props: { report } }) =>
  new Response(scoreSheetCsv(report.data), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
