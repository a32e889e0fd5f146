// A file put in place as a hard link where the file system allows (the
// source is never written to afterwards), else as a copy; its folder made.
import { copyFile, link, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function linkOrCopy(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await link(from, to).catch(() => copyFile(from, to));
}
