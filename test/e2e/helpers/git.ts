// A throwaway git repository holding a content tree, committed with a fixed
// author and time so its commit id is the same on every run.
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { commitAll, initRepo } from '../../helpers/git.ts';
import { scratch } from './site.ts';

export async function contentRepo(from: string): Promise<{ repo: string; content: string; commit: string }> {
  const repo = await scratch('gongkai-repo-');
  const content = join(repo, 'content');
  await cp(from, content, { recursive: true });
  await initRepo(repo);
  const commit = await commitAll(repo, 'content', 1_700_000_000);
  return { repo, content, commit };
}
