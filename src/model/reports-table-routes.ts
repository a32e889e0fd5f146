// The routes of /data/reports.json, /data/reports.csv and
// /data/datapackage.json exist for npm run dev, where Astro serves the whole
// site from the content tree; the build writes these files itself
// (src/build/data-files-step.ts), from the same functions.
import { getReports, getSite } from './catalog.ts';
import { type TableRow, tableRow } from './reports-table.ts';
import { sitePart } from './site-input.ts';

/** Whether Astro serves the data files the build writes itself: in npm run dev alone. */
export const servesDataFiles = () => sitePart() === 'all';

/** The one page of the [table].csv route: reports, in npm run dev alone. */
export const devTableRoutes = () => (servesDataFiles() ? [{ params: { table: 'reports' } }] : []);

export async function devTableRows(): Promise<TableRow[]> {
  const site = await getSite();
  return (await getReports()).map((r) => tableRow(r, site.url));
}
