// The files and folders `npm run check -- <paths>` narrows its output to. A
// path that does not exist, or lies outside the content tree, is a mistake
// to point out: narrowed to it, the output would say "0 个错误" about nothing.
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UserError } from './run.ts';

/** The paths, resolved against `cwd`; each must exist inside the content root. */
export function contentPaths(root: string, paths: readonly string[], cwd = process.cwd()): string[] {
  return paths.map((path) => {
    const full = resolve(cwd, path);
    const inside = relative(resolve(root), full);
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
      throw new UserError(`${path} 不在内容目录 ${root} 中：只能检查内容目录里的文件或文件夹。`);
    if (!existsSync(full)) throw new UserError(`找不到 ${path}：请检查路径是否写对（文件名、年度、单位代码）。`);
    return full;
  });
}

/** Whether `file` (content-root relative) is one of the paths or inside one of them. */
export function isUnder(root: string, file: string, paths: readonly string[]): boolean {
  const full = resolve(root, file);
  return paths.some((p) => full === p || full.startsWith(`${p}${sep}`));
}
