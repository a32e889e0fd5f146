// Output is never half-written: a build fills a fresh folder next to the
// destination and only swaps it in (two renames, microseconds apart) once
// everything succeeded. A build that is killed leaves its staging folder
// behind; the next build removes it, and if a kill ever fell between the two
// renames, puts the previous output back first. The previous output is
// removed by a process of its own once the new one is in place: removing
// thousands of just-written files took 0.8–2 s, the last step of every build.
import { spawn } from 'node:child_process';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { processAlive } from './pid.ts';

const STAGING = (dest: string) => `.${basename(dest)}.staging-`;
const OLD = (dest: string) => `.${basename(dest)}.old-`;
/** A previous output that is no longer needed, being removed (removeLater). */
const REMOVING = (dest: string) => `.${basename(dest)}.removing-`;

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

export async function stagingDir(dest: string): Promise<string> {
  await recoverDir(dest);
  const dir = join(dirname(dest), `${STAGING(dest)}${process.pid}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

export async function publishDir(staging: string, dest: string): Promise<void> {
  const old = join(dirname(dest), `${OLD(dest)}${process.pid}`);
  await rm(old, { recursive: true, force: true });
  let moved = false;
  try {
    await rename(dest, old);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await rename(staging, dest);
  if (moved) await removeLater(old, dest);
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
