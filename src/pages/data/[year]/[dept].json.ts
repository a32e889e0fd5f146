// /data/<year>/<dept>.json in npm run dev; the build writes these files itself
// (src/build/data-files-step.ts), from the same src/model/report-data.ts.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../model/catalog.ts';
import { devDataRoutes } from '../../../model/data-routes.ts';
import { reportJson, type ReportDataSource } from '../../../model/report-data.ts';

export const getStaticPaths = (() => devDataRoutes()) satisfies GetStaticPaths;

export const GET: APIRoute<{ report: ReportDataSource }> = async ({ props: { report } }) =>
  new Response(reportJson(report, (await getSite()).url), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
