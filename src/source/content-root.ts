// The layout of a content tree. Where the tree is (content/ or
// GONGKAI_CONTENT) is a setting: contentRoot() in src/config.ts.

/** The layout of a content tree, relative to its root. */
export const LAYOUT = {
  site: 'site.yaml',
  departments: 'departments',
  reports: 'reports',
} as const;

/** reports/<year>/<department>.mdx (or .md), captured. */
export const REPORT_PATH = /^reports\/(\d{4})\/([a-z][a-z0-9-]{0,39})\.(mdx|md)$/;

/** How many of these paths (under reports/) are report files. */
export const countReportFiles = (paths: readonly string[]) => paths.filter((p) => /\.mdx?$/.test(p)).length;
