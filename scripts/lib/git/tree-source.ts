// A content tree as it was at a commit: the ContentSource the loader reads,
// served from git objects instead of the disk.
import fs from 'node:fs';
import git from 'isomorphic-git';
import type { ContentSource } from '../../../src/source/content-source.ts';
import type { Repo } from './repo.ts';

/**
 * Files of `prefix/` (the content folder's path inside the repository, '' for
 * its top) at commit `oid`.
 */
export function gitSource(repo: Repo, oid: string, prefix: string): ContentSource {
  const base = prefix.replace(/\/+$/, '');
  const full = (path: string) => [base, path].filter(Boolean).join('/');

  async function walk(dir: string, out: string[]): Promise<void> {
    let tree;
    try {
      ({ tree } = await git.readTree({ fs, gitdir: repo.gitdir, oid, filepath: full(dir), cache: repo.cache }));
    } catch {
      return; // no such folder at this commit
    }
    for (const entry of tree) {
      const path = dir ? `${dir}/${entry.path}` : entry.path;
      if (entry.type === 'tree') await walk(path, out);
      else if (entry.type === 'blob') out.push(path);
    }
  }

  return {
    async list(dir) {
      const out: string[] = [];
      await walk(dir.replace(/\/+$/, ''), out);
      return out.sort();
    },
    async read(file) {
      try {
        const { blob } = await git.readBlob({ fs, gitdir: repo.gitdir, oid, filepath: full(file), cache: repo.cache });
        return blob;
      } catch {
        return undefined;
      }
    },
  };
}
