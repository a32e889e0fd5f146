// Built parts of the site, kept by the hash of everything that went into
// them (the code, and the part's site input: its figures, rendered bodies and
// each report's 版本记录): a rebuild after one report changed rebuilds that
// report's part and the catalogue, and copies the rest. One cache serves
// every content tree (src/config.ts): the key says what a part is made of,
// not where from.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { mkdir, readdir, rm, stat, utimes } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { UserError } from '../cli/run.ts';
import { PROJECT_ROOT } from '../config.ts';
import { codeVersion } from '../scan/code-version.ts';
import { processAlive } from './pid.ts';

/** A part's folder in the cache: its key (partKey). */
export const PART_NAME = /^[0-9a-f]{24}$/;
/** A content tree's own cache before there was one for all (it held a “.root” file naming the tree). */
const OLD_TREE_CACHE = /^[0-9a-f]{12}$/;

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

/**
 * A finished part, marked as used now: another build, of any content tree,
 * pruning meanwhile sees it in use and leaves it (pruneParts).
 */
export async function cachedPart(cacheDir: string, key: string): Promise<string | undefined> {
  const dir = join(cacheDir, key);
  const now = new Date();
  try {
    await utimes(join(dir, DONE), now, now);
    return dir;
  } catch {
    return undefined; // not there, or not finished
  }
}

export const completeMarker = (dir: string) => join(dir, DONE);
/** A part's files with their SHA-256 (SHA256SUMS format), so a build that copies them need not hash them again. */
export const partSums = (dir: string) => join(dir, '.SHA256SUMS');
/** What a part that can be patched was built from, in digests (part-patch.ts); search index parts have none. */
export const partDigestFile = (dir: string) => join(dir, '.digest.json');

/**
 * The finished parts in the cache (their folders), the most recently used
 * first: every build marks the parts it uses (cachedPart). Synchronous: a few
 * dozen stats, asked as a build starts (kept-renderer.ts) and before a patch.
 */
export function partsNewestFirst(cacheDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(cacheDir);
  } catch {
    return [];
  }
  const used: { dir: string; at: number }[] = [];
  for (const name of names) {
    if (!PART_NAME.test(name)) continue;
    const dir = join(cacheDir, name);
    const at = statSync(completeMarker(dir), { throwIfNoEntry: false })?.mtimeMs;
    if (at !== undefined) used.push({ dir, at });
  }
  return used.sort((a, b) => b.at - a.at).map((u) => u.dir);
}

/**
 * Where a part is built before it is complete; renamed to its key when it is.
 * Astro's generated files for it go beside it, in the same name plus ".astro".
 */
export const buildingDir = (cacheDir: string, key: string) => join(cacheDir, `.building-${key}-${process.pid}`);
/** This build's scratch folder (the parts' site inputs). */
export const planDir = (cacheDir: string) => join(cacheDir, `.plan-${process.pid}`);
/** A file of the cache as this process writes it, before it is renamed into place. */
export const writingFile = (cacheDir: string, name: string) => join(cacheDir, `.writing-${name}-${process.pid}`);
/** A temporary folder or file and the process that writes it: “.building-<key>-<pid>[.astro]”, “.plan-<pid>”, “.writing-<name>-<pid>”. */
const TEMP = /^\.(?:building-[0-9a-f]+|plan|writing-[\w.-]+)-(\d+)(?:\.astro)?$/;

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
export const UNUSED_FOR_MS = 60 * 60 * 1000;

/**
 * Marks the parts this build used as used now, and removes parts no build has
 * used for an hour: the cache holds what the builds of the last hour used (of
 * any content tree), and a part another build running alongside is reading is
 * never removed. Only parts are touched (GONGKAI_SITE_CACHE may name any
 * folder), and the folders of the older layout, one cache per content tree.
 * Other builds' temporary folders stay.
 */
export async function pruneParts(cacheDir: string, used: ReadonlySet<string>): Promise<void> {
  const now = new Date();
  for (const name of await readdir(cacheDir).catch(() => [] as string[])) {
    if (OLD_TREE_CACHE.test(name) && (await stat(join(cacheDir, name, '.root')).catch(() => undefined))) {
      await rm(join(cacheDir, name), { recursive: true, force: true });
      continue;
    }
    if (!PART_NAME.test(name)) continue;
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

/**
 * The site cache (settings().site.cacheDir), made if need be. It must be in
 * the project: parts are built in it, and Astro's build of a part finds the
 * project's packages only from there.
 */
export async function openSiteCache(dir: string): Promise<string> {
  const inside = relative(PROJECT_ROOT, dir);
  if (!inside || inside === '..' || inside.startsWith(`..${sep}`))
    throw new UserError(
      `GONGKAI_SITE_CACHE 须是本项目（${PROJECT_ROOT}）中的文件夹，例如 node_modules/.cache/gongkai/site：` +
        `网站的各部分在缓存文件夹中构建，只有在项目中才能找到它们用到的程序包。现在是 ${dir}。`,
    );
  await mkdir(dir, { recursive: true });
  return dir;
}
