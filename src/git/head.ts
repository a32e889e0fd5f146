// Which commit a tree was built from, and whether the work tree differs from
// that commit (changed, deleted or new files; the index is not consulted: in a
// linked worktree it belongs to another checkout).
import { contentTree } from './content-tree.ts';
import { gitText, runGit } from './git.ts';

export type Head = { kind: 'commit'; commit: string; dirty: boolean; root: string } | { kind: 'none'; reason: string };

/** The commit of the repository that holds `path` (a content tree), or why there is none. */
export async function readHead(path: string): Promise<Head> {
  const tree = await contentTree(path);
  if ('none' in tree) return { kind: 'none', reason: tree.none };
  const root = tree.top;
  const commit = await gitText(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], root);
  if (!commit) return { kind: 'none', reason: 'Git 仓库中还没有提交' };
  const changed = (await runGit(['diff', '--no-ext-diff', '--quiet', 'HEAD', '--'], root)).status !== 0;
  const untracked = changed ? '' : await gitText(['ls-files', '--others', '--exclude-standard'], root);
  return { kind: 'commit', commit, dirty: changed || Boolean(untracked), root };
}
