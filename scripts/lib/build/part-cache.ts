// Built parts of the site, kept by the hash of everything that went into
// them: a rebuild after one report changed rebuilds that report's part and
// the catalogue, and copies the rest.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { codeVersion } from '../scan/code-version.ts';

export async function partKey(
  contentRoot: string,
  kind: string,
  files: readonly string[],
  extra = '',
): Promise<string> {
  const hash = createHash('sha256');
  hash
    .update(await codeVersion())
    .update('\0')
    .update(kind)
    .update('\0')
    .update(extra)
    .update('\0');
  hash.update(process.env.GONGKAI_REVISION ?? '').update('\0');
  for (const file of files) {
    hash.update(file).update('\0');
    hash.update(await readFile(join(contentRoot, file)).catch(() => Buffer.alloc(0))).update('\0');
  }
  return hash.digest('hex').slice(0, 24);
}

const DONE = '.complete';

export async function cachedPart(cacheDir: string, key: string): Promise<string | undefined> {
  const dir = join(cacheDir, key);
  return (await stat(join(dir, DONE)).catch(() => undefined)) ? dir : undefined;
}

export const completeMarker = (dir: string) => join(dir, DONE);

/** Removes cached parts this build did not use: the cache holds one site's worth. */
export async function pruneParts(cacheDir: string, used: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(cacheDir).catch(() => [] as string[]))
    if (!used.has(name)) await rm(join(cacheDir, name), { recursive: true, force: true });
}
