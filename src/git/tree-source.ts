// A content tree as it was at a commit: the ContentSource the loader reads,
// served from git objects instead of the disk.
import fs from 'node:fs';
import git from 'isomorphic-git';
import type { ContentSource, Listing } from '../source/content-source.ts';
import type { Repo } from './repo.ts';

/**
 * Files of `prefix/` (the content folder's path inside the repository, '' for
 * its top) at commit `oid`.
 */
export function gitSource(repo: Repo, oid: string, prefix: string): ContentSource {
  const base = prefix.replace(/\/+$/, '');
  const full = (path: string) => [base, path].filter(Boolean).join('/');
  const treeAt = (path: string) =>
    git.readTree({ fs, gitdir: repo.gitdir, oid, cache: repo.cache, ...(full(path) ? { filepath: full(path) } : {}) });

  async function walk(dir: string, out: Listing): Promise<void> {
    let tree;
    try {
      ({ tree } = await treeAt(dir));
    } catch {
      return; // no such folder at this commit
    }
    for (const entry of tree) {
      const path = dir ? `${dir}/${entry.path}` : entry.path;
      if (entry.type === 'tree') await walk(path, out);
      else if (entry.mode === '120000') out.links.push(path);
      else if (entry.type === 'blob') out.files.push(path);
    }
  }

  return {
    async list(dir) {
      const out: Listing = { files: [], links: [] };
      await walk(dir.replace(/\/+$/, ''), out);
      return { files: out.files.sort(), links: out.links.sort() };
    },
    async kind(file) {
      const parent = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
      try {
        const { tree } = await treeAt(parent);
        const entry = tree.find((e) => e.path === file.slice(file.lastIndexOf('/') + 1));
        if (!entry) return undefined;
        return entry.mode === '120000' ? 'link' : entry.type === 'blob' ? 'file' : 'other';
      } catch {
        return undefined;
      }
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
