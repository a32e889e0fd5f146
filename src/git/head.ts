// Which commit a tree was built from, and whether its working tree differs
// from that commit, read with isomorphic-git (no git binary needed). Linked
// worktrees (`git worktree add`), whose .git is a file pointing elsewhere, are
// followed by hand: isomorphic-git does not know them.
import git from 'isomorphic-git';
import fs from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export type Head = { kind: 'commit'; commit: string; dirty: boolean; root: string } | { kind: 'none'; reason: string };

interface Repo {
  /** The working tree. */
  dir: string;
  /** Where HEAD and the index live (.git, or .git/worktrees/<name>). */
  gitdir: string;
  /** Where objects and refs live (the same as gitdir except in a linked worktree). */
  commondir: string;
}

async function findRepo(start: string): Promise<Repo | undefined> {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const dotgit = join(dir, '.git');
    const info = await stat(dotgit).catch(() => undefined);
    if (info?.isDirectory()) return { dir, gitdir: dotgit, commondir: dotgit };
    if (info?.isFile()) {
      const m = /^gitdir:\s*(.+)$/m.exec(await readFile(dotgit, 'utf8'));
      if (!m?.[1]) return undefined;
      const gitdir = resolve(dir, m[1].trim());
      const common = await readFile(join(gitdir, 'commondir'), 'utf8').catch(() => undefined);
      return { dir, gitdir, commondir: common ? resolve(gitdir, common.trim()) : gitdir };
    }
    if (dirname(dir) === dir) return undefined;
  }
}

async function headCommit(repo: Repo): Promise<string> {
  const head = (await readFile(join(repo.gitdir, 'HEAD'), 'utf8')).trim();
  const ref = /^ref:\s*(.+)$/.exec(head)?.[1];
  if (!ref) return head; // detached HEAD holds the commit itself
  return git.resolveRef({ fs, gitdir: repo.commondir, ref });
}

/** True when a file differs from the commit, is missing, or is new (and not ignored). */
async function isDirty(repo: Repo, commit: string): Promise<boolean> {
  // refresh: false — a build must never write to the repository, not even the index's stat cache.
  const rows = await git.statusMatrix({ fs, dir: repo.dir, gitdir: repo.commondir, ref: commit, refresh: false });
  // [file, head, workdir, stage]: workdir 2 = differs from the commit (changed or new), 0 = absent.
  // Only the working tree against the commit matters; the index is not read (in a linked worktree
  // it belongs to another checkout).
  return rows.some(([, head, workdir]) => workdir === 2 || (head === 1 && workdir === 0));
}

/** The commit of the repository that holds `path` (a content tree), or why there is none. */
export async function readHead(path: string): Promise<Head> {
  const repo = await findRepo(path);
  if (!repo) return { kind: 'none', reason: '内容目录不在 Git 仓库中' };
  let commit: string;
  try {
    commit = await headCommit(repo);
  } catch {
    return { kind: 'none', reason: 'Git 仓库中还没有提交' };
  }
  return { kind: 'commit', commit, dirty: await isDirty(repo, commit), root: repo.dir };
}
