// The published output: atomic (a failed, interrupted or killed build leaves
// the previous dist/ byte-identical), reproducible (same sources, same bytes)
// and verifiable (SHA256SUMS + npm run verify).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { hashTree } from '../../src/build/sha256sums.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { runScript } from '../helpers/cli.ts';
import { tempDir } from '../helpers/content.ts';
import { settledEntries } from '../helpers/output.ts';

let out = '';
let dist = '';
before(async () => {
  out = await tempDir();
  dist = join(out, 'dist');
  const r = await runScript('build', ['--out', dist], { GONGKAI_PDF: '0' });
  assert.equal(r.status, 0, r.stderr);
});
after(() => rm(out, { recursive: true, force: true }));

/** Starts a build, lets it write the website into its staging folder, then stops it with `signal`. */
async function interruptedBuild(signal: NodeJS.Signals): Promise<number | null> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts/build.ts'), '--out', dist], {
    env: { ...process.env, GONGKAI_PDF: '0', ASTRO_TELEMETRY_DISABLED: '1', GONGKAI_PAUSE_AFTER: 'site' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('已暂停')) resolve();
    });
    void closed.then(() => reject(new Error(`the build ended before pausing:\n${output}`)));
  });
  const staging = join(out, `.dist.staging-${child.pid}`);
  assert.ok((await readdir(join(staging, 'reports'))).length > 0, 'the website is half-published in staging');
  child.kill(signal);
  return closed;
}

test('two builds of the same sources are byte-identical, and SHA256SUMS lists every file', async () => {
  const second = join(out, 'second');
  const r = await runScript('build', ['--out', second], { GONGKAI_PDF: '0' });
  assert.equal(r.status, 0);
  const [a, b] = await Promise.all([hashTree(dist), hashTree(second)]);
  assert.deepEqual([...a], [...b]);
  const verify = await runScript('verify', [second, '--against', dist]);
  assert.equal(verify.status, 0, verify.stdout);
  assert.match(verify.stdout, new RegExp(`与清单一致：${a.size} 个文件`));
  await rm(second, { recursive: true });
});

test('a build killed midway leaves the previous dist/ byte-identical; the next build cleans up', async () => {
  const before = await hashTree(dist);
  const code = await interruptedBuild('SIGKILL');
  assert.equal(code, null, 'killed');
  assert.deepEqual([...(await hashTree(dist))], [...before]);
  assert.ok(
    (await readdir(out)).some((f) => f.startsWith('.dist.staging-')),
    'the killed build left its staging folder',
  );

  const r = await runScript('build', ['--out', dist], { GONGKAI_PDF: '0' });
  assert.equal(r.status, 0);
  assert.deepEqual(await settledEntries(out), ['dist'], 'stale staging folders removed');
});

test('Ctrl-C (SIGINT) and SIGTERM discard the half-built output', async () => {
  const before = await hashTree(dist);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const code = await interruptedBuild(signal);
    assert.equal(code, 130, signal);
    assert.deepEqual(await settledEntries(out), ['dist'], `${signal}: nothing left behind`);
    assert.deepEqual([...(await hashTree(dist))], [...before]);
  }
});

test('a build whose previous output vanished mid-swap gets it back', async () => {
  // As if a kill fell between the two renames: dist/ moved aside, not yet replaced.
  const aside = join(out, '.dist.old-999999');
  await cp(dist, aside, { recursive: true });
  await rm(dist, { recursive: true });
  const { recoverDir } = await import('../../src/build/atomic-dir.ts');
  await recoverDir(dist);
  assert.ok(existsSync(join(dist, 'SHA256SUMS')));
  assert.deepEqual(await settledEntries(out), ['dist']);
});

test('npm run verify finds changed, missing and added files, and a copy cannot vouch for itself', async () => {
  const copy = join(out, 'deployed');
  await cp(dist, copy, { recursive: true });
  assert.equal((await runScript('verify', [copy])).status, 0);

  await appendFile(join(copy, 'index.html'), '<script>injected()</script>');
  await unlink(join(copy, 'reports/2023/kgxj/index.html'));
  await writeFile(join(copy, 'extra.html'), 'x');
  const r = await runScript('verify', [copy]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /不同 {2}index\.html/);
  assert.match(r.stdout, /缺少 {2}reports\/2023\/kgxj\/index\.html/);
  assert.match(r.stdout, /多出 {2}extra\.html/);

  // Regenerating the copy's own SHA256SUMS hides the change, but not from the trusted manifest.
  const { formatManifest } = await import('../../src/build/sha256sums.ts');
  await writeFile(join(copy, 'SHA256SUMS'), formatManifest(await hashTree(copy)));
  assert.equal((await runScript('verify', [copy])).status, 0);
  assert.equal((await runScript('verify', [copy, '--against', join(dist, 'SHA256SUMS')])).status, 1);
  await rm(copy, { recursive: true });
});

test('verify explains a missing or damaged manifest, or a file given for the folder, without a stack trace', async () => {
  const empty = await tempDir();
  const r = await runScript('verify', [empty]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /读不到文件清单/);
  await writeFile(join(empty, 'SHA256SUMS'), 'not a manifest line\n');
  const damaged = await runScript('verify', [empty]);
  assert.equal(damaged.status, 1);
  assert.match(damaged.stderr, /格式不对/);
  const file = await runScript('verify', [join(empty, 'SHA256SUMS')]);
  assert.equal(file.status, 1);
  assert.match(file.stderr, /SHA256SUMS 不存在或不是目录：请给出网站副本所在的目录/);
  await rm(empty, { recursive: true });
});
