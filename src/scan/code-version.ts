// A fingerprint of everything that decides what a check or a build produces:
// our sources (src/, scripts/, public/), the locked dependency versions
// and the build config.
// Caches keyed by it are dropped the moment any of that changes.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../lib/list-files.ts';
import { PROJECT_ROOT } from '../config.ts';

let cached: Promise<string> | undefined;

const files = async (dir: string) => (await listFiles(join(PROJECT_ROOT, dir))).map((f) => `${dir}/${f}`);

export function codeVersion(): Promise<string> {
  cached ??= (async () => {
    const hash = createHash('sha256');
    const paths = [
      ...(await files('src')),
      ...(await files('scripts')),
      ...(await files('public')),
      'package-lock.json',
      'astro.config.mjs',
    ];
    for (const path of paths) {
      hash.update(path);
      hash.update(await readFile(join(PROJECT_ROOT, path)));
    }
    return hash.digest('hex').slice(0, 16);
  })();
  return cached;
}
