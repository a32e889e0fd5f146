// The images reports use, copied into the site as bytes under their content
// hash (/media/<hash>.png), as the renderer named them. They are read again
// through the same safe reader and must still be what the check saw: a file
// changed or swapped for a link since then fails the build.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputReport } from '../model/site-input.ts';
import { diskSource } from '../source/content-source.ts';
import { MAX_IMAGE_BYTES } from '../source/limits.ts';
import { MEDIA_FOLDER } from '../source/media.ts';

/** Copies every report's media into outDir/media/; returns how many files. */
export async function copyMedia(contentRoot: string, reports: readonly InputReport[], outDir: string): Promise<number> {
  const files = new Map(reports.flatMap((r) => r.media ?? []).map((m) => [m.name, m]));
  if (files.size === 0) return 0;
  const source = diskSource(contentRoot);
  await mkdir(join(outDir, MEDIA_FOLDER), { recursive: true });
  for (const file of files.values()) {
    const bytes = await source.read(file.path, MAX_IMAGE_BYTES);
    const hash = bytes && createHash('sha256').update(bytes).digest('hex').slice(0, 20);
    if (!bytes || !file.name.startsWith(`${hash}.`))
      throw new Error(`图片 ${file.path} 在检查之后被改动或删除，请重新运行 npm run build`);
    await writeFile(join(outDir, MEDIA_FOLDER, file.name), bytes);
  }
  return files.size;
}
