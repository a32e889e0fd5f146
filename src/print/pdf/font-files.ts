// The licensed font files of site.yaml (print.font_files), read once before
// any PDF is made, by the content tree's safe reader: only regular files
// inside the content root, no symbolic link on the way, no FIFO or device,
// within a size limit. The print server then serves these bytes, never the
// path again.
import { posix } from 'node:path';
import { UserError } from '../../cli/run.ts';
import { diskSource, UnsafeContentFile } from '../../source/content-source.ts';

/** Largest font file accepted (bytes): a full CJK TrueType face is 10–25 MB. */
export const MAX_FONT_BYTES = 50 * 1024 * 1024;

const where = (file: string) => `site.yaml 的 print.font_files 中的字体文件 ${file}`;

/** A path that leaves the tree (the schema of site.yaml refuses these already). */
function outside(file: string): boolean {
  const normal = posix.normalize(file);
  return file.includes('\\') || posix.isAbsolute(normal) || normal === '..' || normal.startsWith('../');
}

function problemOf(file: string, error: UnsafeContentFile): string {
  if (error.why === 'link')
    return `${where(file)} 是符号链接（或它所在的文件夹是），不会被读取。请把字体文件本身放到内容目录的 ${file}。`;
  if (error.why === 'other')
    return `${where(file)} 不是普通文件（而是管道、设备或套接字），不会被读取。请换成字体文件本身。`;
  const mb = ((error.size ?? 0) / 1024 / 1024).toFixed(1);
  return `${where(file)} 有 ${mb} MB，超过 ${MAX_FONT_BYTES / 1024 / 1024} MB 的上限。请确认这是字体文件本身（.ttf、.otf）。`;
}

/** The bytes of each font file, by its path in site.yaml; every problem at once as a UserError. */
export async function readFontFiles(contentRoot: string, files: readonly string[]): Promise<Map<string, Uint8Array>> {
  const source = diskSource(contentRoot);
  const fonts = new Map<string, Uint8Array>();
  const problems: string[] = [];
  for (const file of files) {
    if (outside(file)) {
      problems.push(`${where(file)} 不在内容目录之内，不会被读取。路径应相对于内容目录，例如 fonts/仿宋_GB2312.ttf。`);
      continue;
    }
    try {
      const bytes = await source.read(file, MAX_FONT_BYTES);
      if (bytes) fonts.set(file, bytes);
      else problems.push(`${where(file)} 不存在（路径相对于内容目录 ${contentRoot}）`);
    } catch (error) {
      if (!(error instanceof UnsafeContentFile)) throw error;
      problems.push(problemOf(file, error));
    }
  }
  if (problems.length) throw new UserError(`${problems.join('\n')}\n未生成 PDF。`);
  return fonts;
}
