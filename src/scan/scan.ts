// `npm run check` and the build over a tree of any size: each report is read,
// validated and checked in a worker (bounded in time and memory, all cores
// busy); this thread keeps only the validated figures and the findings, and
// runs the cross-file rules.
import { mapLimited } from '../lib/map-limited.ts';
import type { Outcome } from '../lib/worker-pool.ts';
import { syncDiskSource, type ContentSource, type Listing } from '../source/content-source.ts';
import { countReportFiles, LAYOUT } from '../source/content-root.ts';
import { poolForListing, type ScanPool } from './scan-pool.ts';
import { openTreeCache } from './tree-cache.ts';
import type { Department } from '../schema/department.ts';
import type { KeyPath } from '../lib/key-path.ts';
import type { Report } from '../schema/report.ts';
import type { InputReport } from '../model/site-input.ts';
import type { RenderedBody } from '../render/render-body.ts';
import type { Site } from '../schema/site.ts';
import type { MediaFile } from '../source/media.ts';
import { limitProblem } from '../source/limits.ts';
import { loadRegistry, type Registry } from '../source/load.ts';
import type { Position } from '../source/position.ts';
import type { ProseText } from '../source/prose.ts';
import { checkCollection } from '../checks/collection.ts';
import { byPosition, collectionFindings, type CheckResult } from '../checks/index.ts';
import { checkReportFile } from '../checks/report-findings.ts';
import type { Finding } from '../checks/types.ts';
import { settings } from '../config.ts';

export interface ScanRequest {
  root: string;
  file: string;
  /** Render the body too (see src/render/). */
  render: boolean;
  /** Send back the body's readable text too (the diff compares it). */
  prose: boolean;
}

export { createScanPool, type ScanPool } from './scan-pool.ts';

/** A report as the build needs it after the checks: where it is, and its validated figures. */
export interface ScannedReport {
  file: string;
  data: Report | undefined;
  pathYear: number;
  pathDepartment: string;
  kind: 'md' | 'mdx';
  /** Where the keys the cross-file rules talk about are written. */
  positions: { year: Position; department: Position };
  /** The body parsed (a body with a syntax error is reported, not checked or rendered). */
  parsed: boolean;
  /** The body as HTML, rendered from the checked tree (when the scan was asked to render). */
  body?: RenderedBody;
  /** The readable text, block by block (when the scan was asked for it). */
  prose?: ProseText[];
  media?: MediaFile[];
}

export interface ScanResponse {
  findings: Finding[];
  /** The report uses images (files outside the key of the check cache). */
  usesImages?: boolean;
  report?: ScannedReport;
}

export interface ScanResult extends CheckResult {
  site: Registry['site'];
  departments: Registry['departments'];
  scanned: ScannedReport[];
}

export interface ScanOptions {
  /** Called after each report, for a progress line on a terminal. */
  progress?: (done: number, total: number) => void;
  /** Reuse the results for unchanged files (default); GONGKAI_CHECK_CACHE=0 turns it off. */
  cache?: boolean;
  /** Also render each valid report's body (the build needs it; a check alone does not). */
  render?: boolean;
  /** Also keep each report's readable text (the diff compares it); not cached. */
  prose?: boolean;
  /**
   * Workers to use, owned by the caller and left open; by default the scan
   * starts its own and stops them when done. (Starting workers costs about a
   * second: the tests, which scan a hundred small trees, share one pool.)
   */
  pool?: ScanPool | undefined;
  /** The listing of reports/, when the caller has just taken it (startScanPool). */
  listing?: Listing | undefined;
  /**
   * Called once every report is answered from the cache or handed to a
   * worker (or the scan failed): from then on this thread mostly waits.
   */
  dispatched?: () => void;
}

export async function scanContent(root: string, options: ScanOptions = {}): Promise<ScanResult> {
  const render = options.render ?? false;
  const prose = options.prose ?? false;
  const useCache = (options.cache ?? settings().checkCache) && !prose;
  const disk = syncDiskSource(root);
  const listing = options.listing ?? (await disk.list(LAYOUT.reports));
  const ownPool = options.pool ? undefined : (await poolForListing(root, render, listing, useCache)).pool;
  let told = false;
  const dispatched = () => {
    if (!told) options.dispatched?.();
    told = true;
  };
  try {
    return await scanWith(root, disk, listing, options.pool ?? (ownPool as ScanPool), {
      ...options,
      render,
      prose,
      useCache,
      dispatched,
    });
  } finally {
    dispatched();
    await ownPool?.close();
  }
}

async function scanWith(
  root: string,
  disk: ContentSource,
  reportListing: Listing,
  pool: ScanPool,
  {
    render,
    prose,
    useCache,
    progress,
    dispatched,
  }: ScanOptions & { render: boolean; prose: boolean; useCache: boolean },
): Promise<ScanResult> {
  const cache = useCache ? await openTreeCache(root, render) : undefined;
  const registry = await loadRegistry(root, disk, cache?.departments, reportListing);
  const findings: Finding[] = [];
  // Problems of the registry itself (site.yaml, departments/, symlinks) are reported as they are.
  findings.push(...checkReportFile(undefined, registry.problems));

  const files = registry.reportPaths;
  let answered = 0;
  const handedOver = () => {
    if (++answered === files.length) dispatched?.();
  };
  /** A report's result from the tree's cache, or from a worker (then kept for next time). */
  const result = async (file: string): Promise<Outcome<ScanResponse>> => {
    const key = await cache?.keyOf(disk, file);
    const hit = key ? cache?.get(key) : undefined;
    if (hit) {
      handedOver();
      return { ok: true, value: hit };
    }
    const running = pool.run({ root, file, render, prose });
    handedOver();
    const outcome = await running;
    if (key && outcome.ok) cache?.set(key, outcome.value);
    return outcome;
  };
  const scanned: (ScannedReport | undefined)[] = new Array(files.length);
  let done = 0;
  await mapLimited(files, 64, async (file, i) => {
    const outcome = await result(file);
    if (outcome.ok) {
      findings.push(...outcome.value.findings);
      scanned[i] = outcome.value.report;
    } else {
      findings.push(...checkReportFile(undefined, [{ file, severity: 'error', ...limitProblem(outcome.limit) }]));
    }
    progress?.(++done, files.length);
  });
  await cache?.save(reportListing.files);
  const reports = scanned.filter((r): r is ScannedReport => r !== undefined);
  const positions = new Map(reports.map((r) => [r.file, r.positions]));
  const departmentFiles = new Map(registry.departments.map((d) => [d.file, d]));
  const locate = (file: string, key: KeyPath): Position => {
    const keyName = key[0] === 'year' || key[0] === 'department' ? key[0] : undefined;
    const report = positions.get(file);
    if (report && keyName) return report[keyName];
    return departmentFiles.get(file)?.frontmatter.locate(key) ?? { line: 1, column: 1 };
  };
  findings.push(...collectionFindings(checkCollection(registry.departments, reports), locate));
  return {
    root,
    reports: countReportFiles(files),
    findings: findings.sort(byPosition),
    site: registry.site,
    departments: registry.departments,
    scanned: reports,
  };
}

/** What the build needs of a checked tree: its site, its departments and its valid reports. */
export interface ContentIndex {
  site: Site | undefined;
  departments: Department[];
  reports: InputReport[];
}

export function contentIndex(scan: ScanResult): ContentIndex {
  return {
    site: scan.site?.data,
    departments: scan.departments.flatMap((d): Department[] => (d.data ? [d.data] : [])),
    reports: scan.scanned.flatMap((r): InputReport[] =>
      r.data ? [{ file: r.file, data: r.data, ...(r.body ? { body: r.body, media: r.media ?? [] } : {}) }] : [],
    ),
  };
}
