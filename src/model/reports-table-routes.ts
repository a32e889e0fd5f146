// The routes of /data/reports.json and /data/reports.csv exist for npm run
// dev, where Astro serves the whole site from the content tree; the build
// writes both files itself (src/build/data-files-step.ts), from the same rows.
import { getReports, getSite } from './catalog.ts';
import { type TableRow, tableRow } from './reports-table.ts';
import { sitePart } from './site-input.ts';

/** The one page of the [table].json and [table].csv routes: reports, in npm run dev alone. */
export const devTableRoutes = () => (sitePart() === 'all' ? [{ params: { table: 'reports' } }] : []);

export async function devTableRows(): Promise<TableRow[]> {
  const site = await getSite();
  return (await getReports()).map((r) => tableRow(r, site.url));
}
