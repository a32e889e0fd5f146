// Output is never half-written: a build fills a fresh folder next to the
// destination and only swaps it in (two renames, microseconds apart) once
// everything succeeded. A build that is killed leaves its staging folder
// behind; the next build removes it, and if a kill ever fell between the two
// renames, puts the previous output back first.
//
// The output a build replaces is kept beside it (.dist.previous) when the
// build recorded what the new one holds: the next build starts from it
// (reused-output.ts). Otherwise it is removed by a process of its own once
// the new one is in place: removing thousands of just-written files took
// 0.8–2 s, the last step of every build.
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { processAlive } from './pid.ts';
import type { OutputRecord } from './reused-output.ts';

const STAGING = (dest: string) => `.${basename(dest)}.staging-`;
const OLD = (dest: string) => `.${basename(dest)}.old-`;
/** A previous output that is no longer needed, being removed (removeLater). */
const REMOVING = (dest: string) => `.${basename(dest)}.removing-`;
/** The output before the published one, kept for the next build, and the record of what it holds. */
const previousOf = (dest: string) => join(dirname(dest), `.${basename(dest)}.previous`);
/** The record of what the published output holds (it moves to the previous output's when that is replaced). */
const publishedRecordOf = (dest: string) => join(dirname(dest), `.${basename(dest)}.published.json`);
const recordOf = (dir: string) => `${dir}.json`;

/** The names publishing keeps beside an output on purpose: the three above. */
export const KEPT_BESIDE = /^\..+\.(previous|previous\.json|published\.json)$/;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Removes what killed builds left behind, restoring dest if it went missing mid-swap. */
export async function recoverDir(dest: string): Promise<void> {
  const parent = dirname(dest);
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const name of entries) {
    // Left by a removal that failed, or still under way: removing it twice at once may fail; the next build tries again.
    if (name.startsWith(REMOVING(dest))) await rm(join(parent, name), { recursive: true, force: true }).catch(() => {});
    for (const prefix of [STAGING(dest), OLD(dest)]) {
      if (!name.startsWith(prefix)) continue;
      const pid = Number(name.slice(prefix.length));
      if (pid === process.pid || processAlive(pid)) continue;
      const path = join(parent, name);
      if (prefix === OLD(dest) && !(await exists(dest))) await rename(path, dest);
      else await rm(path, { recursive: true, force: true });
    }
  }
}

/** The output before the published one, kept with the record of what it holds; undefined when there is none. */
export async function previousOutput(dest: string): Promise<{ dir: string; record: OutputRecord } | undefined> {
  const dir = previousOf(dest);
  const record = await readFile(recordOf(dir), 'utf8')
    .then((text) => JSON.parse(text) as OutputRecord)
    .catch(() => undefined);
  return record && { dir, record };
}

/**
 * The folder a build writes into: `take` (the previous output) when given
 * and still there, else a new empty folder.
 */
export async function stagingDir(dest: string, take?: string): Promise<{ dir: string; taken: boolean }> {
  await recoverDir(dest);
  const dir = join(dirname(dest), `${STAGING(dest)}${process.pid}`);
  await rm(dir, { recursive: true, force: true });
  // Taken by renaming: a build beside this one into the same folder cannot take it too.
  if (
    take &&
    (await rename(take, dir).then(
      () => true,
      () => false,
    ))
  ) {
    await rm(recordOf(take), { force: true });
    return { dir, taken: true };
  }
  await mkdir(dir, { recursive: true });
  return { dir, taken: false };
}

/**
 * Swaps the staging folder in. With `record` (what the staging folder holds),
 * the output it replaces is kept for the next build; without, it is removed,
 * and no previous output is kept.
 */
export async function publishDir(staging: string, dest: string, record?: OutputRecord): Promise<void> {
  const old = join(dirname(dest), `${OLD(dest)}${process.pid}`);
  await rm(old, { recursive: true, force: true });
  const previous = previousOf(dest);
  // One this build did not start from (there was none, or another build's): not needed any more.
  await rm(recordOf(previous), { force: true });
  if (await exists(previous)) await removeLater(previous, dest);
  let moved = false;
  try {
    await rename(dest, old);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await rename(staging, dest);
  const published = publishedRecordOf(dest);
  const oldRecord =
    moved &&
    record &&
    (await rename(published, recordOf(previous)).then(
      () => true,
      () => false,
    ));
  if (oldRecord) await rename(old, previous);
  else if (moved) await removeLater(old, dest);
  if (record) await writeAtomically(published, JSON.stringify(record));
  else await rm(published, { force: true });
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

const REMOVE_SCRIPT = `try {
  require('node:os').setPriority(19);
  require('node:fs').rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 2 });
} catch {}`;

/**
 * Removes the previous output without the build waiting for it: renamed (so
 * it is never taken for an output to restore), then handed to a detached
 * process at low priority. A folder it leaves behind is removed by the next
 * build (recoverDir).
 */
async function removeLater(old: string, dest: string): Promise<void> {
  const removing = join(dirname(dest), `${REMOVING(dest)}${process.pid}-${Date.now()}`);
  await rename(old, removing);
  try {
    spawn(process.execPath, ['-e', REMOVE_SCRIPT, removing], { detached: true, stdio: 'ignore' })
      .on('error', () => {})
      .unref();
  } catch {
    await rm(removing, { recursive: true, force: true });
  }
}

export async function discardDir(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
