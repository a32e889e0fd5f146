// /data/reports.json: one record per report with every key figure. Figures are
// strings, exactly as published ("825.75", never 825.7500000001).
import type { APIRoute } from 'astro';
import { getReports, getSite } from '../../model/catalog.ts';
import { REPORT_COLUMNS, reportRecords } from '../../model/open-data.ts';
import { absoluteUrl, PATHS } from '../../model/urls.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const reports = await getReports();
  const body = {
    title: `${site.title}：报告主要数据`,
    publisher: site.organizer,
    schema: absoluteUrl(site.url, PATHS.schema),
    fields: REPORT_COLUMNS.map((c) => ({ key: c.key, title: c.title, type: c.kind, description: c.description })),
    reports: reportRecords(reports, { siteUrl: site.url }),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
