// /data/<year>/<dept>.json: everything a report's frontmatter holds (validated,
// figures as exact strings, null for 原文未载), with its department and its
// address, the keys the original does not state, and what the site computes.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getRenderableReports, getSite, type CatalogReport } from '../../../model/catalog.ts';
import { GRADE_DERIVATION, shownFigure, shownGrade } from '../../../figures/derived.ts';
import { FIGURES } from '../../../figures/registry.ts';
import { notStatedKeys } from '../../../model/open-data.ts';
import { absoluteUrl, PATHS } from '../../../model/urls.ts';
import type { Report } from '../../../schema/report.ts';

/** Values the original does not state but the site computes and shows (marked 计算 / 按得分推算). */
function derived(data: Report): Record<string, { value: string; how: string }> {
  const out: Record<string, { value: string; how: string }> = {};
  const keys = FIGURES.filter((d) => d.derivable && !d.pattern.includes('*')).map((d) => d.pattern);
  for (const key of keys) {
    const f = shownFigure(data, key);
    if (f?.source === 'derived' && f.value !== null) out[key] = { value: f.value, how: f.how ?? '' };
  }
  data.indicators.forEach((_, i) => {
    const f = shownFigure(data, ['indicators', i, 'rate']);
    if (f?.source === 'derived' && f.value !== null) out[f.key] = { value: f.value, how: f.how ?? '' };
  });
  const grade = shownGrade(data);
  if (grade?.source === 'derived') out.grade = { value: grade.grade, how: GRADE_DERIVATION };
  return out;
}

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
    not_stated: notStatedKeys(report.data),
    derived: derived(report.data),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
