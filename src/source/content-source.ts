// Where the files of a content tree come from. The disk by default; the diff
// tool reads the same layout out of a git revision. Either way the same loader
// (load.ts) and the same parsers see the files. Symbolic links are listed
// apart and never followed: they could point outside the tree.
import { lstatSync, readFileSync } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface Listing {
  /** Regular files: root-relative, '/'-separated, sorted. */
  files: string[];
  /** Symbolic links, same form. */
  links: string[];
}

export interface ContentSource {
  /** Everything under a folder of the tree, recursively. */
  list(dir: string): Promise<Listing>;
  /** What a path is; undefined when there is nothing there. */
  kind(file: string): Promise<'file' | 'link' | 'other' | undefined>;
  /** A file's bytes, or undefined when there is no such file. */
  read(file: string): Promise<Uint8Array | undefined>;
}

const posix = (p: string) => p.split(sep).join('/');

function missing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function kindOf(stat: { isSymbolicLink(): boolean; isFile(): boolean } | undefined) {
  if (!stat) return undefined;
  return stat.isSymbolicLink() ? 'link' : stat.isFile() ? 'file' : 'other';
}

export function diskSource(root: string): ContentSource {
  return {
    async list(dir) {
      try {
        const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true });
        const path = (e: (typeof entries)[number]) => posix(relative(root, join(e.parentPath, e.name)));
        return {
          files: entries
            .filter((e) => e.isFile())
            .map(path)
            .sort(),
          links: entries
            .filter((e) => e.isSymbolicLink())
            .map(path)
            .sort(),
        };
      } catch (error) {
        if (missing(error)) return { files: [], links: [] };
        throw error;
      }
    },
    async kind(file) {
      return kindOf(await lstat(join(root, file)).catch(() => undefined));
    },
    async read(file) {
      try {
        return await readFile(join(root, file));
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
  };
}

/**
 * The disk, read synchronously: for a worker that checks one file at a time
 * and has nothing else to do meanwhile, each asynchronous read is only a
 * round trip through the thread pool (a tenth of the check time at 10,000
 * reports).
 */
export function syncDiskSource(root: string): ContentSource {
  const disk = diskSource(root);
  return {
    list: disk.list,
    async kind(file) {
      try {
        return kindOf(lstatSync(join(root, file)));
      } catch {
        return undefined;
      }
    },
    async read(file) {
      try {
        return readFileSync(join(root, file));
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
  };
}
