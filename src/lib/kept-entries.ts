// A cache file of keyed entries that holds what the last run used: read once,
// entries found are kept, new ones added, and written once only when it
// changed. The check's tree cache and the build's data-files cache are such
// files.
//
// A run that changes a few entries (a one-report edit: one added, one no
// longer used) appends them to a journal beside the file (`<file>.log`, one
// JSON line each: [key, value] adds, [key] removes) instead of rewriting the
// whole file: at 1,000 reports the tree cache is 14 MB, and rewriting it took
// about 0.3 s of every rebuild. When the journal grows past a quarter of the
// entries the file is rewritten whole (through `temp`, then renamed) and the
// journal removed. Every entry is keyed by what it was made from, so a journal
// line is right on any version of the file; a line cut short (a run killed
// while appending) is skipped.
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface KeptEntries<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /** Writes what this run used. */
  save(): Promise<void>;
}

/** The journal of a cache file. */
export const journalOf = (file: string) => `${file}.log`;

/** Entries a journal may hold before the file is rewritten whole: a quarter of them, and at least this many. */
const JOURNAL_MIN = 16;

type JournalLine<T> = [key: string, value: T] | [key: string];

async function readEntries<T>(
  file: string,
): Promise<{ entries: Map<string, T>; whole: boolean; journalLines: number }> {
  const entries = new Map<string, T>();
  let whole = false;
  try {
    for (const [key, value] of Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, T>))
      entries.set(key, value);
    whole = true;
  } catch {
    // none yet, or unreadable: start afresh (the journal alone still counts)
  }
  let journalLines = 0;
  const journal = await readFile(journalOf(file), 'utf8').catch(() => '');
  for (const line of journal.split('\n')) {
    if (!line) continue;
    let parsed: JournalLine<T>;
    try {
      parsed = JSON.parse(line) as JournalLine<T>;
    } catch {
      continue;
    }
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') continue;
    journalLines++;
    if (parsed.length === 2) entries.set(parsed[0], parsed[1]);
    else entries.delete(parsed[0]);
  }
  return { entries, whole, journalLines };
}

export async function openKeptEntries<T>(file: string, temp: string): Promise<KeptEntries<T>> {
  const { entries: before, whole, journalLines } = await readEntries<T>(file);
  const now = new Map<string, T>();
  const added = new Map<string, T>();
  return {
    get(key) {
      const hit = before.get(key);
      if (hit !== undefined) now.set(key, hit);
      return hit;
    },
    set(key, value) {
      now.set(key, value);
      added.set(key, value);
    },
    async save() {
      const dropped = [...before.keys()].filter((key) => !now.has(key));
      // Every entry came from the file and all of it was used: it holds this run already.
      if (!added.size && !dropped.length) return;
      await mkdir(dirname(file), { recursive: true });
      const journalled = journalLines + added.size + dropped.length;
      if (whole && journalled <= Math.max(JOURNAL_MIN, now.size / 4)) {
        const lines = [...dropped.map((key) => [key]), ...added].map((line) => `${JSON.stringify(line)}\n`);
        await appendFile(journalOf(file), lines.join(''));
        return;
      }
      await writeFile(temp, JSON.stringify(Object.fromEntries(now)));
      await rename(temp, file);
      await rm(journalOf(file), { force: true });
    },
  };
}
