// /data/reports.json: one record per report with every key figure. Figures are
// strings, exactly as published ("825.75", never 825.7500000001), and the
// field list says so (type string, format decimal).
import type { APIRoute } from 'astro';
import { getReports, getSite } from '../../model/catalog.ts';
import { jsonType, REPORT_COLUMNS, reportRecords } from '../../model/open-data.ts';
import { absoluteUrl, PATHS } from '../../model/urls.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const reports = await getReports();
  const body = {
    title: `${site.title}：报告主要数据`,
    publisher: site.organizer,
    schema: absoluteUrl(site.url, PATHS.schema),
    ...(site.data_license ? { license: site.data_license } : {}),
    // Each field's JSON type as it really is: figures are decimal strings ("825.75"), declared so.
    fields: REPORT_COLUMNS.map((c) => ({
      key: c.key,
      title: c.title,
      ...jsonType(c.kind),
      description: c.description,
    })),
    reports: reportRecords(reports, { siteUrl: site.url }),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
