// Which part of the site an `astro build` makes. A large site is built in
// parts (scripts/lib/build/site.ts): one catalogue part (home, years, open
// data, feed, search…) from every report's figures, and report parts, each
// with the report pages, department pages and per-report data of a group of
// departments. Without GONGKAI_SITE_PART (npm run dev, a plain astro build)
// one build makes everything.

export type SitePart = 'all' | 'catalog' | 'reports';

export const SITE_PART_ENV = 'GONGKAI_SITE_PART';
/** For the catalogue part: a JSON file with every valid report's figures. */
export const CATALOG_ENV = 'GONGKAI_CATALOG';

export function sitePart(env: NodeJS.ProcessEnv = process.env): SitePart {
  const part = env[SITE_PART_ENV];
  return part === 'catalog' || part === 'reports' ? part : 'all';
}

/** Pages made from all reports together: home, years, open data, feed. */
export const buildsCatalog = () => sitePart() !== 'reports';

/** Pages made from one report or one department: reports, departments, per-report data. */
export const buildsReports = () => sitePart() !== 'catalog';
