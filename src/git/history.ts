// The commits that touched each file of the content tree, newest first, read
// from `git log` once for the whole tree: a report's 最后更新 and change
// history. Commit dates, not build times: the same commit gives the same page.
import type { ReportChange } from '../model/site-input.ts';
import { contentTree, inContentTree, treeSpec } from './content-tree.ts';
import { runGit } from './git.ts';

/** A commit: its id, its date (committer, YYYY-MM-DD in the committer's own time zone), its subject. */
export type Change = ReportChange;

/** Content-root-relative path → its commits, newest first. Empty outside git. */
export async function readHistory(contentRoot: string): Promise<Map<string, Change[]>> {
  const history = new Map<string, Change[]>();
  const tree = await contentTree(contentRoot);
  if ('none' in tree) return history;
  const log = await runGit(
    ['log', '-z', '--no-renames', '--format=%x1e%H%x1f%cI%x1f%s', '--name-only', '--', treeSpec(tree)],
    tree.top,
  );
  if (log.status !== 0) return history; // no commits yet
  for (const record of log.stdout.toString('utf8').split('\x1e')) {
    if (!record.trim()) continue;
    // With -z: the header, NUL, then a newline and the file names, each NUL-terminated.
    const [header = '', ...names] = record.split('\0');
    const [commit = '', iso = '', subject = ''] = header.split('\x1f');
    const change: Change = { commit, date: iso.slice(0, 10), subject };
    for (const file of names.map((n) => n.replace(/^\n/, '')).filter(Boolean)) {
      const inTree = inContentTree(tree, file);
      if (!inTree) continue;
      const list = history.get(inTree) ?? [];
      list.push(change);
      history.set(inTree, list);
    }
  }
  return history;
}
