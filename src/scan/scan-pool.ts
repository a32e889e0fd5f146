// The workers that check reports (scan-worker.ts), bounded in time and
// memory. Kept apart from scan.ts, which loads the checks: the build starts
// its pool before it loads its own code (scripts/build.ts), so the worker
// loads the checks while the build's process loads the rest.
import { createWorkerPool, defaultPoolSize, type WorkerPool } from '../lib/worker-pool.ts';
import { settings } from '../config.ts';
import { countReportFiles, LAYOUT } from '../source/content-root.ts';
import { syncDiskSource, type Listing } from '../source/content-source.ts';
import { PARSE_HEAP_MB, PARSE_TIMEOUT_MS } from '../source/limits.ts';
import type { ScanRequest, ScanResponse } from './scan.ts';
import { unchangedSinceLastRun } from './tree-cache.ts';

export type ScanPool = WorkerPool<ScanRequest, ScanResponse>;

/** Workers that check reports; a scan makes its own unless handed one. */
export function createScanPool(size: number, timeoutMs = PARSE_TIMEOUT_MS, warm = false): ScanPool {
  return createWorkerPool<ScanRequest, ScanResponse>(new URL('./scan-worker.ts', import.meta.url), {
    size,
    timeoutMs,
    heapMb: PARSE_HEAP_MB,
    warm,
  });
}

/** A scan's pool started ahead of it, with the listing of reports/ it was sized by (the scan and the build use it too). */
export interface EarlyScan {
  pool: ScanPool;
  listing: Listing;
  /** No file of reports/ changed since the last scan in this mode (unchangedSinceLastRun): most likely all comes from caches. */
  unchanged: boolean;
  /** Its first worker started loading the checks at once. */
  warm: boolean;
}

/**
 * The pool for the tree at `root`, started ahead of its scan (`render`: the
 * build's, else the check's); undefined when its reports cannot be listed (the
 * scan says why). When no report changed since the last scan, no worker starts
 * until a report needs one: loading the checks costs about a CPU-second.
 */
export async function startScanPool(root: string, render: boolean): Promise<EarlyScan | undefined> {
  try {
    return await poolForListing(root, render, await syncDiskSource(root).list(LAYOUT.reports), settings().checkCache);
  } catch {
    return undefined;
  }
}

/**
 * The pool for a tree whose reports/ is listed: as many workers as help
 * (defaultPoolSize), the first loading the checks at once, before the cache
 * is read (after a one-report edit it is ready when the edited report comes),
 * unless the cache (if used) most likely answers every report.
 */
export async function poolForListing(
  root: string,
  render: boolean,
  listing: Listing,
  useCache: boolean,
): Promise<EarlyScan> {
  const reportFiles = countReportFiles(listing.files);
  const unchanged = useCache && (await unchangedSinceLastRun(root, render, listing.files));
  const warm = reportFiles > 0 && !unchanged;
  return { pool: createScanPool(defaultPoolSize(reportFiles), undefined, warm), listing, unchanged, warm };
}
