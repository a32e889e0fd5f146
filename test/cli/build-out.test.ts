// `--out` never destroys: a build replaces its output folder whole, so a
// folder that is not a previous output (a file, the content, the project, a
// folder holding them, someone's files) is refused with nothing touched.
import assert from 'node:assert/strict';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { OUTPUT_MARKER } from '../../src/build/output-dir.ts';
import { hashTree, MANIFEST } from '../../src/build/sha256sums.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { runScript, STACK_TRACE } from '../helpers/cli.ts';
import { SEED_CONTENT, tempDir } from '../helpers/content.ts';

let base = '';
let content = '';
const env = () => ({ GONGKAI_CONTENT: content, GONGKAI_PDF: '0' });
before(async () => {
  base = await tempDir();
  content = join(base, 'content');
  await cp(SEED_CONTENT, content, { recursive: true });
});
after(() => rm(base, { recursive: true, force: true }));

/** Every file and folder name under dir with its bytes: what “untouched” compares. */
async function snapshot(dir: string): Promise<string> {
  const names = (await readdir(dir, { recursive: true })).map(String).sort();
  const hashes = await hashTree(dir);
  return JSON.stringify({ names, hashes: [...hashes] });
}

async function assertRefused(
  args: string[],
  target: string,
  message: RegExp,
  watch: string,
  script = 'build',
): Promise<void> {
  const before = await snapshot(watch);
  const r = await runScript(script, args, env());
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, message);
  assert.match(r.stderr, /已停止，未做任何改动/);
  assert.doesNotMatch(r.stderr, STACK_TRACE);
  assert.equal(await snapshot(watch), before, `${watch} untouched`);
  const staging = `.${basename(target)}.staging-`;
  assert.deepEqual(
    (await readdir(dirname(target))).filter((f) => f.startsWith(staging)),
    [],
    'no staging folder beside it',
  );
}

describe('--out refuses what is not a previous output', () => {
  test('an existing file', async () => {
    const file = join(base, 'notes.txt');
    await writeFile(file, '不要删除');
    await assertRefused(['--out', file], file, /--out .*notes\.txt 是一个文件，不是目录/, base);
    assert.equal(await readFile(file, 'utf8'), '不要删除');
  });

  test('the content folder, a folder inside it, and its parent', async () => {
    await assertRefused(['--out', content], content, /是内容目录（报告源文件所在）/, base);
    await assertRefused(['--out', join(content, 'reports')], content, /在内容目录 .* 里面/, base);
    await assertRefused(['--out', base], base, /包含内容目录/, base);
  });

  test('the project folder and its ancestors', async () => {
    const watch = join(PROJECT_ROOT, 'content');
    await assertRefused(['--out', PROJECT_ROOT], PROJECT_ROOT, /是 gongkai 项目目录本身/, watch);
    const parent = dirname(PROJECT_ROOT);
    // A clone in the temporary folder has this test's content beside it, and
    // the content is named first: refused either way, with the reason that applies.
    const holdsContent = content.startsWith(`${parent}${sep}`);
    await assertRefused(['--out', parent], parent, holdsContent ? /包含内容目录/ : /包含 gongkai 项目目录/, watch);
    const root = await runScript('build', ['--out', '/'], env());
    assert.equal(root.status, 1);
    assert.match(root.stderr, /--out \/ 包含内容目录/);
  });

  test('a folder of other files, for the build, a shard and npm run pdf', async () => {
    const mine = join(base, 'mine');
    await mkdir(join(mine, 'photos'), { recursive: true });
    await writeFile(join(mine, 'photos/a.jpg'), 'jpeg');
    await writeFile(join(mine, 'index.html'), '我的网页');
    const foreign =
      /--out .*mine 里已有文件（index\.html、photos），但不是 gongkai 的输出（没有 \.gongkai-output 标记文件）/;
    await assertRefused(['--out', mine], mine, foreign, mine);
    await assertRefused(['--shard', '1/2', '--out', mine], mine, foreign, mine);
    await assertRefused(['--out', mine], mine, foreign, mine, 'pdf');
  });
});

test('--out takes an empty folder, then replaces that output', async () => {
  const dist = join(base, 'empty');
  await mkdir(dist);
  const first = await runScript('build', ['--out', dist], env());
  assert.equal(first.status, 0, first.stderr);
  assert.ok((await readdir(dist)).includes(OUTPUT_MARKER), 'the output carries the marker');
  const manifest = await readFile(join(dist, MANIFEST), 'utf8');
  assert.doesNotMatch(manifest, /\.gongkai-output/, 'the marker is not part of the publication');

  await writeFile(join(dist, 'stale.html'), 'from the previous build');
  const again = await runScript('build', ['--out', dist], env());
  assert.equal(again.status, 0, again.stderr);
  assert.ok(!(await readdir(dist)).includes('stale.html'), 'the previous output replaced');
  assert.equal(await readFile(join(dist, MANIFEST), 'utf8'), manifest);
});

test('a site cache outside the project is refused before anything is read or written', async () => {
  const dist = join(base, 'cache-refused');
  const cache = join(base, 'site-cache');
  const r = await runScript('build', ['--out', dist], { ...env(), GONGKAI_SITE_CACHE: cache });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /GONGKAI_SITE_CACHE 须是本项目（.*）中的文件夹，例如 node_modules\/\.cache\/gongkai\/site/);
  assert.doesNotMatch(r.stderr, STACK_TRACE);
  assert.doesNotMatch(r.stdout, /检查/, 'refused before the check');
  await assert.rejects(readdir(dist));
  await assert.rejects(readdir(cache));
});
