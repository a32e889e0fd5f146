// The check results of a whole content tree in one file: for each report, the
// hash of what decided its result (its path and bytes; whether bodies were
// rendered names the file) and the result; beside it, what each department
// file came to. One file per tree,
// read once and written once, instead of a file per report: at 20,000 reports
// the reads of single files were the cached check's whole time.
import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../config.ts';
import { openKeptEntries } from '../lib/kept-entries.ts';
import { codeVersion } from './code-version.ts';
import type { ScanResponse } from './scan.ts';
import type { CachedDepartment, DepartmentCache } from '../source/load.ts';

const BASE = join(PROJECT_ROOT, 'node_modules/.cache/gongkai/check');

/** This tree's cache file for this version of the code; other versions' files are removed. */
async function cacheFile(root: string, render: boolean): Promise<string> {
  const version = await codeVersion();
  for (const old of await readdir(BASE).catch(() => [] as string[]))
    if (old !== version) await rm(join(BASE, old), { recursive: true, force: true });
  const tree = createHash('sha256').update(root).digest('hex').slice(0, 16);
  return join(BASE, version, `${tree}${render ? '-rendered' : ''}.json`);
}

export function entryKey(file: string, bytes: Uint8Array): string {
  return createHash('sha256').update(file).update('\0').update(bytes).digest('hex');
}

export interface TreeCache {
  /** Where the tree's results are kept. */
  readonly file: string;
  /** What each department file of the tree came to (a file of its own: the check and the build share it). */
  readonly departments: DepartmentCache;
  get(key: string): ScanResponse | undefined;
  /** Keeps a result for the next run (one that uses images is never kept: they are other files). */
  set(key: string, response: ScanResponse): void;
  /** Writes what this run used: the file holds one tree's worth. */
  save(): Promise<void>;
}

export async function openTreeCache(root: string, render: boolean): Promise<TreeCache> {
  const file = await cacheFile(root, render);
  const entries = await openKeptEntries<ScanResponse>(file, `${file}.${process.pid}.tmp`);
  const departmentsFile = join(dirname(file), `${basename(file).slice(0, 16)}-departments.json`);
  const departments = await openKeptEntries<CachedDepartment>(departmentsFile, `${departmentsFile}.${process.pid}.tmp`);
  return {
    file,
    departments,
    get: (key) => entries.get(key),
    set(key, response) {
      if (!response.usesImages) entries.set(key, response);
    },
    save: async () => {
      await entries.save();
      await departments.save();
    },
  };
}
