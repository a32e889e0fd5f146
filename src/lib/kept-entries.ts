// A cache file of keyed entries that holds what the last run used: read once,
// entries found are kept, new ones added, and written once (through `temp`,
// then renamed) only when it changed. The check's tree cache and the build's
// data-files cache are such files.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface KeptEntries<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /** Writes what this run used. */
  save(): Promise<void>;
}

export async function openKeptEntries<T>(file: string, temp: string): Promise<KeptEntries<T>> {
  let before: Record<string, T> = {};
  try {
    before = JSON.parse(await readFile(file, 'utf8')) as Record<string, T>;
  } catch {
    // none yet, or unreadable: start afresh
  }
  const now = new Map<string, T>();
  let added = false;
  return {
    get(key) {
      const hit = Object.hasOwn(before, key) ? before[key] : undefined;
      if (hit) now.set(key, hit);
      return hit;
    },
    set(key, value) {
      now.set(key, value);
      added = true;
    },
    async save() {
      // Every entry came from the file and all of it was used: it holds this run already.
      if (!added && now.size === Object.keys(before).length) return;
      await mkdir(dirname(file), { recursive: true });
      await writeFile(temp, JSON.stringify(Object.fromEntries(now)));
      await rename(temp, file);
    },
  };
}
