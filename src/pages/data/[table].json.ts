// /data/reports.json in npm run dev (src/model/reports-table-routes.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../model/catalog.ts';
import { devTableRoutes, devTableRows } from '../../model/reports-table-routes.ts';
import { reportsJson } from '../../model/reports-table.ts';

export const getStaticPaths = devTableRoutes satisfies GetStaticPaths;

export const GET: APIRoute = async () =>
  new Response(reportsJson(await getSite(), await devTableRows()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
