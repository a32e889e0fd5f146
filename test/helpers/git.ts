// Scripted git histories for tests, made with the git command: every commit
// has a fixed author and time, so ids are the same on every run.
import { execFileSync } from 'node:child_process';

const IDENTITY = [
  '-c',
  'user.name=测试',
  '-c',
  'user.email=test@example.cn',
  '-c',
  'commit.gpgsign=false',
  '-c',
  'tag.gpgsign=false',
];

/** Runs git in `dir` with a fixed identity and clock; returns its output, trimmed. */
export function git(dir: string, args: readonly string[], time = 1_719_360_000): string {
  const date = `${time} +0800`;
  return execFileSync('git', [...IDENTITY, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  }).trim();
}

export async function initRepo(dir: string): Promise<void> {
  git(dir, ['init', '-q', '-b', 'main']);
}

/** Stages every change in the work tree (additions, edits, deletions) and commits it; returns the id. */
export async function commitAll(dir: string, message: string, time?: number): Promise<string> {
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--allow-empty', '-m', message], time);
  return git(dir, ['rev-parse', 'HEAD']);
}

/** An annotated tag, as releases are usually tagged. */
export async function tag(dir: string, name: string, oid: string): Promise<void> {
  git(dir, ['tag', '-a', name, '-m', name, oid]);
}
