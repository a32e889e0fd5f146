// /data/reports.csv in npm run dev (src/model/reports-table-routes.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { devTableRoutes, devTableRows } from '../../model/reports-table-routes.ts';
import { reportsCsv } from '../../model/reports-table.ts';

export const getStaticPaths = devTableRoutes satisfies GetStaticPaths;

export const GET: APIRoute = async () =>
  new Response(reportsCsv(await devTableRows()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
