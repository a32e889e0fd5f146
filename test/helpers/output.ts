// A build swaps its output in at once and keeps the previous one beside it
// for the next build, or removes it in a process of its own
// (src/build/atomic-dir.ts): what a folder holds once that removal has
// finished, not counting what is kept beside an output on purpose.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { KEPT_BESIDE } from '../../src/build/atomic-dir.ts';

export const BEING_REMOVED = /\.removing-/;

/** The entries of `dir` (sorted) once no previous output is still being removed in it. */
export async function settledEntries(dir: string, seconds = 30): Promise<string[]> {
  for (const end = Date.now() + seconds * 1000; ; await sleep(100)) {
    const entries = (await readdir(dir)).filter((e) => !KEPT_BESIDE.test(e)).sort();
    if (!entries.some((e) => BEING_REMOVED.test(e))) return entries;
    if (Date.now() > end) assert.fail(`the previous output in ${dir} was not removed within ${seconds} s: ${entries}`);
  }
}
