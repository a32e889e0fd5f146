// Output is never half-written: a build fills a fresh folder next to the
// destination and only swaps it in (two renames) once everything succeeded.
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function stagingDir(dest: string): Promise<string> {
  const dir = join(dirname(dest), `.${basename(dest)}.staging-${process.pid}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

export async function publishDir(staging: string, dest: string): Promise<void> {
  const old = join(dirname(dest), `.${basename(dest)}.old-${process.pid}`);
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
