// Each report's data files and its row of the reports table, as the last
// build made them, kept in the site cache by a hash of everything they are
// made from (the code, the site's address, the report's figures and its
// department): a rebuild after one report changed makes that report's and
// takes the rest from here. One file per content tree, read once and written
// once, holding what the last build used (src/lib/kept-entries.ts, as the
// check's tree cache).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Department } from '../schema/department.ts';
import type { Report } from '../schema/report.ts';
import { openKeptEntries, type KeptEntries } from '../lib/kept-entries.ts';
import type { TableRow } from '../model/reports-table.ts';
import { codeVersion } from '../scan/code-version.ts';
import { writingFile } from './part-cache.ts';

export interface DataFile {
  path: string;
  text: string;
}

/** What the build writes for one report. */
export interface ReportOutput {
  files: DataFile[];
  row: TableRow;
}

export interface DataFilesCache extends KeptEntries<ReportOutput> {
  /** The key of a report's files: what they are made from. */
  key(data: Report, department: Department): string;
}

export async function openDataFilesCache(
  cacheDir: string,
  contentRoot: string,
  siteUrl: string,
): Promise<DataFilesCache> {
  const tree = createHash('sha256').update(contentRoot).digest('hex').slice(0, 16);
  const name = `data-files-${tree}.json`;
  const file = join(cacheDir, name);
  const entries = await openKeptEntries<ReportOutput>(file, writingFile(cacheDir, name));
  const shared = `${await codeVersion()}\0${siteUrl}\0`;
  const departments = new Map<Department, string>();
  return {
    ...entries,
    key(data, department) {
      let d = departments.get(department);
      if (d === undefined) departments.set(department, (d = JSON.stringify(department)));
      return createHash('sha256').update(shared).update(d).update('\0').update(JSON.stringify(data)).digest('hex');
    },
  };
}
