// /data/reports.json and /data/datapackage.json in npm run dev; the build
// writes both itself (src/build/data-files-step.ts), from the same functions.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getReports, getSite } from '../../model/catalog.ts';
import { dataPackageJson } from '../../model/datapackage.ts';
import { devTableRows, servesDataFiles } from '../../model/reports-table-routes.ts';
import { reportsJson } from '../../model/reports-table.ts';

const FILES: Readonly<Record<string, () => Promise<string>>> = {
  reports: async () => reportsJson(await getSite(), await devTableRows()),
  datapackage: async () => dataPackageJson(await getSite(), await getReports()),
};

export const getStaticPaths = (() =>
  servesDataFiles() ? Object.keys(FILES).map((file) => ({ params: { file } })) : []) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await (FILES[params.file as string] as () => Promise<string>)(), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
