// Every public address of the site, in one place: pages, links, the sitemap,
// the feed and the open data all build their URLs here, and so do the links
// the site makes to others (registration lookups, mail, telephone).
import { registrationDigits } from '../schema/registration.ts';

export const reportPath = (year: number, department: string) => `/reports/${year}/${department}/`;
/** The file an address is served from, in the built site (/data/reports.csv → data/reports.csv). */
export const siteFile = (path: string) => path.slice(1);
/** The file a page's address is served from, in the built site (reports/2023/kgxj/index.html). */
export const pageFile = (path: string) => `${siteFile(path)}index.html`;
export const departmentPath = (department: string) => `/departments/${department}/`;
export const yearPath = (year: number) => `/years/${year}/`;
/**
 * A page of a long list (see paging.ts): the first page is the list's own
 * address; /years/2023/2/, /years/2023/you/ (one grade), /years/2023/you/2/.
 */
export const yearListPath = (year: number, page = 1, gradeSlug?: string) =>
  `${yearPath(year)}${gradeSlug ? `${gradeSlug}/` : ''}${page > 1 ? `${page}/` : ''}`;
export const departmentListPath = (page = 1) => `/departments/${page > 1 ? `${page}/` : ''}`;

/**
 * The catch-all route parameter ([...list]) that makes `path` under `base`:
 * "2", "you/2", or undefined for the list's own address.
 */
export const restParam = (path: string, base: string): string | undefined => path.slice(base.length, -1) || undefined;

/** The PDF written by the pdf build step (absent with GONGKAI_PDF=0: the page then has no link). */
export const pdfPath = (year: number, department: string) => `/pdf/${year}/${department}.pdf`;

/** Open data of one report: everything in its frontmatter, and its indicators as a table. */
export const reportJsonPath = (year: number, department: string) => `/data/${year}/${department}.json`;
export const indicatorsCsvPath = (year: number, department: string) => `/data/${year}/${department}-indicators.csv`;
export const scoreSheetCsvPath = (year: number, department: string) => `/data/${year}/${department}-score-sheet.csv`;

export const PATHS = {
  home: '/',
  years: '/years/',
  departments: '/departments/',
  search: '/search/',
  data: '/data/',
  reportsJson: '/data/reports.json',
  reportsCsv: '/data/reports.csv',
  dataPackage: '/data/datapackage.json',
  schema: '/schema/report.json',
  feed: '/feed.xml',
  accessibility: '/accessibility/',
  sitemap: '/sitemap/',
  sitemapXml: '/sitemap-index.xml',
  /** The 党政机关网站标识 image (public/dzjg.svg; replaced by the one the site is granted). */
  dzjgMark: '/dzjg.svg',
  favicon: '/favicon.svg',
} as const;

/** ICP 备案号 → the MIIT registration system, where the number is looked up. */
export const ICP_LOOKUP_URL = 'https://beian.miit.gov.cn/';

/** 公安机关备案号 → its page in the 全国互联网安全管理服务平台 (the link the registration rules ask for). */
export const psbLookupUrl = (psb: string) =>
  `https://beian.mps.gov.cn/#/query/webSearch?code=${registrationDigits(psb)}`;

/** A telephone number as a link: digits and + only (“0743-8522111” → tel:07438522111). */
export const telUrl = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

export const mailUrl = (email: string) => `mailto:${email}`;

/** An absolute URL on the public site (canonical links, feed, sitemap, open data). */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, siteUrl).href;
}
