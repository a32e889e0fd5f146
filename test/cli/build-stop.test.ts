// A build that stops, for whatever reason, stops everything it started: a
// site part past its time or memory limit, or the build itself interrupted.
// Nothing is published then, no part process runs on, and the site cache
// keeps nothing of the unfinished parts.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { markOutput } from '../../src/build/output-dir.ts';
import { hashTree } from '../../src/build/sha256sums.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { writeCorpus } from '../../scripts/corpus/write.ts';
import { runScript, STACK_TRACE } from '../helpers/cli.ts';
import { ownSiteCache, SEED_CONTENT, tempDir } from '../helpers/content.ts';
import { settledEntries } from '../helpers/output.ts';

const cleanup: string[] = [];
after(() => Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true }))));

/** Synthetic trees by size, written once: the builds read them and never write there (their check caches are elsewhere). */
const corpora = new Map<number, Promise<string>>();

function corpus(departments: number): Promise<string> {
  let tree = corpora.get(departments);
  if (!tree) {
    tree = tempDir().then(async (home) => {
      cleanup.push(home);
      await writeCorpus({ departments, years: 1, out: join(home, 'content') });
      return join(home, 'content');
    });
    corpora.set(departments, tree);
  }
  return tree;
}

/**
 * A content tree (a copy of `fixture`, or a synthetic one of so many reports,
 * shared by the tests that ask for that size) with a site cache of its own
 * (cold, so its parts are built) and a previous output to keep.
 */
async function setup(fixture: string | number = SEED_CONTENT) {
  const home = await tempDir();
  cleanup.push(home);
  let content = join(home, 'content');
  if (typeof fixture === 'number') content = await corpus(fixture);
  else await cp(fixture, content, { recursive: true });
  const out = join(home, 'out');
  const dist = join(out, 'dist');
  await mkdir(dist, { recursive: true });
  await markOutput(dist);
  await writeFile(join(dist, 'index.html'), 'the previous build');
  const cache = await ownSiteCache();
  cleanup.push(cache);
  return { content, out, dist, cache, before: [...(await hashTree(dist))] };
}

interface PartProcess {
  pid: number;
  pgid: number;
}

/** The site part processes building for this site cache (their command line names the folder they write to, in it). */
function partProcesses(cache: string): PartProcess[] {
  const ps = execFileSync('ps', ['-ww', '-eo', 'pid=,pgid=,args='], { encoding: 'utf8' });
  return ps
    .split('\n')
    .filter((line) => line.includes('scripts/site-part.ts') && line.includes(cache))
    .map((line) => {
      const [pid, pgid] = line.trim().split(/\s+/).map(Number);
      return { pid: pid ?? 0, pgid: pgid ?? 0 };
    });
}

/** Whether a process of the group still runs (a zombie, dead and waiting to be reaped, does not). */
const groupAlive = (pgid: number) =>
  execFileSync('ps', ['-eo', 'pgid=,stat='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .some(([group, stat]) => Number(group) === pgid && !stat?.startsWith('Z'));

async function waitFor(what: string, ready: () => boolean | Promise<boolean>, seconds: number): Promise<void> {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; await sleep(100)) if (await ready()) return;
  assert.fail(`waited ${seconds} s for ${what}`);
}

/** A build's temporary folders in the site cache (“.building-…”, “.plan-…”). */
const unfinished = (name: string) => name.startsWith('.');

async function assertNothingLeft(s: Awaited<ReturnType<typeof setup>>): Promise<void> {
  assert.deepEqual([...(await hashTree(s.dist))], s.before, 'dist/ untouched');
  assert.deepEqual(await settledEntries(s.out), ['dist'], 'no staging folder left');
  assert.deepEqual((await readdir(s.cache).catch(() => [])).filter(unfinished), [], 'no unfinished part in the cache');
}

test('a part past its time limit is stopped: exit 1 naming it, nothing published, the cache clean', async () => {
  const s = await setup();
  const r = await runScript('build', ['--out', s.dist], {
    GONGKAI_CONTENT: s.content,
    GONGKAI_SITE_CACHE: s.cache,
    GONGKAI_PDF: '0',
    GONGKAI_PART_TIMEOUT_S: '1',
  });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /网站部分 p0（1 份报告：reports\/2023\/kgxj\.mdx）生成超过 1 秒，已停止/);
  assert.match(r.stderr, /GONGKAI_PART_TIMEOUT_S/);
  assert.doesNotMatch(r.stderr, STACK_TRACE);
  assert.deepEqual(partProcesses(s.cache), [], 'no part process left');
  await assertNothingLeft(s);
});

test('a part past its memory limit stops the parts beside it', async () => {
  const s = await setup(join(PROJECT_ROOT, 'test/fixtures/sites/multi'));
  const r = await runScript('build', ['--out', s.dist], {
    GONGKAI_CONTENT: s.content,
    GONGKAI_SITE_CACHE: s.cache,
    GONGKAI_PDF: '0',
    GONGKAI_PART_SIZE: '2',
    GONGKAI_PART_HEAP_MB: '24',
  });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(
    r.stderr,
    /网站部分 p\d（\d 份报告：reports\/\d{4}\/[a-z]+\.mdx.*）生成所需内存超过上限（24 MB），已停止/,
  );
  assert.match(r.stderr, /GONGKAI_PART_HEAP_MB/);
  assert.doesNotMatch(r.stderr, STACK_TRACE);
  assert.deepEqual(partProcesses(s.cache), [], 'the catalogue building beside it was stopped too');
  await assertNothingLeft(s);
});

/** Starts a build and waits until a site part process is running for it. */
async function buildWithPartRunning(s: Awaited<ReturnType<typeof setup>>) {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts/build.ts'), '--out', s.dist], {
    env: {
      ...process.env,
      GONGKAI_CONTENT: s.content,
      GONGKAI_SITE_CACHE: s.cache,
      GONGKAI_PDF: '0',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  let exited = false;
  void closed.then(() => (exited = true));
  // A part being built (its folder in the cache), not just the process started ahead while the content is checked.
  const building = async () =>
    (await readdir(s.cache).catch(() => [] as string[])).some((n) => n.startsWith('.building-'));
  await waitFor(
    'a site part being built',
    async () => exited || ((await building()) && partProcesses(s.cache).length > 0),
    120,
  );
  assert.ok(!exited, `the build ended before its site part ran:\n${stderr}`);
  // Into astro build, with whatever it starts (the part's 300 reports take several seconds).
  await sleep(1500);
  const parts = partProcesses(s.cache);
  assert.ok(parts.length > 0, 'the part is still running');
  return { child, closed, parts };
}

test('SIGTERM during the site step stops the part processes with the build', async () => {
  const s = await setup(300);
  const { child, closed, parts } = await buildWithPartRunning(s);
  child.kill('SIGTERM');
  assert.equal(await closed, 130);
  // Killed with the build (what the part started may take a moment to die on a
  // busy machine); a part left running would still be building a second later.
  await waitFor('the part process groups to end', () => parts.every(({ pgid }) => !groupAlive(pgid)), 1);
  assert.deepEqual(partProcesses(s.cache), []);
  await assertNothingLeft(s);
});

test('a build killed outright (SIGKILL) does not leave its part running; the next build cleans the cache', async () => {
  const s = await setup(300);
  const { child, closed, parts } = await buildWithPartRunning(s);
  child.kill('SIGKILL');
  assert.equal(await closed, null);
  // The part notices its parent is gone (checked every 0.25 s; slower on a busy machine).
  await waitFor('the orphaned part to stop', () => parts.every(({ pgid }) => !groupAlive(pgid)), 20);
  assert.ok((await readdir(s.cache)).some(unfinished), 'the killed build left its scratch folders');

  const r = await runScript('build', ['--out', s.dist], {
    GONGKAI_CONTENT: s.content,
    GONGKAI_SITE_CACHE: s.cache,
    GONGKAI_PDF: '0',
    GONGKAI_PART_TIMEOUT_S: '1',
  });
  assert.equal(r.status, 1, 'stopped again, by the time limit this time');
  await assertNothingLeft(s);
});

test('the process started ahead of the renders ends with the build, also when every part was cached', async () => {
  const s = await setup();
  const env = { GONGKAI_CONTENT: s.content, GONGKAI_SITE_CACHE: s.cache, GONGKAI_PDF: '0' };
  for (const pass of ['rendered', 'all cached']) {
    const r = await runScript('build', ['--out', s.dist], env);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, pass === 'rendered' ? /新构建 1，缓存 0/ : /新构建 0，缓存 1/);
    assert.deepEqual(partProcesses(s.cache), [], `no part process left (${pass})`);
  }
});
