// The print route exists for every report, like the report page.
import { getRenderableReports } from '../model/catalog.ts';

export async function reportRoutes() {
  const reports = await getRenderableReports();
  return reports.map((report) => ({
    params: { year: String(report.data.year), dept: report.data.department },
    props: { report },
  }));
}
