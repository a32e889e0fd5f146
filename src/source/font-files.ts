// The licensed font files named in site.yaml (print.font_files), looked at by
// `npm run check` the way the PDF step will read them (src/print/pdf/font-files.ts):
// a symbolic link or a special file is an error; a missing file only a
// warning, since licensed fonts may be kept out of git and put in place on
// the machine that makes the PDFs.
import type { Site } from '../schema/site.ts';
import type { ContentSource } from './content-source.ts';
import type { Frontmatter } from './frontmatter.ts';
import type { FileProblem } from './load.ts';

export const FONT_FILE_RULE = 'content.font-file';

export async function fontFileProblems(
  source: ContentSource,
  file: string,
  site: Site,
  frontmatter: Frontmatter,
): Promise<FileProblem[]> {
  const problems: FileProblem[] = [];
  for (const [i, font] of site.print.font_files.entries()) {
    const kind = await source.kind(font.file);
    if (kind === 'file') continue;
    const at = frontmatter.locate(['print', 'font_files', i, 'file']);
    const problem = (severity: FileProblem['severity'], message: string, hint: string) =>
      problems.push({ file, severity, rule: FONT_FILE_RULE, message, hint, at });
    if (kind === 'link')
      problem(
        'error',
        `字体文件 ${font.file} 是符号链接（或它所在的文件夹是），不会被读取`,
        '请把字体文件本身放到内容目录中，不要用链接或快捷方式：符号链接可能指向内容目录之外的文件。',
      );
    else if (kind === 'other')
      problem(
        'error',
        `字体文件 ${font.file} 不是普通文件（而是管道、设备或套接字），不会被读取`,
        '请换成字体文件本身。',
      );
    else
      problem(
        'warning',
        `找不到字体文件 ${font.file}，生成 PDF 时会出错`,
        '路径相对于内容目录，例如 fonts/仿宋_GB2312.ttf。请在生成 PDF 的机器上把文件放到这里，或从 site.yaml 中删去这一项。',
      );
  }
  return problems;
}
