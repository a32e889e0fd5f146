// Where things are on disk: the project, the output, caches.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

export function distDir(out?: string): string {
  return resolve(out ?? 'dist');
}

/** A cache folder per content tree, so switching GONGKAI_CONTENT never mixes entries. */
export function cacheDirFor(contentRoot: string, kind: string): string {
  const key = createHash('sha256').update(contentRoot).digest('hex').slice(0, 12);
  return resolve(PROJECT_ROOT, 'node_modules/.cache/gongkai', kind, key);
}
