// Built parts of the site, kept by the hash of everything that went into
// them (the code, and the part's site input: its figures, rendered bodies and
// the revision): a rebuild after one report changed rebuilds that report's
// part and the catalogue, and copies the rest.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cacheDirFor } from '../config.ts';
import { codeVersion } from '../scan/code-version.ts';
import { processAlive } from './pid.ts';

export async function partKey(kind: string, input: string): Promise<string> {
  return createHash('sha256')
    .update(await codeVersion())
    .update('\0')
    .update(kind)
    .update('\0')
    .update(input)
    .digest('hex')
    .slice(0, 24);
}

const DONE = '.complete';

export async function cachedPart(cacheDir: string, key: string): Promise<string | undefined> {
  const dir = join(cacheDir, key);
  return (await stat(join(dir, DONE)).catch(() => undefined)) ? dir : undefined;
}

export const completeMarker = (dir: string) => join(dir, DONE);

/**
 * Where a part is built before it is complete; renamed to its key when it is.
 * Astro's generated files for it go beside it, in the same name plus ".astro".
 */
export const buildingDir = (cacheDir: string, key: string) => join(cacheDir, `.building-${key}-${process.pid}`);
/** This build's scratch folder (the parts' site inputs). */
export const planDir = (cacheDir: string) => join(cacheDir, `.plan-${process.pid}`);
/** A temporary folder and the process that writes it: “.building-<key>-<pid>[.astro]”, “.plan-<pid>”. */
const TEMP = /^\.(?:building-[0-9a-f]+|plan)-(\d+)(?:\.astro)?$/;

/**
 * Removes the temporary folders of builds that were killed (their process is
 * gone), and with `own`, this process's: a part that never completed leaves
 * nothing in the cache, whatever its build wrote.
 */
export async function removeTemporary(cacheDir: string, { own = false } = {}): Promise<void> {
  for (const name of await readdir(cacheDir).catch(() => [] as string[])) {
    const owner = TEMP.exec(name)?.[1];
    if (owner === undefined) continue;
    const pid = Number(owner);
    if (pid === process.pid ? own : !processAlive(pid))
      await rm(join(cacheDir, name), { recursive: true, force: true });
  }
}

/** How long a part nobody uses stays in the cache: long enough for builds running side by side. */
const UNUSED_FOR_MS = 60 * 60 * 1000;

/**
 * Marks the parts this build used as used now, and removes parts no build has
 * used for an hour: the cache holds about one site's worth, and a part another
 * build (of other settings, running alongside) is reading is never removed.
 * Other builds' temporary folders stay.
 */
export async function pruneParts(cacheDir: string, used: ReadonlySet<string>): Promise<void> {
  const now = new Date();
  for (const name of await readdir(cacheDir).catch(() => [] as string[])) {
    if (name.startsWith('.')) continue;
    const marker = completeMarker(join(cacheDir, name));
    if (used.has(name)) {
      await utimes(marker, now, now).catch(() => undefined);
      continue;
    }
    const seen = await stat(marker).catch(() => undefined);
    if (!seen || now.getTime() - seen.mtimeMs > UNUSED_FOR_MS)
      await rm(join(cacheDir, name), { recursive: true, force: true });
  }
}

/** In each content tree's site cache: the tree's path, so a cache whose tree is gone can be told. */
const ROOT_FILE = '.root';

/**
 * The site cache of a content tree, made if need be. The caches of trees that
 * no longer exist are removed on the way: nothing can use them again, and
 * temporary trees (every npm test run builds dozens) would otherwise leave
 * their parts behind for good.
 */
export async function openSiteCache(contentRoot: string): Promise<string> {
  const dir = cacheDirFor(contentRoot, 'site');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, ROOT_FILE), contentRoot);
  const all = dirname(dir);
  for (const name of await readdir(all).catch(() => [] as string[])) {
    const other = join(all, name);
    if (other === dir) continue;
    const root = await readFile(join(other, ROOT_FILE), 'utf8').catch(() => undefined);
    if (root !== undefined && !existsSync(root)) await rm(other, { recursive: true, force: true });
  }
  return dir;
}
