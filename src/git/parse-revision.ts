// Revisions as people and CI write them: HEAD, main, origin/main, v2024,
// a (short) commit id, with ~N and ^N suffixes (HEAD~1, main^2).
import fs from 'node:fs';
import git from 'isomorphic-git';
import { UserError } from '../cli/run.ts';
import { headCommit, type Repo } from './repo.ts';

const SUFFIXES = /((?:~\d*|\^\d*)*)$/;

/** An annotated tag points at a tag object; follow it to the commit. */
async function peel(repo: Repo, oid: string): Promise<string> {
  for (let depth = 0; depth < 10; depth++) {
    try {
      await git.readCommit({ fs, gitdir: repo.gitdir, oid, cache: repo.cache });
      return oid;
    } catch {
      try {
        oid = (await git.readTag({ fs, gitdir: repo.gitdir, oid, cache: repo.cache })).tag.object;
      } catch {
        break;
      }
    }
  }
  throw new UserError(`${oid.slice(0, 12)} 不是一个提交（commit）`);
}

async function baseOid(repo: Repo, name: string): Promise<string | undefined> {
  if (name === 'HEAD' || name === '@') return headCommit(repo);
  try {
    return await git.resolveRef({ fs, gitdir: repo.gitdir, ref: name });
  } catch {
    // not a ref name: perhaps a commit id
  }
  if (/^[0-9a-f]{4,40}$/i.test(name)) {
    try {
      return await git.expandOid({ fs, gitdir: repo.gitdir, oid: name.toLowerCase(), cache: repo.cache });
    } catch {
      return undefined;
    }
  }
  return undefined;
}

async function parent(repo: Repo, oid: string, n: number, text: string): Promise<string> {
  const { commit } = await git.readCommit({ fs, gitdir: repo.gitdir, oid, cache: repo.cache });
  const p = commit.parent[n - 1];
  if (!p) throw new UserError(`版本 ${text} 不存在：${oid.slice(0, 7)} 没有第 ${n} 个父提交`);
  return p;
}

/** The commit a revision names; a user error in Chinese when it names nothing. */
export async function resolveRevision(repo: Repo, text: string): Promise<string> {
  const suffix = SUFFIXES.exec(text)?.[1] ?? '';
  const name = text.slice(0, text.length - suffix.length);
  const found = name ? await baseOid(repo, name) : undefined;
  if (!found) {
    throw new UserError(
      `找不到版本“${text}”。可以写分支名（main）、远程分支（origin/main）、标签或提交编号（如 1a2b3c4）；` +
        '在 CI 中请确认检出时取得了完整历史（actions/checkout 的 fetch-depth: 0）。',
    );
  }
  let oid = await peel(repo, found);
  for (const m of suffix.matchAll(/([~^])(\d*)/g)) {
    const n = m[2] === '' ? 1 : Number(m[2]);
    if (m[1] === '~') for (let i = 0; i < n; i++) oid = await parent(repo, oid, 1, text);
    else if (n > 0) oid = await parent(repo, oid, n, text);
  }
  return oid;
}
