// SHA256SUMS: every published file with its SHA-256, in the format of
// `sha256sum` (so `sha256sum -c SHA256SUMS` works on any server). Written last
// by the build; read by `npm run verify`.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileStampSync } from '../lib/file-stamp.ts';
import { mapLimited } from '../lib/map-limited.ts';
import { listFiles } from '../lib/list-files.ts';
import { MARKER_TEXT, OUTPUT_MARKER } from './output-dir.ts';

export const MANIFEST = 'SHA256SUMS';

// Whole files, not streams: every published file is small (pages, data, PDFs
// of a few MB), and a stream per file costs more than the hashing.
export const sha256Of = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export async function sha256File(path: string): Promise<string> {
  return sha256Of(await readFile(path));
}

/** Every file under dir (relative, forward slashes, sorted), except the manifest itself. */
export async function listTree(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((f) => f !== MANIFEST);
}

const PRISTINE_MARKER = sha256Of(MARKER_TEXT);

/**
 * Every file with its hash, except the output marker as gongkai wrote it:
 * it marks the folder, it is not published (an edited one is listed, so
 * verify reports it).
 */
export async function hashTree(dir: string, known?: KnownHashes): Promise<Map<string, string>> {
  const hashes = await hashFiles(dir, await listTree(dir), known);
  for (const [f, hash] of hashes) if (f === OUTPUT_MARKER && hash === PRISTINE_MARKER) hashes.delete(f);
  return hashes;
}

/**
 * A file's hash the build already has: the file was copied from a cached site
 * part, which keeps the hashes of its files, or kept from the previous output.
 * Used only while the file is as it was then (the same stamp,
 * src/lib/file-stamp.ts), else it is hashed again.
 */
export interface KnownHash {
  hash: string;
  stamp: string;
}

export type KnownHashes = Map<string, KnownHash>;

/** The files (relative to dir) with their hashes, in the order given. */
export async function hashFiles(
  dir: string,
  files: readonly string[],
  known?: KnownHashes,
): Promise<Map<string, string>> {
  // A few at a time: thousands of pages, bounded open files.
  const hashes = await mapLimited(files, 32, async (f) => {
    const k = known?.get(f);
    if (k) {
      if (fileStampSync(join(dir, f))?.id === k.stamp) return k.hash;
    }
    return sha256File(join(dir, f));
  });
  return new Map(files.map((f, i) => [f, hashes[i] ?? '']));
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
