// The contract between the build and the Astro pages: one JSON file per
// `astro build` with everything that build renders, made by the build from
// the checked content (src/build/site-input-writer.ts) and read here, once.
// The pages read it through catalog.ts; without one (npm run dev, astro
// check) the content loaders (src/build/content-loaders.ts) make the same
// data from the content tree and catalog.ts reads their collections.
import { readFileSync } from 'node:fs';
import { settings } from '../config.ts';
import type { RenderedBody } from '../render/render-body.ts';
import type { Department } from '../schema/department.ts';
import { DEPARTMENT_ID } from '../schema/ids.ts';
import type { Report } from '../schema/report.ts';
import type { Site } from '../schema/site.ts';
import type { MediaFile } from '../source/media.ts';
import type { Revision } from './revision.ts';

/**
 * Which pages an `astro build` makes. The build first makes the print pages
 * ('print' parts), prints the PDFs from them, then the web pages, which link
 * each PDF with its size: a small site as one 'web' part; a large one as one
 * catalogue part (home, years, open data, feed, search…) from every report's
 * figures and report parts, each with the report pages, department pages and
 * per-report data of a group of departments. 'all' (no build input: npm run
 * dev, astro check) makes everything.
 */
export type SitePart = 'all' | 'web' | 'catalog' | 'reports' | 'print';

/** A commit that changed a report (from git, at build time): its change history on the page. */
export interface ReportChange {
  commit: string;
  /** The commit's date, YYYY-MM-DD: a build time would make every build differ. */
  date: string;
  /** The first line of its message. */
  subject: string;
}

/** The PDF the build makes of a report. */
export interface PdfInfo {
  bytes: number;
  pages: number;
}

export interface InputReport {
  /** Path in the content tree: reports/2023/kgxj.mdx. */
  file: string;
  data: Report;
  /** The checked body, rendered once (absent in the catalogue part, which renders no bodies, and for reports a patch does not render). */
  body?: RenderedBody;
  media?: MediaFile[];
  /** The commits that touched the file, newest first (empty outside git). */
  history?: ReportChange[];
  /** The version of the file the page shows (src/model/revision.ts); the report pages' alone, like history. */
  revision?: Revision;
  /** Its PDF, when the build makes one (absent with GONGKAI_PDF=0). */
  pdf?: PdfInfo;
}

export interface SiteInput {
  part: SitePart;
  /**
   * A web part that makes the print pages too: when the build makes no PDFs,
   * there is nothing to wait for, and one `astro build` does both.
   */
  printPages?: boolean;
  site: Site;
  /** The departments this build shows (all of them, or a part's). */
  departments: Department[];
  reports: InputReport[];
}

let input: SiteInput | null | undefined;

/** The build's input for this `astro build`, or undefined when there is none (dev server, editor tooling). */
export function readSiteInput(): SiteInput | undefined {
  if (input === undefined) {
    const file = settings().siteInputFile;
    input = file ? (JSON.parse(readFileSync(file, 'utf8')) as SiteInput) : null;
  }
  return input ?? undefined;
}

export const sitePart = (): SitePart => readSiteInput()?.part ?? 'all';

/** Pages made from all reports together: home, years, open data, feed. */
export const buildsCatalog = () => ['all', 'web', 'catalog'].includes(sitePart());

/** Pages made from one report or one department: reports, departments (each report's data files are written by the build). */
export const buildsReports = () => ['all', 'web', 'reports'].includes(sitePart());

/** The print pages of the reports (and their stylesheet of fonts). */
export const buildsPrint = () =>
  ['all', 'print'].includes(sitePart()) || (readSiteInput()?.printPages === true && buildsReports());

// What each part contributes to the merged site, by output path. Astro renders
// a page without parameters in every part; only its owner's copy is kept.
const PRINT_OWNED = /^(?:reports\/\d{4}\/[^/]+\/print\/|print\/)/;
// A department's own pages are departments/<id>/…; departments/2/ is a page of
// the department index (ids start with a letter), which is the catalogue's.
const DEPARTMENT_SEGMENT = DEPARTMENT_ID.source.replace(/^\^|\$$/g, '');
const REPORT_OWNED = new RegExp(`^(?:reports/|departments/${DEPARTMENT_SEGMENT}/)`);
const DEPARTMENT_FILE = new RegExp(`^(?:reports/\\d{4}/(${DEPARTMENT_SEGMENT})/|departments/(${DEPARTMENT_SEGMENT})/)`);

/** The department whose pages a file belongs to (its reports', its own), if it is one of them. */
export function departmentOfFile(file: string): string | undefined {
  const m = DEPARTMENT_FILE.exec(file);
  return m ? (m[1] ?? m[2]) : undefined;
}
/** Bundled assets (hashed names): every part may have them, and they must agree. */
export const SHARED_OUTPUT = /^_astro\//;

/** What a patch of a part renders anew (part-patch.ts): the changed departments' pages, and the catalogue's when what it shows changed. */
export interface PatchedPages {
  departments: readonly string[];
  catalogue: boolean;
}

/** Whether a file of a part is one a patch renders anew; every other file is the patched build's. */
export function renderedAnew(file: string, { departments, catalogue }: PatchedPages): boolean {
  const department = departmentOfFile(file);
  if (department !== undefined) return departments.includes(department);
  return catalogue && !SHARED_OUTPUT.test(file) && partOwns('catalog', file);
}

/** Whether a file a part wrote (relative to its output) belongs in the site. */
export function partOwns(part: SitePart, file: string, printPages = false): boolean {
  if (SHARED_OUTPUT.test(file)) return true;
  const print = PRINT_OWNED.test(file);
  switch (part) {
    case 'print':
      return print;
    case 'reports':
      return print ? printPages : REPORT_OWNED.test(file);
    case 'catalog':
      return !print && !REPORT_OWNED.test(file);
    case 'web':
      return !print || printPages;
    case 'all':
      return true;
  }
}
