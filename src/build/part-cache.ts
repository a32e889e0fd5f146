// Built parts of the site, kept by the hash of everything that went into
// them (the code, and the part's site input: its figures, rendered bodies and
// the revision): a rebuild after one report changed rebuilds that report's
// part and the catalogue, and copies the rest.
import { createHash } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { codeVersion } from '../scan/code-version.ts';

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

/** Removes cached parts this build did not use: the cache holds one site's worth. */
export async function pruneParts(cacheDir: string, used: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(cacheDir).catch(() => [] as string[]))
    if (!used.has(name)) await rm(join(cacheDir, name), { recursive: true, force: true });
}
