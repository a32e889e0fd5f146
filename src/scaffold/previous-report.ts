// The report `npm run new` starts from: the latest earlier one of the
// department that reads and validates, parsed with the same limits as the
// checks (a worker, bounded in time and memory). Only that department's files
// are read, however many reports the tree holds.
import { createBodyParser } from '../source/body-parser.ts';
import { diskSource } from '../source/content-source.ts';
import { loadReport, type FileProblem, type ReportFile } from '../source/load.ts';
import { REPORT_PATH } from '../source/content-root.ts';

/** `files`: the department's earlier report files (reports/<year>/<dept>.mdx). */
export async function latestValidReport(root: string, files: readonly string[]): Promise<ReportFile | undefined> {
  const newestFirst = [...files].sort((a, b) => yearOf(b) - yearOf(a));
  if (!newestFirst.length) return undefined;
  const parser = createBodyParser(1);
  try {
    for (const file of newestFirst) {
      const problems: FileProblem[] = [];
      const report = await loadReport(diskSource(root), file, parser, problems);
      if (report?.body && report.data) return report;
    }
    return undefined;
  } finally {
    await parser.close();
  }
}

const yearOf = (file: string) => Number(REPORT_PATH.exec(file)?.[1] ?? 0);
