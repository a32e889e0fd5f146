// The published catalogue as pages see it: reports joined with their
// department, in a stable order. Pages use this, never the site input or
// getCollection directly, so the joining and ordering rules live in one place.
// In `npm run build` the data is the site input the build hands each astro
// build (site-input.ts); without one (npm run dev, astro check) it comes from
// the content collections, which our own scan of the tree fills
// (src/build/content-loaders.ts) in the same shape.
import { getCollection, getEntry } from 'astro:content';
import type { RenderedBody } from '../render/render-body.ts';
import type { ContentProblem } from './content-problems.ts';
import type { Department } from '../schema/department.ts';
import type { Report } from '../schema/report.ts';
import type { Site } from '../schema/site.ts';
import { publishedOn } from './key-figures.ts';
import {
  buildsPrint,
  buildsReports,
  readSiteInput,
  type InputReport,
  type PdfInfo,
  type ReportChange,
} from './site-input.ts';
import { departmentFinder } from './departments.ts';
import { catalogueOrder } from './reports-table.ts';
import { trustedRevision, type Revision } from './revision.ts';
import { reportPath } from './urls.ts';

export { reportPath };

export interface CatalogReport {
  /** The rendered body; absent in the catalogue part, which renders no report bodies, and for reports a patch does not render. */
  body?: RenderedBody;
  data: Report;
  department: Department;
  /** /reports/2023/kgxj/ */
  path: string;
  /** The commits that changed the report, newest first (empty outside git). */
  history: readonly ReportChange[];
  /** The version of its source file the page shows. */
  revision: Revision;
  /** Its PDF, when the build makes one. */
  pdf: PdfInfo | undefined;
}

/** A report whose body this build renders. */
export type RenderableReport = CatalogReport & { body: RenderedBody };

interface PageData {
  site: Site;
  departments: Department[];
  /** With their bodies, except in the catalogue part and for the reports a patch does not render. */
  reports: Omit<InputReport, 'file' | 'media'>[];
}

/** The content collections of npm run dev and astro check, in the shape of a site input. */
async function fromCollections(): Promise<PageData> {
  const site = await getEntry('site', 'site');
  if (!site) throw new Error('site.yaml 未加载');
  const { id: _id, ...rest } = site.data;
  const reports = (await getCollection('reports')).map((entry) => {
    // What the loader put beside the body: its headings, history and PDF.
    const metadata = entry.rendered?.metadata as
      (Pick<RenderedBody, 'headings'> & Pick<InputReport, 'history' | 'pdf'>) | undefined;
    return {
      data: entry.data,
      body: { html: entry.rendered?.html ?? '', headings: metadata?.headings ?? [] },
      history: metadata?.history ?? [],
      ...(metadata?.pdf ? { pdf: metadata.pdf } : {}),
    };
  });
  return { site: rest, departments: (await getCollection('departments')).map((d) => d.data), reports };
}

// Pages call these many times in one build (every page, every component):
// the data is read and joined once.
let pageData: Promise<PageData> | undefined;
let departments: Promise<Department[]> | undefined;
let reports: Promise<CatalogReport[]> | undefined;

function getPageData(): Promise<PageData> {
  pageData ??= (async () => {
    // Every report handed over: the catalogue's pages show them all; a report's
    // own pages are made for those handed with their bodies (getRenderableReports).
    return readSiteInput() ?? fromCollections();
  })();
  return pageData;
}

/** The errors that kept files out of the preview (npm run dev); none in a build, which stops at the first. */
export async function getContentProblems(): Promise<ContentProblem[]> {
  if (readSiteInput()) return [];
  return (await getCollection('problems')).map((entry) => entry.data);
}

export async function getSite(): Promise<Site> {
  return (await getPageData()).site;
}

export function getDepartments(): Promise<Department[]> {
  departments ??= getPageData().then((d) => [...d.departments].sort((a, b) => a.id.localeCompare(b.id)));
  return departments;
}

async function loadReports(): Promise<CatalogReport[]> {
  const data = await getPageData();
  const departmentOf = departmentFinder(await getDepartments());
  return data.reports
    .map((r): CatalogReport => ({
      ...(r.body ? { body: r.body } : {}),
      data: r.data,
      department: departmentOf(r.data.department),
      path: reportPath(r.data.year, r.data.department),
      history: r.history ?? [],
      revision: trustedRevision(r.revision),
      pdf: r.pdf,
    }))
    .sort((a, b) => catalogueOrder(a.data, b.data));
}

/** Newest year first, then by department id: every report this build knows. */
export function getReports(): Promise<CatalogReport[]> {
  reports ??= loadReports();
  return reports;
}

const withBody = (reports: CatalogReport[]) => reports.filter((r): r is RenderableReport => r.body !== undefined);

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
