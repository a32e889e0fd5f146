// Built sites for the website tests: each test file builds what it needs once,
// with `npm run build -- --out <tmp>` exactly as a user would, from the shipped
// content or a fixture tree under test/fixtures/sites/.
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { after } from 'node:test';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { runScript } from '../../helpers/cli.ts';

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

/** A copy of a content tree outside any git repository. */
export async function copyContent(from: string): Promise<string> {
  const dir = join(await scratch('gongkai-content-'), 'content');
  await cp(from, dir, { recursive: true });
  return dir;
}

export interface BuiltSite {
  dir: string;
  log: string;
}

export async function buildSite(content: string, env: NodeJS.ProcessEnv = {}, dir?: string): Promise<BuiltSite> {
  dir ??= join(await scratch(), 'dist');
  // The website tests build without PDFs (test/pdf/ covers those, and the build with them).
  const r = await runScript('build', ['--out', dir], { GONGKAI_CONTENT: content, GONGKAI_PDF: '0', ...env });
  assert.equal(r.status, 0, `build of ${content} failed:\n${r.stdout}\n${r.stderr}`);
  return { dir, log: r.stdout };
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
 * Sites that several test files read and none changes: the shipped report
 * (built outside git), and the multi-year fixture in parts of three reports
 * (so its search merges several indexes).
 */
const SHARED = {
  seed: async (dir: string) => buildSite(await copyContent(SEED), {}, dir),
  multi: (dir: string) => buildSite(fixtureSite('multi'), { GONGKAI_PART_SIZE: '3' }, dir),
} as const;

const sharedHere = new Map<keyof typeof SHARED, Promise<BuiltSite>>();

/**
 * A shared site, built once per `npm test` run (in GONGKAI_TEST_SHARED, which
 * scripts/test.ts sets and removes; the first test file to ask builds it, the
 * others wait for it), or once per test file when a file runs alone.
 */
export function sharedSite(name: keyof typeof SHARED): Promise<BuiltSite> {
  let site = sharedHere.get(name);
  if (!site) {
    site = process.env.GONGKAI_TEST_SHARED
      ? acrossFiles(join(process.env.GONGKAI_TEST_SHARED, name), SHARED[name])
      : scratch().then((dir) => SHARED[name](join(dir, 'dist')));
    sharedHere.set(name, site);
  }
  return site;
}

async function acrossFiles(home: string, build: (dir: string) => Promise<BuiltSite>): Promise<BuiltSite> {
  const done = join(home, 'built.json');
  const failed = join(home, 'failed.txt');
  try {
    await mkdir(home, { recursive: false });
  } catch {
    // Another test file builds it: wait (a build takes well under the limit).
    for (let waited = 0; waited < 600_000; waited += 200) {
      const site = await readFile(done, 'utf8').catch(() => undefined);
      if (site) return JSON.parse(site) as BuiltSite;
      const error = await readFile(failed, 'utf8').catch(() => undefined);
      if (error !== undefined) throw new Error(`shared site ${home} failed to build in another test file:\n${error}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`shared site ${home} was not built within 10 minutes`);
  }
  try {
    const site = await build(join(home, 'dist'));
    await writeFile(done, JSON.stringify(site));
    return site;
  } catch (error) {
    await writeFile(failed, String(error));
    throw error;
  }
}
