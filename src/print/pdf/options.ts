// Settings shared by `npm run pdf` and the build step, from flags or the
// environment: GONGKAI_PDF_ENGINE, GONGKAI_PDF_JOBS, GONGKAI_PDF_TIMEOUT
// (seconds), GONGKAI_PDF_CACHE (a folder, or 0 for no cache).
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { UserError } from '../../cli/run.ts';
import { DEFAULT_CACHE_DIR, PdfCache } from './pdf-cache.ts';
import { ENGINES, type Engine } from './engines.ts';

export function parseEngine(text: string | undefined): Engine {
  const engine = text ?? 'pagedjs';
  if (!(ENGINES as readonly string[]).includes(engine)) {
    throw new UserError(`排版引擎应为 ${ENGINES.join(' 或 ')}，而不是“${engine}”`);
  }
  return engine as Engine;
}

function positive(text: string | undefined, what: string, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UserError(`${what}应为正数，而不是“${text}”`);
  return n;
}

/** Pages printing at once: one more than the cores (while one page waits for its PDF, another lays out), at most 4. */
export const parseJobs = (text: string | undefined) =>
  Math.floor(positive(text, '--jobs（同时排版的页面数）', Math.min(4, availableParallelism() + 1)));

export const parseTimeout = (text: string | undefined) => positive(text, '超时秒数', 120) * 1000;

/** The PDF cache: GONGKAI_PDF_CACHE names a folder, or '0' for none. */
export function cacheFrom(setting: string | undefined, disabled = false): PdfCache | undefined {
  if (disabled || setting === '0') return undefined;
  return new PdfCache(setting ? resolve(setting) : DEFAULT_CACHE_DIR);
}
