// Where the files of a content tree come from. The disk by default; the diff
// tool reads the same layout out of a git revision. Either way the same loader
// (load.ts) and the same parsers see the files.
//
// Only regular files inside the tree are read. A symbolic link anywhere on the
// way (the file, or a folder such as reports/ itself) could point outside the
// tree; a FIFO or a device could hang the build or never end: each is listed
// apart and refused. Every read has a size limit, checked before reading.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { MAX_FILE_BYTES } from './limits.ts';

export interface Listing {
  /** Regular files: root-relative, '/'-separated, sorted. */
  files: string[];
  /** Symbolic links, same form. */
  links: string[];
  /** Anything else that is not a regular file or a folder (FIFOs, sockets, devices). */
  others?: string[];
}

export type FileKind = 'file' | 'link' | 'other';

export interface ContentSource {
  /** Everything under a folder of the tree, recursively. */
  list(dir: string): Promise<Listing>;
  /** What a path is: 'link' when it or any folder on the way is a symbolic link; undefined when nothing is there. */
  kind(file: string): Promise<FileKind | undefined>;
  /**
   * A file's bytes, or undefined when there is no such file. Throws
   * UnsafeContentFile for a link, a FIFO or device, or a file over `maxBytes`.
   */
  read(file: string, maxBytes?: number): Promise<Uint8Array | undefined>;
}

/** A path of the tree that is not a regular file within the limits: never read. */
export class UnsafeContentFile extends Error {
  readonly why: 'link' | 'other' | 'too-large';
  readonly size: number | undefined;
  constructor(file: string, why: 'link' | 'other' | 'too-large', size?: number) {
    super(`${file}: ${why}`);
    this.why = why;
    this.size = size;
  }
}

const posix = (p: string) => p.split(sep).join('/');

function missing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

interface StatLike {
  isSymbolicLink(): boolean;
  isFile(): boolean;
  isDirectory(): boolean;
}

/** The kind of root/rel, looking at every folder on the way (lstat alone follows links in the middle). */
function kindVia(stats: (StatLike | undefined)[]): FileKind | undefined {
  for (const [i, s] of stats.entries()) {
    if (!s) return undefined;
    if (s.isSymbolicLink()) return 'link';
    const last = i === stats.length - 1;
    if (!last && !s.isDirectory()) return undefined;
    if (last) return s.isFile() ? 'file' : s.isDirectory() ? undefined : 'other';
  }
  return undefined;
}

/** root/a, root/a/b, root/a/b/c for "a/b/c". */
const steps = (root: string, file: string) =>
  file
    .split('/')
    .filter(Boolean)
    .map((_, i, parts) => join(root, ...parts.slice(0, i + 1)));

// O_NOFOLLOW: a link swapped in after the check is not followed; O_NONBLOCK: a FIFO does not hang the open.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

function openFailure(file: string, error: unknown): undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') throw new UnsafeContentFile(file, 'link');
  if (missing(error)) return undefined;
  throw error;
}

export function diskSource(root: string): ContentSource {
  async function kind(file: string): Promise<FileKind | undefined> {
    const stats: (StatLike | undefined)[] = [];
    for (const path of steps(root, file)) {
      const s = await lstat(path).catch(() => undefined);
      stats.push(s);
      if (!s || s.isSymbolicLink()) break;
    }
    return kindVia(stats);
  }
  return {
    kind,
    async list(dir) {
      const top = await lstat(join(root, dir)).catch(() => undefined);
      if (!top) return { files: [], links: [] };
      if (top.isSymbolicLink()) return { files: [], links: [dir] };
      if (!top.isDirectory()) return { files: [], links: [], others: [dir] };
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
          others: entries
            .filter((e) => !e.isFile() && !e.isDirectory() && !e.isSymbolicLink())
            .map(path)
            .sort(),
        };
      } catch (error) {
        if (missing(error)) return { files: [], links: [] };
        throw error;
      }
    },
    async read(file, maxBytes = MAX_FILE_BYTES) {
      const k = await kind(file);
      if (k === undefined) return undefined;
      if (k !== 'file') throw new UnsafeContentFile(file, k);
      let handle;
      try {
        handle = await open(join(root, file), OPEN_FLAGS);
      } catch (error) {
        return openFailure(file, error);
      }
      try {
        const stat = await handle.stat();
        if (!stat.isFile()) throw new UnsafeContentFile(file, 'other');
        if (stat.size > maxBytes) throw new UnsafeContentFile(file, 'too-large', stat.size);
        return await handle.readFile();
      } finally {
        await handle.close();
      }
    },
  };
}

/**
 * The disk, read synchronously: for a worker that checks one file at a time,
 * or the registry read before anything else can start, each asynchronous read
 * is only a round trip through the thread pool (a tenth of the check time at
 * 10,000 reports; 1 s of the registry's 2.6 s at 10,000 departments).
 */
export function syncDiskSource(root: string): ContentSource {
  const disk = diskSource(root);
  function kind(file: string): FileKind | undefined {
    const stats: (StatLike | undefined)[] = [];
    for (const path of steps(root, file)) {
      let s: StatLike | undefined;
      try {
        s = lstatSync(path);
      } catch {
        s = undefined;
      }
      stats.push(s);
      if (!s || s.isSymbolicLink()) break;
    }
    return kindVia(stats);
  }
  return {
    list: disk.list,
    kind: async (file) => kind(file),
    async read(file, maxBytes = MAX_FILE_BYTES) {
      const k = kind(file);
      if (k === undefined) return undefined;
      if (k !== 'file') throw new UnsafeContentFile(file, k);
      let fd: number;
      try {
        fd = openSync(join(root, file), OPEN_FLAGS);
      } catch (error) {
        return openFailure(file, error);
      }
      try {
        const stat = fstatSync(fd);
        if (!stat.isFile()) throw new UnsafeContentFile(file, 'other');
        if (stat.size > maxBytes) throw new UnsafeContentFile(file, 'too-large', stat.size);
        const bytes = Buffer.allocUnsafe(stat.size);
        let at = 0;
        while (at < stat.size) {
          const n = readSync(fd, bytes, at, stat.size - at, at);
          if (n === 0) break;
          at += n;
        }
        return bytes.subarray(0, at);
      } finally {
        closeSync(fd);
      }
    },
  };
}
