// /data/<year>/<dept>-indicators.csv in npm run dev; the build writes these
// files itself (src/build/data-files-step.ts), from the same src/model/report-data.ts.
import type { APIRoute, GetStaticPaths } from 'astro';
import { devDataRoutes } from '../../../model/data-routes.ts';
import { indicatorsCsv, type ReportDataSource } from '../../../model/report-data.ts';

export const getStaticPaths = (() => devDataRoutes()) satisfies GetStaticPaths;

export const GET: APIRoute<{ report: ReportDataSource }> = ({ props: { report } }) =>
  new Response(indicatorsCsv(report.data), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
