// Built sites for the website tests: each test file builds what it needs once,
// with `npm run build -- --out <tmp>` exactly as a user would, from the shipped
// content or a fixture tree under test/fixtures/sites/.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { after } from 'node:test';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { runScript } from '../../helpers/cli.ts';
import { oncePerRun } from '../../helpers/once-per-run.ts';

export const SEED = join(PROJECT_ROOT, 'content');
export const fixtureSite = (name: string) => join(PROJECT_ROOT, 'test/fixtures/sites', name);

const scratchDirs: string[] = [];
// Registered when this module loads (top level), so it runs once the whole test file is done.
after(() => Promise.all(scratchDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A temporary folder removed when the test file ends. */
export async function scratch(prefix = 'gongkai-e2e-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

/** A copy of a content tree outside any git repository, as `content/` in the folder given or a temporary one. */
export async function copyContent(from: string, parent?: string): Promise<string> {
  const dir = join(parent ?? (await scratch('gongkai-content-')), 'content');
  await cp(from, dir, { recursive: true });
  return dir;
}

export interface BuiltSite {
  dir: string;
  log: string;
  /** The content tree it was built from. */
  content: string;
  /** The build's metrics (GONGKAI_BUILD_TIMINGS): how its parts were made. */
  metrics: Record<string, number>;
}

export async function buildSite(content: string, env: NodeJS.ProcessEnv = {}, dir?: string): Promise<BuiltSite> {
  dir ??= join(await scratch(), 'dist');
  const timings = join(await scratch('gongkai-timings-'), 'timings.json');
  // The website tests build without PDFs (test/pdf/ covers those, and the build with them).
  const r = await runScript('build', ['--out', dir], {
    GONGKAI_CONTENT: content,
    GONGKAI_PDF: '0',
    GONGKAI_BUILD_TIMINGS: timings,
    ...env,
  });
  assert.equal(r.status, 0, `build of ${content} failed:\n${r.stdout}\n${r.stderr}`);
  const { metrics } = JSON.parse(await readFile(timings, 'utf8')) as { metrics: Record<string, number> };
  return { dir, log: r.stdout, content, metrics };
}

/** Every file of a built site, as site paths ("/reports/2023/kgxj/index.html"). */
export async function siteFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => `/${relative(dir, join(e.parentPath, e.name)).split(sep).join('/')}`)
    .sort();
}

export const readSiteFile = (dir: string, path: string) => readFile(join(dir, path), 'utf8');

/** The HTML pages of a site as URL paths ("/reports/2023/kgxj/"). */
export async function pagePaths(dir: string): Promise<string[]> {
  return (await siteFiles(dir))
    .filter((f) => f.endsWith('.html') && !f.startsWith('/pagefind/'))
    .map((f) => f.replace(/index\.html$/, ''));
}

/**
 * Sites that several test files read and none changes, built outside git:
 * the shipped report, and the multi-year fixture in parts of three reports,
 * its search index in shards of three (so its search merges several indexes).
 */
export const MULTI_IN_PARTS = { GONGKAI_PART_SIZE: '3', GONGKAI_INDEX_SHARD_SIZE: '3' };
const SHARED = {
  seed: async (home: string) => buildSite(await copyContent(SEED, home), {}, join(home, 'dist')),
  multi: async (home: string) =>
    buildSite(await copyContent(fixtureSite('multi'), home), MULTI_IN_PARTS, join(home, 'dist')),
} as const;

/** A shared site, built once per `npm test` run (see test/helpers/once-per-run.ts). */
export const sharedSite = (name: keyof typeof SHARED): Promise<BuiltSite> => oncePerRun(`site-${name}`, SHARED[name]);
