// The routes of each report's data files (src/pages/data/[year]/) exist for
// npm run dev, where Astro serves the whole site from the content tree. The
// build writes those files itself, from the checked model, without Astro
// (src/build/data-files-step.ts): in its parts the routes have no pages.
import type { Report } from '../schema/report.ts';
import { getReports } from './catalog.ts';
import type { ReportDataSource } from './report-data.ts';
import { sitePart } from './site-input.ts';

export async function devDataRoutes(only: (data: Report) => boolean = () => true) {
  if (sitePart() !== 'all') return [];
  return (await getReports())
    .filter((r) => only(r.data))
    .map(({ data, department }) => ({
      params: { year: String(data.year), dept: data.department },
      props: { report: { data, department } satisfies ReportDataSource },
    }));
}
