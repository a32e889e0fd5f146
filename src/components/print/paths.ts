// The print and preview routes exist for every report, like the report page.
import { getReports } from '../../model/catalog.ts';

export async function reportRoutes() {
  const reports = await getReports();
  return reports.map((report) => ({
    params: { year: String(report.data.year), dept: report.data.department },
    props: { report },
  }));
}
