// Every command keeps the compiled code of what it loads (src/cli/compile-cache.mjs),
// and hands the cache on to the processes it starts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../../../src/config.ts';

const PRELOAD = './src/cli/compile-cache.mjs';

/** What a process started with the preload, and a child of it, see of the cache. */
function cacheSeen(env: NodeJS.ProcessEnv): { own: string | undefined; child: string | undefined } {
  const script = `
    const { getCompileCacheDir } = require('node:module');
    const child = require('node:child_process').execFileSync(process.execPath, ['-p', 'require("node:module").getCompileCacheDir()']);
    console.log(JSON.stringify({ own: getCompileCacheDir(), child: String(child).trim() }));`;
  const r = spawnSync(process.execPath, ['--import', PRELOAD, '-e', script], {
    cwd: PROJECT_ROOT,
    env,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { own: string; child: string };
}

const withoutCache = () => {
  const env = { ...process.env };
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  return env;
};

test("every command in package.json loads with the compile cache, kept in the project's node_modules", async () => {
  const { scripts } = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const ours = Object.entries(scripts).filter(([, command]) => /\bscripts\/\S+\.ts\b/.test(command));
  assert.ok(ours.length >= 10);
  for (const [name, command] of ours)
    assert.match(command, /^node --import \.\/src\/cli\/compile-cache\.mjs scripts\//, name);

  const seen = cacheSeen(withoutCache());
  assert.ok(seen.own?.startsWith(join(PROJECT_ROOT, 'node_modules/.cache/gongkai/node-compile')), seen.own);
  assert.equal(seen.child, seen.own, 'the processes a command starts use the same cache');
});

test('NODE_COMPILE_CACHE puts the cache elsewhere; NODE_DISABLE_COMPILE_CACHE turns it off', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-compile-cache-'));
  try {
    const elsewhere = cacheSeen({ ...withoutCache(), NODE_COMPILE_CACHE: dir });
    assert.ok(elsewhere.own?.startsWith(dir), elsewhere.own);
    assert.equal(elsewhere.child, elsewhere.own);
    const off = cacheSeen({ ...withoutCache(), NODE_DISABLE_COMPILE_CACHE: '1' });
    assert.equal(off.own, undefined);
    assert.equal(off.child, 'undefined');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a command whose code is in the cache does not load the TypeScript stripper (about 0.3 CPU-s a command)', () => {
  // As `npm run` starts a command: NODE_COMPILE_CACHE is not set yet, the preload sets it.
  const script = `await import('./src/lib/decimal.ts');
    console.log(process.moduleLoadList.some((m) => m.includes('amaro')) ? 'stripper loaded' : 'no stripper');`;
  const run = () =>
    spawnSync(process.execPath, ['--import', PRELOAD, '--input-type=module', '-e', script], {
      cwd: PROJECT_ROOT,
      env: withoutCache(),
      encoding: 'utf8',
    });
  assert.equal(run().status, 0); // fills the cache, if this file's code was not in it
  const second = run();
  assert.equal(second.status, 0, second.stderr);
  assert.equal(second.stdout.trim(), 'no stripper');
});

test('a cache past 20,000 entries is emptied, checked once a day; nothing but Node’s folders is touched', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-compile-cache-'));
  const run = () => {
    const r = spawnSync(process.execPath, ['--import', PRELOAD, '-e', '0'], {
      cwd: PROJECT_ROOT,
      env: { ...withoutCache(), NODE_COMPILE_CACHE: dir },
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
  };
  try {
    // As Node names its folder: one per Node version and platform.
    const version = join(dir, 'v0.0.0-test');
    // Not Node's: NODE_COMPILE_CACHE may name a folder that holds other things too.
    const other = join(dir, 'photos');
    const fill = (folder = version) => {
      mkdirSync(folder);
      for (let i = 0; i < 20_001; i++) writeFileSync(join(folder, i.toString(16).padStart(8, '0')), '');
    };
    fill();
    fill(other);
    run();
    assert.equal(existsSync(version), false, 'emptied');
    assert.equal(readdirSync(other).length, 20_001, 'a folder not Node’s is never removed');
    fill();
    run();
    assert.equal(existsSync(version), true, 'not looked at again the same day');
    const yesterday = new Date(Date.now() - 25 * 60 * 60 * 1000);
    await utimes(join(dir, '.pruned'), yesterday, yesterday);
    run();
    assert.equal(existsSync(version), false, 'emptied the next day');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
