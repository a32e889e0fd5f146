// Where things are on disk: the project, the output, caches.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(import.meta.url), '../..');

export function distDir(out?: string): string {
  return resolve(out ?? 'dist');
}

/** A cache folder per content tree, so switching GONGKAI_CONTENT never mixes entries. */
export function cacheDirFor(contentRoot: string, kind: string): string {
  const key = createHash('sha256').update(contentRoot).digest('hex').slice(0, 12);
  return resolve(PROJECT_ROOT, 'node_modules/.cache/gongkai', kind, key);
}

/**
 * The build hands each `astro build` its data in one JSON file (see
 * src/model/site-input.ts); this variable names it. Unset (npm run dev, a
 * plain astro build or check), the content loaders read the content tree.
 */
export const SITE_INPUT_ENV = 'GONGKAI_SITE_INPUT';

export const siteInputFile = (): string | undefined => process.env[SITE_INPUT_ENV] || undefined;
