// Where the content tree lives: content/ in the project, or GONGKAI_CONTENT
// (tests, benchmarks and other counties point it at their own tree).
import { resolve } from 'node:path';

export function contentRoot(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return resolve(cwd, env.GONGKAI_CONTENT || 'content');
}

/** The layout of a content tree, relative to its root. */
export const LAYOUT = {
  site: 'site.yaml',
  departments: 'departments',
  reports: 'reports',
} as const;

/** reports/<year>/<department>.mdx (or .md), captured. */
export const REPORT_PATH = /^reports\/(\d{4})\/([a-z][a-z0-9-]{0,39})\.(mdx|md)$/;
