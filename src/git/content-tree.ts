// Where a content tree sits in its repository: git names files from the
// repository's top, the build from the content root.
import { relative, sep } from 'node:path';
import { GitMissing, gitText } from './git.ts';

export interface ContentTree {
  /** The repository's top folder. */
  top: string;
  /** The content root relative to it, with slashes; '' when they are the same. */
  prefix: string;
}

/** Repositories found in this process: a build asks three times (its version, the history, the changes), each a process started. */
const found = new Map<string, ContentTree>();

/** The repository that holds `contentRoot`, or why there is none (no git program, not in a repository). */
export async function contentTree(contentRoot: string): Promise<ContentTree | { none: string }> {
  const known = found.get(contentRoot);
  if (known) return known;
  let top: string | undefined;
  try {
    top = await gitText(['rev-parse', '--show-toplevel'], contentRoot);
  } catch (error) {
    if (error instanceof GitMissing) return { none: '找不到 git 程序，无法读取源文件版本' };
    throw error;
  }
  if (!top) return { none: '内容目录不在 Git 仓库中' };
  // Only a repository found is remembered: one made later (git init) is seen by the next question.
  const tree = { top, prefix: relative(top, contentRoot).split(sep).join('/') };
  found.set(contentRoot, tree);
  return tree;
}

/** A path as git names it (from the top) as the build names it (from the content root); undefined outside the tree. */
export const inContentTree = (tree: ContentTree, file: string): string | undefined =>
  tree.prefix ? (file.startsWith(`${tree.prefix}/`) ? file.slice(tree.prefix.length + 1) : undefined) : file;

/** The pathspec for the whole content tree. */
export const treeSpec = (tree: ContentTree) => tree.prefix || '.';
