// The check results of a whole content tree in one file: for each report, the
// hash of what decided its result (its path and bytes; whether bodies were
// rendered names the file) and the result; beside it, what each department
// file came to, and each report's key with the file's times when it was read
// (a report as it was is not read again: like git's index). One file per tree,
// read once and written once, instead of a file per report: at 20,000 reports
// the reads of single files were the cached check's whole time.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../config.ts';
import { fileStampSync, nowNs, racy } from '../lib/file-stamp.ts';
import { openKeptEntries } from '../lib/kept-entries.ts';
import { codeVersion } from './code-version.ts';
import type { ScanResponse } from './scan.ts';
import type { CachedDepartment, DepartmentCache } from '../source/load.ts';
import type { ContentSource } from '../source/content-source.ts';

const BASE = join(PROJECT_ROOT, 'node_modules/.cache/gongkai/check');

/** This tree's cache file for this version of the code; other versions' files are removed. */
async function cacheFile(root: string, render: boolean): Promise<string> {
  const version = await codeVersion();
  for (const old of await readdir(BASE).catch(() => [] as string[]))
    if (old !== version) await rm(join(BASE, old), { recursive: true, force: true });
  return join(BASE, version, `${treeName(root, render)}.json`);
}

const treeName = (root: string, render: boolean) =>
  `${createHash('sha256').update(root).digest('hex').slice(0, 16)}${render ? '-rendered' : ''}`;

/** Beside the tree's cache file in a version's folder: the digest of reports/ the last scan saw (stampsDigest). */
const lastRunFile = (version: string, root: string, render: boolean) =>
  join(BASE, version, `${treeName(root, render)}.last-run`);

/** The file times of reports/, all in one digest. */
function stampsDigest(root: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0${fileStampSync(join(root, file))?.id ?? '-'}\n`);
  return hash.digest('hex');
}

/**
 * Whether every file of reports/ is as the last scan in this mode (`render`:
 * the build's) found it, by the file times: then the cache most likely
 * answers every report, and no worker need load the checks ahead of the scan.
 * Only a guess, which costs a little time when wrong: it does not wait for the
 * code's fingerprint (about 70 ms), and looks in whichever version's folder
 * there is.
 */
export async function unchangedSinceLastRun(root: string, render: boolean, files: readonly string[]): Promise<boolean> {
  if (!files.length) return false;
  const digest = stampsDigest(root, files);
  for (const version of await readdir(BASE).catch(() => [] as string[]))
    if ((await readFile(lastRunFile(version, root, render), 'utf8').catch(() => '')) === digest) return true;
  return false;
}

export function entryKey(file: string, bytes: Uint8Array | string): string {
  return createHash('sha256').update(file).update('\0').update(bytes).digest('hex');
}

export interface TreeCache {
  /** Where the tree's results are kept. */
  readonly file: string;
  /** What each department file of the tree came to (a file of its own: the check and the build share it). */
  readonly departments: DepartmentCache;
  /**
   * A report's key: the last run's, when the file is as it was then (size,
   * modification and change times, inode), else from its bytes; undefined when
   * it cannot be read safely (the worker's reading of it explains why).
   */
  keyOf(source: ContentSource, file: string): Promise<string | undefined>;
  get(key: string): ScanResponse | undefined;
  /** Keeps a result for the next run (one that uses images is never kept: they are other files). */
  set(key: string, response: ScanResponse): void;
  /** Writes what this run used: the file holds one tree's worth; and notes the file times of reports/ (unchangedSinceLastRun). */
  save(files: readonly string[]): Promise<void>;
}

export async function openTreeCache(root: string, render: boolean): Promise<TreeCache> {
  const file = await cacheFile(root, render);
  const open = <T>(path: string) => openKeptEntries<T>(path, `${path}.${process.pid}.tmp`);
  const beside = (name: string) => join(dirname(file), `${basename(file).slice(0, 16)}-${name}.json`);
  const [entries, departments, keys] = await Promise.all([
    open<ScanResponse>(file),
    open<CachedDepartment>(beside('departments')),
    open<{ stamp: string; key: string }>(beside('keys')),
  ]);
  const stampOf = (path: string) => {
    const s = fileStampSync(join(root, path));
    return s?.file ? s : undefined;
  };
  return {
    file,
    departments: {
      get: (path, text) => departments.get(entryKey(path, text)),
      set: (path, text, value) => departments.set(entryKey(path, text), value),
    },
    async keyOf(source, path) {
      if ((await source.kind(path)) !== 'file') return undefined;
      const before = stampOf(path);
      const known = keys.get(path);
      if (before && known?.stamp === before.id) return known.key;
      const bytes = await source.read(path).catch(() => undefined);
      if (!bytes) return undefined;
      const key = entryKey(path, bytes);
      // Kept only for a file as it was throughout the read and last changed over a
      // second ago: file times are coarse, and a file written twice in one tick
      // could keep its stamp.
      if (before && stampOf(path)?.id === before.id && !racy(before, nowNs()))
        keys.set(path, { stamp: before.id, key });
      return key;
    },
    get: (key) => entries.get(key),
    set(key, response) {
      if (!response.usesImages) entries.set(key, response);
    },
    save: async (files) => {
      await entries.save();
      await departments.save();
      await keys.save();
      const lastRun = lastRunFile(basename(dirname(file)), root, render);
      const digest = stampsDigest(root, files);
      if ((await readFile(lastRun, 'utf8').catch(() => '')) === digest) return;
      await mkdir(dirname(lastRun), { recursive: true });
      await writeFile(lastRun, digest);
    },
  };
}
