// What to print: one job per valid report of the content tree, in a stable
// order (by year, then department), so shards split the same list everywhere.
import type { ContentIndex } from '../../scan/scan.ts';
import { reportPath } from '../../model/urls.ts';
import { metadataFor, type PdfMetadata } from './metadata.ts';

export interface PdfJob {
  /** "2023/kgxj": names the report in messages and the manifest. */
  id: string;
  /** The report's web page, /reports/2023/kgxj/ (the print pages hang off it). */
  reportPath: string;
  /** Output file relative to the pdf/ folder: 2023/kgxj.pdf */
  file: string;
  /** The source file relative to the content root, for messages. */
  source: string;
  metadata: PdfMetadata;
  /** The public site (site.yaml url): links to this site in the PDF point there. */
  siteUrl: string | undefined;
}

export function pdfJobs(content: Pick<ContentIndex, 'site' | 'departments' | 'reports'>): PdfJob[] {
  const departments = new Map(content.departments.map((d) => [d.id, d] as const));
  const jobs: PdfJob[] = [];
  for (const report of content.reports) {
    const data = report.data;
    const department = departments.get(data.department);
    if (!department) continue;
    const id = `${data.year}/${data.department}`;
    jobs.push({
      id,
      reportPath: reportPath(data.year, data.department),
      file: `${id}.pdf`,
      source: report.file,
      metadata: metadataFor(data, department),
      siteUrl: content.site?.url,
    });
  }
  return jobs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
