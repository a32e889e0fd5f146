// The report `npm run new` starts from: the latest earlier one of the
// department that reads and validates, parsed with the same limits as the
// checks (a worker, bounded in time and memory). Only that department's files
// are read, however many reports the tree holds.
import { createBodyParser } from '../source/body-parser.ts';
import { diskSource } from '../source/content-source.ts';
import { loadReport, type FileProblem, type ReportFile } from '../source/load.ts';

/** `earlier`: the department's report files before the new year, with their years. */
export async function latestValidReport(
  root: string,
  earlier: readonly { file: string; year: number }[],
): Promise<ReportFile | undefined> {
  if (!earlier.length) return undefined;
  const source = diskSource(root);
  const parser = createBodyParser(1);
  try {
    for (const { file } of [...earlier].sort((a, b) => b.year - a.year)) {
      const problems: FileProblem[] = [];
      const report = await loadReport(source, file, parser, problems);
      if (report?.body && report.data) return report;
    }
    return undefined;
  } finally {
    await parser.close();
  }
}
