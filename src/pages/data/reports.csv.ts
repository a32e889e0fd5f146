// /data/reports.csv: the same records as reports.json, for spreadsheets
// (UTF-8 with BOM so Excel reads the Chinese correctly).
import type { APIRoute } from 'astro';
import { getReports, getSite } from '../../model/catalog.ts';
import { REPORT_COLUMNS, toCsv } from '../../model/open-data.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const reports = await getReports();
  const rows = reports.map((r) => ({ ...r, siteUrl: site.url }));
  return new Response(toCsv(REPORT_COLUMNS, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
