// A fingerprint of everything that decides what a check or a build produces:
// our sources (src/, scripts/lib/, public/), the locked dependency versions
// and the build config.
// Caches keyed by it are dropped the moment any of that changes.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';

let cached: Promise<string> | undefined;

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export function codeVersion(): Promise<string> {
  cached ??= (async () => {
    const hash = createHash('sha256');
    const paths = [
      ...(await files('src')),
      ...(await files('scripts/lib')),
      ...(await files('public')),
      join(PROJECT_ROOT, 'package-lock.json'),
      join(PROJECT_ROOT, 'astro.config.mjs'),
    ];
    for (const path of paths) {
      hash.update(path.slice(PROJECT_ROOT.length));
      hash.update(await readFile(path));
    }
    return hash.digest('hex').slice(0, 16);
  })();
  return cached;
}
