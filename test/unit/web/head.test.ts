// The source revision stated on report pages: a commit, a commit with
// uncommitted changes, or no git at all — told honestly.
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readHead } from '../../../src/git/head.ts';
import { trustedRevision } from '../../../src/model/revision.ts';
import { tempDir } from '../../helpers/content.ts';
import { commitAll, git, initRepo } from '../../helpers/git.ts';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function repoWithContent(): Promise<{ dir: string; commit: string }> {
  const dir = await tempDir();
  dirs.push(dir);
  await mkdir(join(dir, 'content'));
  await writeFile(join(dir, 'content/site.yaml'), 'title: x\n');
  await writeFile(join(dir, '.gitignore'), 'dist/\n');
  await initRepo(dir);
  const commit = await commitAll(dir, 'x');
  return { dir, commit };
}

test('a clean checkout names its commit', async () => {
  const { dir, commit } = await repoWithContent();
  await mkdir(join(dir, 'dist'));
  await writeFile(join(dir, 'dist/index.html'), 'ignored output does not count');
  assert.deepEqual(await readHead(join(dir, 'content')), { kind: 'commit', commit, dirty: false, root: dir });
});

test('a changed or new file makes the tree dirty', async () => {
  const { dir } = await repoWithContent();
  await writeFile(join(dir, 'content/site.yaml'), 'title: changed\n');
  assert.equal(((await readHead(join(dir, 'content'))) as { dirty: boolean }).dirty, true);
  const other = await repoWithContent();
  await writeFile(join(other.dir, 'content/new.yaml'), 'x: 1\n');
  assert.equal(((await readHead(join(other.dir, 'content'))) as { dirty: boolean }).dirty, true);
});

test('a linked worktree (.git is a file) is followed to its commit', async () => {
  const { dir, commit } = await repoWithContent();
  const parent = await tempDir();
  dirs.push(parent);
  const wt = join(parent, 'wt');
  git(dir, ['worktree', 'add', '-q', '--detach', wt, commit]);
  assert.deepEqual(await readHead(join(wt, 'content')), { kind: 'commit', commit, dirty: false, root: wt });
});

test('outside git, or before the first commit, says why', async () => {
  const plain = await tempDir();
  dirs.push(plain);
  assert.deepEqual(await readHead(plain), { kind: 'none', reason: '内容目录不在 Git 仓库中' });
  await initRepo(plain);
  assert.deepEqual(await readHead(plain), { kind: 'none', reason: 'Git 仓库中还没有提交' });
});

test('the pages trust only a well-formed revision', () => {
  assert.deepEqual(trustedRevision(undefined), { kind: 'unknown' });
  assert.deepEqual(trustedRevision({ kind: 'commit', commit: 'abc' }), { kind: 'unknown' });
  assert.deepEqual(trustedRevision('not an object'), { kind: 'unknown' });
  const commit = 'a'.repeat(40);
  assert.deepEqual(trustedRevision({ kind: 'commit', commit, dirty: true }), {
    kind: 'commit',
    commit,
    dirty: true,
  });
});

test('a deleted file makes the tree dirty; a file only in the index does not', async () => {
  const { dir } = await repoWithContent();
  await rm(join(dir, 'content/site.yaml'));
  assert.equal(((await readHead(join(dir, 'content'))) as { dirty: boolean }).dirty, true);
  const other = await repoWithContent();
  // Staged, then removed from the working tree: the tree still equals the commit.
  await writeFile(join(other.dir, 'staged.txt'), 'x');
  git(other.dir, ['add', 'staged.txt']);
  await rm(join(other.dir, 'staged.txt'));
  assert.equal(((await readHead(join(other.dir, 'content'))) as { dirty: boolean }).dirty, false);
});
