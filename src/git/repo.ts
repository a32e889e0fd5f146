// The git repository around a folder: its top (the work tree, also for a
// linked worktree), found by git itself.
import { UserError } from '../cli/run.ts';
import { GitMissing, gitText } from './git.ts';

export interface Repo {
  /** The work tree's top folder. */
  dir: string;
}

export async function openRepo(folder: string): Promise<Repo> {
  let dir: string | undefined;
  try {
    dir = await gitText(['rev-parse', '--show-toplevel'], folder);
  } catch (error) {
    if (error instanceof GitMissing) throw new UserError(`${error.message}（npm run diff 用它读取历史版本）`);
    throw error;
  }
  if (!dir)
    throw new UserError(
      `${folder} 不在 git 仓库中。npm run diff 比较的是 git 中的两个版本：请在仓库目录中运行，或先用 git clone 取得仓库。`,
    );
  return { dir };
}
