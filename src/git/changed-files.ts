// The files of the content tree that differ from the commit checked out:
// changed, deleted or new (not ignored). As in head.ts, the work tree is
// compared with HEAD; the index is not consulted.
import { contentTree, inContentTree, treeSpec } from './content-tree.ts';
import { runGit } from './git.ts';

const names = (stdout: Buffer) => stdout.toString('utf8').split('\0').filter(Boolean);

/** Content-root-relative paths; empty outside git or before the first commit. */
export async function readChangedFiles(contentRoot: string): Promise<Set<string>> {
  const changed = new Set<string>();
  const tree = await contentTree(contentRoot);
  if ('none' in tree) return changed;
  const spec = treeSpec(tree);
  const [diff, untracked] = await Promise.all([
    runGit(['diff', '--no-ext-diff', '--no-renames', '--name-only', '-z', 'HEAD', '--', spec], tree.top),
    runGit(['ls-files', '--others', '--exclude-standard', '-z', '--full-name', '--', spec], tree.top),
  ]);
  if (diff.status !== 0) return changed; // no commits yet
  for (const file of [...names(diff.stdout), ...names(untracked.stdout)]) {
    const inTree = inContentTree(tree, file);
    if (inTree) changed.add(inTree);
  }
  return changed;
}
