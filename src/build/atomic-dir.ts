// Output is never half-written: a build fills a fresh folder next to the
// destination and only swaps it in (two renames, microseconds apart) once
// everything succeeded. A build that is killed leaves its staging folder
// behind; the next build removes it, and if a kill ever fell between the two
// renames, puts the previous output back first.
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { processAlive } from './pid.ts';

const STAGING = (dest: string) => `.${basename(dest)}.staging-`;
const OLD = (dest: string) => `.${basename(dest)}.old-`;

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
  if (moved) await rm(old, { recursive: true, force: true });
}

export async function discardDir(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
