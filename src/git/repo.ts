// The git repository around a folder, read with isomorphic-git (no git binary
// needed). Linked worktrees (`git worktree add`) keep HEAD in their own folder
// and everything else in the main repository's; isomorphic-git reads only one
// git folder, so both are located here.
import fs from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import git from 'isomorphic-git';
import { UserError } from '../cli/run.ts';

export interface Repo {
  /** The work tree's top folder. */
  dir: string;
  /** Where objects and refs live (the main .git folder). */
  gitdir: string;
  /** Where this work tree's HEAD lives (differs from gitdir in a linked worktree). */
  headDir: string;
  /** Shared object cache for isomorphic-git calls. */
  cache: object;
}

async function readTrimmed(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

export async function openRepo(folder: string): Promise<Repo> {
  let dir: string;
  try {
    dir = await git.findRoot({ fs, filepath: resolve(folder) });
  } catch {
    throw new UserError(
      `${folder} 不在 git 仓库中。npm run diff 比较的是 git 中的两个版本：请在仓库目录中运行，或先用 git clone 取得仓库。`,
    );
  }
  const dotgit = join(dir, '.git');
  let headDir = dotgit;
  if ((await stat(dotgit)).isFile()) {
    const pointer = (await readTrimmed(dotgit))?.replace(/^gitdir:\s*/, '') ?? '';
    headDir = isAbsolute(pointer) ? pointer : resolve(dir, pointer);
  }
  const common = await readTrimmed(join(headDir, 'commondir'));
  const gitdir = common ? resolve(headDir, common) : headDir;
  return { dir, gitdir, headDir, cache: {} };
}

/** The commit HEAD points at, following a symbolic HEAD into the shared refs. */
export async function headCommit(repo: Repo): Promise<string> {
  const head = await readTrimmed(join(repo.headDir, 'HEAD'));
  if (!head) throw new UserError(`${repo.dir} 的 git 仓库没有 HEAD`);
  const symbolic = /^ref:\s*(.+)$/.exec(head);
  if (!symbolic) return head;
  try {
    return await git.resolveRef({ fs, gitdir: repo.gitdir, ref: symbolic[1] ?? '' });
  } catch {
    throw new UserError(`当前分支 ${symbolic[1]} 还没有任何提交`);
  }
}
