// How a site is split into parts: departments go to buckets by a hash of
// their id, so a department keeps its bucket as others come and go (and a
// cached part stays valid), and all years of a department are in one part
// (its department page needs them). The number of buckets is a power of two,
// so it changes only when the site doubles.
import { createHash } from 'node:crypto';
import type { Settings } from '../config.ts';
import type { SitePart } from '../model/site-input.ts';

/**
 * Reports per part, at most on average (past it the parts double): large
 * enough to keep each part's start-up small, small enough for memory. Chosen
 * by `npm run bench` at 10,000 reports (docs/规模与基准.md).
 */
export const DEFAULT_PART_SIZE = 1000;

/**
 * V8 heap of a report part's render process (MB). Left alone, Astro's build
 * lets garbage pile up towards Node's default limit; capped, it collects
 * sooner: at 10,000 reports the build's peak memory fell from 3.1 to 2.6 GB
 * for a few per cent more time. A report part is bounded by the part size (one
 * of 1,500 reports builds under this cap); the catalogue, which grows with the
 * site, is not capped.
 */
export const PART_HEAP_MB = 768;

/**
 * V8 heap of the render process of a site built in one part (MB): generous
 * (a one-part site has at most GONGKAI_PART_SIZE reports, 1,000 by default,
 * about 1 MB each), but a bound, so a runaway page fails the build rather
 * than the machine. A larger GONGKAI_PART_HEAP_MB raises it too.
 */
export const ALL_HEAP_MB = 2048;

/**
 * Time allowed to each process of a part (render or search index): a
 * start-up allowance plus some per report in the part. Measured, a part takes
 * well under 0.1 s per report (10,000 reports in 16 parts: 203 s in all), so
 * a part past its limit is stuck or fed something pathological, and stopped.
 */
export const PART_TIMEOUT_BASE_S = 60;
export const PART_TIMEOUT_PER_REPORT_S = 2;

/**
 * Up to this many reports the catalogue is built beside the report parts (at
 * 10,000 reports: peak 2.5 GB, and the site step 20 s shorter than with the
 * catalogue alone). Above it the catalogue runs alone, because its memory
 * grows with the site: at 20,000 it takes 1.4 GB, and beside a part the
 * build's peak was 3.1 GB (2.8 GB alone).
 */
export const CATALOG_BESIDE_PARTS_UP_TO = 10_000;

export interface PartPlan {
  /** "p03" of 8: names the part in folders and in the search index. */
  id: string;
  departments: string[];
  /** Report files (content-root relative), sorted. */
  files: string[];
}

function bucketOf(department: string, buckets: number): number {
  return createHash('sha256').update(department).digest().readUInt32BE(0) % buckets;
}

export function planParts(
  reports: readonly { file: string; department: string }[],
  partSize = DEFAULT_PART_SIZE,
): PartPlan[] {
  let buckets = 1;
  while (buckets * partSize < reports.length) buckets *= 2;
  const width = String(buckets - 1).length;
  const plans: PartPlan[] = Array.from({ length: buckets }, (_, i) => ({
    id: `p${String(i).padStart(width, '0')}`,
    departments: [],
    files: [],
  }));
  for (const r of reports) {
    const plan = plans[bucketOf(r.department, buckets)] as PartPlan;
    plan.files.push(r.file);
    plan.departments.push(r.department);
  }
  for (const p of plans) {
    p.files.sort();
    p.departments = [...new Set(p.departments)].sort();
  }
  return plans.filter((p) => p.files.length > 0);
}

type SiteSettings = Settings['site'];

export const partSizeOf = (site: SiteSettings) => site.partSize ?? DEFAULT_PART_SIZE;
export const partHeapOf = (site: SiteSettings) => site.partHeapMb ?? PART_HEAP_MB;
export const allHeapOf = (site: SiteSettings) => Math.max(ALL_HEAP_MB, partHeapOf(site));

/** The V8 heap cap of a part's render process (MB); the catalogue, which grows with the site, has none. */
export function heapOf(kind: SitePart, site: SiteSettings): number | undefined {
  if (kind === 'reports') return partHeapOf(site);
  if (kind === 'catalog') return undefined;
  return allHeapOf(site);
}

/** The part a rebuild after an edit patches first: the whole site's one part, or a report part. */
export const firstPatchedOf = (site: SiteSettings, reports: number): SitePart =>
  reports <= partSizeOf(site) ? 'web' : 'reports';

/** Seconds a process of a part with `reports` reports may take; GONGKAI_PART_TIMEOUT_S sets one limit for all. */
export const partTimeoutOf = (site: SiteSettings, reports: number) =>
  site.partTimeoutS ?? PART_TIMEOUT_BASE_S + PART_TIMEOUT_PER_REPORT_S * reports;
