// Each report's data files as the last build made them, kept in the site
// cache by a hash of everything they are made from (the code, the site's
// address, the report's figures and its department): a rebuild after one
// report changed makes that report's files and takes the rest from here. One
// file per content tree, read once and written once, holding what the last
// build used (as the check's tree cache does).
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Department } from '../schema/department.ts';
import type { Report } from '../schema/report.ts';
import { codeVersion } from '../scan/code-version.ts';
import { writingFile } from './part-cache.ts';

export interface DataFile {
  path: string;
  text: string;
}

export interface DataFilesCache {
  /** The key of a report's files: what they are made from. */
  key(data: Report, department: Department): string;
  get(key: string): DataFile[] | undefined;
  set(key: string, files: DataFile[]): void;
  /** Keeps what this build used, for the next. */
  save(): Promise<void>;
}

export async function openDataFilesCache(
  cacheDir: string,
  contentRoot: string,
  siteUrl: string,
): Promise<DataFilesCache> {
  const tree = createHash('sha256').update(contentRoot).digest('hex').slice(0, 16);
  const name = `data-files-${tree}.json`;
  const file = join(cacheDir, name);
  let before: Record<string, DataFile[]> = {};
  try {
    before = JSON.parse(await readFile(file, 'utf8')) as Record<string, DataFile[]>;
  } catch {
    // none yet, or unreadable: made afresh
  }
  const shared = `${await codeVersion()}\0${siteUrl}\0`;
  const departments = new Map<Department, string>();
  const now = new Map<string, DataFile[]>();
  let added = false;
  return {
    key(data, department) {
      let d = departments.get(department);
      if (d === undefined) departments.set(department, (d = JSON.stringify(department)));
      return createHash('sha256').update(shared).update(d).update('\0').update(JSON.stringify(data)).digest('hex');
    },
    get(key) {
      const hit = Object.hasOwn(before, key) ? before[key] : undefined;
      if (hit) now.set(key, hit);
      return hit;
    },
    set(key, files) {
      now.set(key, files);
      added = true;
    },
    async save() {
      if (!added && now.size === Object.keys(before).length) return;
      await mkdir(cacheDir, { recursive: true });
      const temp = writingFile(cacheDir, name);
      await writeFile(temp, JSON.stringify(Object.fromEntries(now)));
      await rename(temp, file);
    },
  };
}
