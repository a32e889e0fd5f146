// The print route exists for every report, like the report page.
import { getPrintableReports } from '../model/catalog.ts';

export async function reportRoutes() {
  const reports = await getPrintableReports();
  return reports.map((report) => ({
    params: { year: String(report.data.year), dept: report.data.department },
    props: { report },
  }));
}
