// The source version stated on report pages: the newest commit that changed
// the report's file, that commit with uncommitted changes to the file, a file
// not yet committed, or no git at all — told honestly. The build's log names
// the commit checked out.
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readChangedFiles } from '../../../src/git/changed-files.ts';
import { readHead } from '../../../src/git/head.ts';
import { readHistory } from '../../../src/git/history.ts';
import { sourceRevision, trustedRevision } from '../../../src/model/revision.ts';
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

test('a report page shows the commit that last changed its file, not the commit checked out', async () => {
  const { dir, commit: first } = await repoWithContent();
  const content = join(dir, 'content');
  await mkdir(join(content, 'reports/2023'), { recursive: true });
  await writeFile(join(content, 'reports/2023/a.mdx'), '甲\n');
  await writeFile(join(content, 'reports/2023/b.mdx'), '乙\n');
  const added = await commitAll(dir, '两份报告', 1_719_400_000);
  await writeFile(join(content, 'reports/2023/b.mdx'), '乙，改过\n');
  const head = await commitAll(dir, '改正乙', 1_719_500_000);
  const repository = await readHead(content);
  assert.equal(repository.kind === 'commit' && repository.commit, head);
  const history = await readHistory(content);
  const versionOf = (file: string, changed: ReadonlySet<string>) =>
    sourceRevision(repository, history.get(file) ?? [], changed.has(file));
  let changed = await readChangedFiles(content);
  assert.deepEqual([...changed], []);
  assert.deepEqual(versionOf('reports/2023/a.mdx', changed), { kind: 'commit', commit: added, dirty: false });
  assert.deepEqual(versionOf('reports/2023/b.mdx', changed), { kind: 'commit', commit: head, dirty: false });
  assert.deepEqual(versionOf('site.yaml', changed), { kind: 'commit', commit: first, dirty: false });
  // Edited and not committed: that file alone says so; a new file has no version yet.
  await writeFile(join(content, 'reports/2023/a.mdx'), '甲，未提交\n');
  await writeFile(join(content, 'reports/2023/c.mdx'), '丙\n');
  await writeFile(join(dir, 'outside.txt'), '内容目录以外\n');
  changed = await readChangedFiles(content);
  assert.deepEqual([...changed].sort(), ['reports/2023/a.mdx', 'reports/2023/c.mdx']);
  assert.deepEqual(versionOf('reports/2023/a.mdx', changed), { kind: 'commit', commit: added, dirty: true });
  assert.deepEqual(versionOf('reports/2023/b.mdx', changed), { kind: 'commit', commit: head, dirty: false });
  assert.deepEqual(versionOf('reports/2023/c.mdx', changed), { kind: 'none', reason: '源文件尚未提交到 Git' });
});

test('outside git, every report says why it has no version', async () => {
  const plain = await tempDir();
  dirs.push(plain);
  assert.deepEqual([...(await readChangedFiles(plain))], []);
  const none = { kind: 'none', reason: '内容目录不在 Git 仓库中' } as const;
  assert.deepEqual(sourceRevision(none, [], false), none);
});
