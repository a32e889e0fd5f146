// A folder of a commit, written out as files (git archive | tar), so a past
// version of the content tree is read and checked by exactly the code that
// reads the work tree. Symbolic links come out as links and are refused there.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Repo } from './repo.ts';

/** Extracts `prefix` ('' for the whole tree) of `commit` into a new temporary folder; returns the folder of `prefix`. */
export async function extractTree(
  repo: Repo,
  commit: string,
  prefix: string,
): Promise<{ root: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-version-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const archive = spawn('git', ['archive', '--format=tar', commit, ...(prefix ? ['--', prefix] : [])], {
      cwd: repo.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tar = spawn('tar', ['-x', '-C', dir], { stdio: ['pipe', 'ignore', 'pipe'] });
    archive.stdout.pipe(tar.stdin);
    let stderr = '';
    archive.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    tar.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exit = (child: import('node:child_process').ChildProcess) =>
      new Promise<number | null>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', resolve);
      });
    const [archived, extracted] = await Promise.all([exit(archive), exit(tar)]);
    // A prefix that did not exist at that commit is an empty tree, not an error.
    const empty = /did not match any files/.test(stderr);
    if (!empty && (archived !== 0 || extracted !== 0))
      throw new Error(`git archive ${commit.slice(0, 7)} 失败：${stderr.trim()}`);
  } catch (error) {
    await remove();
    throw error;
  }
  return { root: prefix ? join(dir, prefix) : dir, remove };
}
