// The published catalogue as pages see it: reports joined with their
// department, in a stable order. Pages use this, never getCollection directly,
// so the joining and ordering rules live in one place.
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Department } from '../schema/department.ts';
import type { Report } from '../schema/report.ts';
import type { Site } from '../schema/site.ts';
import { publishedOn } from './key-figures.ts';
import {
  buildsPrint,
  buildsReports,
  readSiteInput,
  sitePart,
  type InputReport,
  type PdfInfo,
  type ReportChange,
} from './site-input.ts';
import { departmentFinder } from './departments.ts';
import { reportPath } from './urls.ts';

export { reportPath };

export interface CatalogReport {
  /** The entry to render; absent in the catalogue part, which renders no report bodies. */
  entry?: CollectionEntry<'reports'>;
  data: Report;
  department: Department;
  /** /reports/2023/kgxj/ */
  path: string;
  /** The commits that changed the report, newest first (empty outside git). */
  history: readonly ReportChange[];
  /** Its PDF, when the build makes one. */
  pdf: PdfInfo | undefined;
}

/** A report whose body this build renders. */
export type RenderableReport = CatalogReport & { entry: CollectionEntry<'reports'> };

// Pages call these many times in one build (every page, every component):
// the collections are read and joined once.
let site: Promise<Site> | undefined;
let departments: Promise<Department[]> | undefined;
let reports: Promise<CatalogReport[]> | undefined;

export function getSite(): Promise<Site> {
  site ??= (async () => {
    const entry = await getEntry('site', 'site');
    if (!entry) throw new Error('site.yaml 未加载');
    const { id: _id, ...rest } = entry.data;
    return rest;
  })();
  return site;
}

export function getDepartments(): Promise<Department[]> {
  departments ??= getCollection('departments').then((all) =>
    all.map((d) => d.data).sort((a, b) => a.id.localeCompare(b.id)),
  );
  return departments;
}

/**
 * The catalogue part's reports: every report's checked figures, read from the
 * build's site input. Not a content collection: Astro would keep a copy of
 * each entry in its data store and serialise the store into the build: at
 * 20,000 reports the part took 2.2 GB that way, 1.4 GB this way.
 */
function catalogFigures(): InputReport[] {
  const input = readSiteInput();
  if (!input) throw new Error('目录页只在 npm run build 分部分构建时单独生成');
  return input.reports;
}

/** What the build handed over with a rendered body (content-loaders.ts): its history and PDF. */
function extrasOf(entry: CollectionEntry<'reports'>): Pick<InputReport, 'history' | 'pdf'> {
  const metadata = entry.rendered?.metadata as Pick<InputReport, 'history' | 'pdf'> | undefined;
  return { history: metadata?.history ?? [], ...(metadata?.pdf ? { pdf: metadata.pdf } : {}) };
}

async function loadReports(): Promise<CatalogReport[]> {
  const departmentOf = departmentFinder(await getDepartments());
  const join = (
    data: Report,
    extras: Pick<InputReport, 'history' | 'pdf'>,
    entry?: CollectionEntry<'reports'>,
  ): CatalogReport => {
    return {
      ...(entry ? { entry } : {}),
      data,
      department: departmentOf(data.department),
      path: reportPath(data.year, data.department),
      history: extras.history ?? [],
      pdf: extras.pdf,
    };
  };
  const items =
    sitePart() === 'catalog'
      ? catalogFigures().map((r) => join(r.data, r))
      : (await getCollection('reports')).map((entry) => join(entry.data, extrasOf(entry), entry));
  return items.sort((a, b) => b.data.year - a.data.year || a.data.department.localeCompare(b.data.department));
}

/** Newest year first, then by department id: every report this build knows. */
export function getReports(): Promise<CatalogReport[]> {
  reports ??= loadReports();
  return reports;
}

const withBody = (reports: CatalogReport[]) => reports.filter((r): r is RenderableReport => r.entry !== undefined);

/** The reports whose web pages and data files this build renders (none in the catalogue and print parts). */
export async function getRenderableReports(): Promise<RenderableReport[]> {
  return buildsReports() ? withBody(await getReports()) : [];
}

/** The reports whose print pages this build renders. */
export async function getPrintableReports(): Promise<RenderableReport[]> {
  return buildsPrint() ? withBody(await getReports()) : [];
}

/** Years that have reports, newest first. */
export function yearsOf(reports: readonly CatalogReport[]): number[] {
  return [...new Set(reports.map((r) => r.data.year))].sort((a, b) => b - a);
}

/** Departments that have reports, in registry order, each with its reports (newest first). */
export function byDepartment(
  reports: readonly CatalogReport[],
  departments: readonly Department[],
): { department: Department; reports: CatalogReport[] }[] {
  const of = Map.groupBy(reports, (r) => r.department.id);
  return departments.flatMap((department) => {
    const own = of.get(department.id);
    return own ? [{ department, reports: own }] : [];
  });
}

/** Newest publication first (the feed, “最新发布”); ties by department. */
export function byPublication(reports: readonly CatalogReport[]): CatalogReport[] {
  return [...reports].sort(
    (a, b) =>
      (publishedOn(b.data) ?? '').localeCompare(publishedOn(a.data) ?? '') ||
      a.data.department.localeCompare(b.data.department),
  );
}
