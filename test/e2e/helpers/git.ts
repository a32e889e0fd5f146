// A throwaway git repository holding a content tree, committed with a fixed
// author and time so its commit id is the same on every run.
import git from 'isomorphic-git';
import fs from 'node:fs';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { scratch } from './site.ts';

export async function contentRepo(from: string): Promise<{ repo: string; content: string; commit: string }> {
  const repo = await scratch('gongkai-repo-');
  const content = join(repo, 'content');
  await cp(from, content, { recursive: true });
  await git.init({ fs, dir: repo, defaultBranch: 'main' });
  await git.add({ fs, dir: repo, filepath: '.' });
  const commit = await git.commit({
    fs,
    dir: repo,
    message: 'content',
    author: { name: '测试', email: 'test@example.org', timestamp: 1_700_000_000, timezoneOffset: -480 },
  });
  return { repo, content, commit };
}
