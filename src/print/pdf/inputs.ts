// Everything outside the page itself that changes a PDF's bytes, read once
// per run: the browser's version, the fonts installed on this machine and the
// licensed font files of the content tree. Part of every cache key.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromiumPath } from '../chromium.ts';
import { UserError } from '../../cli/run.ts';
import { hashOf } from './pdf-cache.ts';

function quietly(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

export function browserVersion(): string {
  const path = chromiumPath();
  return path ? quietly(path, ['--version']).trim() || path : 'none';
}

export function systemFonts(): string {
  return quietly('fc-list', ['--format', '%{file}\n']).split('\n').sort().join('\n');
}

export async function fontFilesHash(contentRoot: string, files: readonly string[]): Promise<string> {
  const parts: Buffer[] = [];
  for (const file of files) {
    try {
      parts.push(await readFile(join(contentRoot, file)));
    } catch {
      throw new UserError(
        `site.yaml 的 print.font_files 中的字体文件 ${file} 不存在（路径相对于内容目录 ${contentRoot}）`,
      );
    }
  }
  return hashOf(...files, ...parts);
}
