// /data/datapackage.json: a Frictionless Data Package describing every CSV of /data/.
import type { APIRoute } from 'astro';
import { getReports, getSite } from '../../model/catalog.ts';
import { dataPackage } from '../../model/datapackage.ts';
import { hasScoreSheet } from '../../model/report-data.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const reports = (await getReports()).map((r) => ({
    year: r.data.year,
    department: r.department.id,
    departmentName: r.department.name,
    scoreSheet: hasScoreSheet(r.data),
  }));
  return new Response(`${JSON.stringify(dataPackage(site, reports), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
