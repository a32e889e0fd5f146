// Scripted git histories for tests, made with isomorphic-git (no git binary):
// every commit has a fixed author and time, so ids are the same on every run.
import fs from 'node:fs';
import git from 'isomorphic-git';

const AUTHOR = { name: '测试', email: 'test@example.cn', timestamp: 1_719_360_000, timezoneOffset: -480 };

export async function initRepo(dir: string): Promise<void> {
  await git.init({ fs, dir, defaultBranch: 'main' });
}

/** Stages every change in the work tree (additions, edits, deletions) and commits it; returns the id. */
export async function commitAll(dir: string, message: string): Promise<string> {
  for (const [file, , work] of await git.statusMatrix({ fs, dir })) {
    if (work === 0) await git.remove({ fs, dir, filepath: file });
    else if (work === 2) await git.add({ fs, dir, filepath: file });
  }
  const oid = await git.commit({ fs, dir, message, author: AUTHOR, committer: AUTHOR });
  return oid;
}

/** An annotated tag, as releases are usually tagged. */
export async function tag(dir: string, name: string, oid: string): Promise<void> {
  await git.annotatedTag({ fs, dir, ref: name, object: oid, message: name, tagger: AUTHOR });
}
