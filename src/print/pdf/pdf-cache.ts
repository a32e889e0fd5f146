// Finished PDFs by the hash of everything that went into them (page HTML and
// assets, fonts, engine, browser version, metadata), so an unchanged report
// is copied, not rendered again. node_modules/.cache/gongkai/pdf/ by default.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../config.ts';

export const DEFAULT_CACHE_DIR = resolve(PROJECT_ROOT, 'node_modules/.cache/gongkai/pdf');

export const hashOf = (...parts: (string | Uint8Array)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(typeof p === 'string' ? `${p.length}:${p}` : p);
  return h.digest('hex');
};

export interface CachedPdf {
  bytes: Uint8Array;
  pages: number;
}

export class PdfCache {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  private path(key: string, ext: string) {
    return join(this.dir, key.slice(0, 2), `${key}.${ext}`);
  }

  async get(key: string): Promise<CachedPdf | undefined> {
    try {
      const { pages } = JSON.parse(await readFile(this.path(key, 'json'), 'utf8')) as { pages: number };
      return { bytes: await readFile(this.path(key, 'pdf')), pages };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** The PDF first, its page count last: an entry is only found once both are there. */
  async put(key: string, { bytes, pages }: CachedPdf): Promise<void> {
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    for (const [ext, data] of [
      ['pdf', bytes],
      ['json', JSON.stringify({ pages })],
    ] as const) {
      const path = this.path(key, ext);
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, data);
      await rename(tmp, path);
    }
  }
}
