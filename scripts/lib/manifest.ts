// SHA256SUMS: every published file with its SHA-256, in the format of
// `sha256sum` (so `sha256sum -c SHA256SUMS` works on any server). Written last
// by the build; read by `npm run verify`.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const MANIFEST = 'SHA256SUMS';

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every file under dir (relative, forward slashes, sorted), except the manifest itself. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((f) => f !== MANIFEST)
    .sort();
}

export async function hashTree(dir: string): Promise<Map<string, string>> {
  const files = await listTree(dir);
  const out = new Map<string, string>();
  // A few at a time: thousands of pages, bounded open files.
  for (let i = 0; i < files.length; i += 64) {
    const batch = files.slice(i, i + 64);
    const hashes = await Promise.all(batch.map((f) => sha256File(join(dir, f))));
    batch.forEach((f, j) => out.set(f, hashes[j] ?? ''));
  }
  return out;
}

export function formatManifest(hashes: Map<string, string>): string {
  return [...hashes].map(([file, hash]) => `${hash}  ${file}\n`).join('');
}

export interface ManifestLineError {
  line: number;
  text: string;
}

export function parseManifest(text: string): { hashes: Map<string, string>; errors: ManifestLineError[] } {
  const hashes = new Map<string, string>();
  const errors: ManifestLineError[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line) return;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (m?.[1] && m[2]) hashes.set(m[2], m[1]);
    else errors.push({ line: i + 1, text: line });
  });
  return { hashes, errors };
}

export async function readManifest(path: string) {
  return parseManifest(await readFile(path, 'utf8'));
}
