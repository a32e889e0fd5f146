// Everything outside the page itself that changes a PDF's bytes, read once
// per run: the browser's version, the fonts installed on this machine and the
// licensed font files of the content tree. Part of every cache key.
import { execFileSync } from 'node:child_process';
import { chromiumPath } from '../chromium.ts';
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

/** The licensed font files (read by font-files.ts), names and bytes. */
export function fontFilesHash(fonts: ReadonlyMap<string, Uint8Array>): string {
  return hashOf(...fonts.keys(), ...fonts.values());
}
