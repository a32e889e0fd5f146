// Every regular file under a folder, relative to it, '/'-separated, sorted;
// none when the folder does not exist.
//
// Read synchronously: the folders listed are the build's own (its output, a
// cached part), and a recursive readdir that waits on the thread pool for each
// of thousands of folders took about twice as long (1,000 reports' output:
// about 150 ms, against 85 ms), in every step that lists the output.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export async function listFiles(dir: string): Promise<string[]> {
  return listFilesSync(dir);
}

export function listFilesSync(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}
