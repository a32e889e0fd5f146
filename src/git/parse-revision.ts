// Revisions as people and CI write them: HEAD, main, origin/main, v2024, a
// (short) commit id, HEAD~1, main^2 — whatever git itself accepts.
import { UserError } from '../cli/run.ts';
import { gitText } from './git.ts';
import type { Repo } from './repo.ts';

/** The commit a revision names; a user error in Chinese when it names nothing. */
export async function resolveRevision(repo: Repo, text: string): Promise<string> {
  const commit = /^-/.test(text)
    ? undefined
    : await gitText(['rev-parse', '--verify', '--quiet', '--end-of-options', `${text}^{commit}`], repo.dir);
  if (!commit || !/^[0-9a-f]{40}$/.test(commit))
    throw new UserError(
      `找不到版本“${text}”。可以写分支名（main）、远程分支（origin/main）、标签或提交编号（如 1a2b3c4）；` +
        '在 CI 中请确认检出时取得了完整历史（actions/checkout 的 fetch-depth: 0）。',
    );
  return commit;
}
