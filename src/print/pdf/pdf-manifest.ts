// dist/pdf/manifest.json: one entry per PDF with its SHA-256, so a published
// PDF can be verified against the commit it was built from. No timestamps:
// the same sources give the same manifest.
//
// Sharded runs (--shard i/n) write manifest.<i>-of-<n>.json instead, so the
// pdf/ folders of all shards can be copied into one without overwriting each
// other; readManifest() reads them all, and `npm run pdf -- --merge` folds
// them into manifest.json once every shard is there.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../cli/run.ts';
import type { Engine } from './engines.ts';

export interface ManifestEntry {
  /** Relative to the pdf/ folder: 2023/kgxj.pdf */
  file: string;
  sha256: string;
  bytes: number;
  pages: number;
  title: string;
  /** 成文日期; null when the original states none (原文未载) */
  issued: string | null;
}

export interface Manifest {
  engine: Engine;
  /** Present on a shard's manifest: "2/4". */
  shard?: string;
  reports: Record<string, ManifestEntry>;
}

export const MANIFEST = 'manifest.json';
const SHARD_MANIFEST = /^manifest\.(\d+)-of-(\d+)\.json$/;

const sorted = (reports: Record<string, ManifestEntry>) =>
  Object.fromEntries(Object.entries(reports).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export async function writeManifest(pdfDir: string, name: string, manifest: Manifest): Promise<void> {
  const body = { ...manifest, reports: sorted(manifest.reports) };
  await writeFile(join(pdfDir, name), `${JSON.stringify(body, null, 2)}\n`);
}

async function readJson(path: string): Promise<Manifest> {
  return JSON.parse(await readFile(path, 'utf8')) as Manifest;
}

async function shardFiles(pdfDir: string): Promise<{ name: string; index: number; count: number }[]> {
  const names = await readdir(pdfDir).catch(() => [] as string[]);
  return names.flatMap((name) => {
    const m = SHARD_MANIFEST.exec(name);
    return m ? [{ name, index: Number(m[1]), count: Number(m[2]) }] : [];
  });
}

/** manifest.json and every shard manifest in the folder, as one. */
export async function readManifest(pdfDir: string): Promise<Manifest | undefined> {
  const parts: Manifest[] = [];
  const main = await readJson(join(pdfDir, MANIFEST)).catch(() => undefined);
  if (main) parts.push(main);
  for (const s of await shardFiles(pdfDir)) parts.push(await readJson(join(pdfDir, s.name)));
  if (!parts.length) return undefined;
  return {
    engine: parts[0]!.engine,
    reports: Object.assign({}, ...parts.map((p) => p.reports)) as Record<string, ManifestEntry>,
  };
}

/** Folds the shard manifests into manifest.json; every shard 1…n must be present. */
export async function mergeManifests(pdfDir: string): Promise<Manifest> {
  const shards = await shardFiles(pdfDir);
  if (!shards.length) throw new UserError(`${pdfDir} 中没有分片清单（manifest.<i>-of-<n>.json），无需合并`);
  const count = shards[0]!.count;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter(
    (i) => !shards.some((s) => s.index === i && s.count === count),
  );
  if (missing.length || shards.some((s) => s.count !== count)) {
    throw new UserError(
      `分片不完整：共 ${count} 片，缺少第 ${missing.join('、') || '?'} 片（或混入了不同分片数的清单）。请把所有分片的 pdf/ 目录复制到一起后再合并。`,
    );
  }
  const manifest = await readManifest(pdfDir);
  if (!manifest) throw new UserError('读不到 PDF 清单');
  await writeManifest(pdfDir, MANIFEST, manifest);
  await Promise.all(shards.map((s) => rm(join(pdfDir, s.name))));
  return manifest;
}
