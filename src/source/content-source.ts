// Where the files of a content tree come from. The disk by default; the diff
// tool reads the same layout out of a git revision. Either way the same loader
// (load.ts) and the same parsers see the files.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface ContentSource {
  /** Every file under a folder of the tree, recursively: root-relative, '/'-separated, sorted. */
  list(dir: string): Promise<string[]>;
  /** A file's bytes, or undefined when there is no such file. */
  read(file: string): Promise<Uint8Array | undefined>;
}

const posix = (p: string) => p.split(sep).join('/');

function missing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export function diskSource(root: string): ContentSource {
  return {
    async list(dir) {
      try {
        const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true });
        return entries
          .filter((e) => e.isFile())
          .map((e) => posix(relative(root, join(e.parentPath, e.name))))
          .sort();
      } catch (error) {
        if (missing(error)) return [];
        throw error;
      }
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
