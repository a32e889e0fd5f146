// Git through the git command, as people and CI use it (the same answers as
// `git log` in a terminal, shallow clones and linked worktrees included).
// Nothing here writes to the repository: --no-optional-locks keeps even the
// index's stat cache untouched.
import { spawn } from 'node:child_process';

export interface GitResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

/** git is not installed (or not on PATH). */
export class GitMissing extends Error {}

export function runGit(args: readonly string[], cwd: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--no-optional-locks', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new GitMissing('找不到 git 程序，请先安装 git') : error),
    );
    child.on('close', (status) => resolve({ status: status ?? 1, stdout: Buffer.concat(out), stderr }));
  });
}

/** stdout as text, trimmed, or undefined when git failed. */
export async function gitText(args: readonly string[], cwd: string): Promise<string | undefined> {
  const r = await runGit(args, cwd);
  return r.status === 0 ? r.stdout.toString('utf8').trim() : undefined;
}
