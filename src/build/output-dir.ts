// Where a command may write its output. A build replaces its output folder
// whole, so a mistyped --out must never point at something else: a file, the
// content or the project (or a folder holding them), a folder inside the
// content, or someone's folder full of files. Every output gongkai writes
// carries a marker file, so a previous output is recognised and replaced.
import { lstat, readdir, realpath, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../cli/run.ts';
import { PROJECT_ROOT } from '../config.ts';

/**
 * In every output folder. Not part of the publication: SHA256SUMS and
 * npm run verify leave it out while it holds exactly these bytes (artifact
 * uploads and deploys often drop hidden files; see sha256sums.ts).
 */
export const OUTPUT_MARKER = '.gongkai-output';
export const MARKER_TEXT = '此目录由 gongkai 生成（npm run build / npm run pdf），每次构建会整体替换。\n';

export async function markOutput(dir: string): Promise<void> {
  await writeFile(join(dir, OUTPUT_MARKER), MARKER_TEXT);
}

/** `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The real path of `path`, resolving symlinks in the part that exists (the rest may not exist yet). */
async function realPathOf(path: string): Promise<{ real: string; existing: string }> {
  let existing = path;
  const rest: string[] = [];
  for (;;) {
    try {
      return { real: join(await realpath(existing), ...rest), existing };
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return { real: path, existing };
      rest.unshift(basename(existing));
      existing = parent;
    }
  }
}

const realOrSelf = (path: string) => realpath(path).catch(() => path);

export interface OutputCheck {
  /** The content tree (contentRoot()). */
  contentRoot: string;
  /** How the user named the folder, for the message: “--out” or “输出目录”. */
  option?: string;
  /**
   * Only the path rules, not “a folder of other files”: for commands that
   * touch nothing but their own files in it (npm run pdf -- --merge).
   */
  foreignFolderAllowed?: boolean;
}

/**
 * Throws a UserError saying why and what to do when `dest` may not be written
 * (replaced) by a build; resolves when it is missing, empty or gongkai's own.
 */
export async function checkOutputDir(dest: string, check: OutputCheck): Promise<void> {
  const option = check.option ?? '--out';
  const target = resolve(dest);
  const refuse = (what: string, why: string, todo = '请换一个新目录或空目录（例如 --out dist）。') =>
    new UserError(`${option} ${target} ${what}。${why}，已停止，未做任何改动。${todo}`);
  const replaces = '构建会整体替换输出目录，这会删除';

  const info = await lstat(target).catch(() => undefined);
  if (info?.isSymbolicLink())
    throw refuse(
      '是一个符号链接',
      '构建会整体替换输出目录，只换掉链接而不是它指向的目录',
      '请直接写出真实的目录路径。',
    );
  if (info && !info.isDirectory()) throw refuse('是一个文件，不是目录', `${replaces}这个文件`);
  const { real, existing } = await realPathOf(target);
  if (!info && !(await lstat(existing).catch(() => undefined))?.isDirectory())
    throw refuse(`的上级 ${existing} 不是目录`, '无法在其中创建输出目录');

  const content = await realOrSelf(resolve(check.contentRoot));
  const project = await realOrSelf(PROJECT_ROOT);
  if (real === content) throw refuse('是内容目录（报告源文件所在）', `${replaces}全部报告`);
  if (real === project) throw refuse('是 gongkai 项目目录本身', `${replaces}程序和内容`);
  if (within(content, real)) throw refuse(`包含内容目录 ${content}`, `${replaces}其中的报告和其他文件`);
  if (within(project, real)) throw refuse(`包含 gongkai 项目目录 ${project}`, `${replaces}程序、内容和其他文件`);
  if (within(real, content))
    throw refuse(
      `在内容目录 ${content} 里面`,
      '输出不能和报告源文件放在一起',
      '请指定内容目录以外的目录（例如 --out dist）。',
    );

  if (!info || check.foreignFolderAllowed) return;
  const entries = await readdir(target);
  if (entries.length === 0) return;
  if ((await lstat(join(target, OUTPUT_MARKER)).catch(() => undefined))?.isFile()) return;
  // The project's own dist/ (ignored by git) is gongkai's, even when a version before the marker built it.
  if (real === join(project, 'dist')) return;
  const shown = entries.sort().slice(0, 3).join('、');
  throw refuse(
    `里已有文件（${shown}${entries.length > 3 ? ' 等' : ''}），但不是 gongkai 的输出（没有 ${OUTPUT_MARKER} 标记文件）`,
    `${replaces}这些文件`,
    '请换一个新目录或空目录（例如 --out dist）；如果这确实是旧版 gongkai 的输出，请先手动删除它再构建。',
  );
}
