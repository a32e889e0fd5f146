// /data/<year>/<dept>.json: everything a report's frontmatter holds (validated,
// figures as exact strings), with its department and its address.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getRenderableReports, getSite, type CatalogReport } from '../../../model/catalog.ts';
import { absoluteUrl, PATHS } from '../../../model/urls.ts';

export const getStaticPaths = (async () =>
  (await getRenderableReports()).map((report) => ({
    params: { year: String(report.data.year), dept: report.data.department },
    props: { report },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ report: CatalogReport }> = async ({ props: { report } }) => {
  const site = await getSite();
  const body = {
    url: absoluteUrl(site.url, report.path),
    schema: absoluteUrl(site.url, PATHS.schema),
    department: report.department,
    report: report.data,
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
