// After a run: the pdf/ folder holds exactly the PDFs that rendered, and a
// manifest of them. A report that failed loses its old PDF (it would no
// longer match the report); a full run also drops PDFs of reports that are
// gone. A shard touches only its own reports and writes its own manifest.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Engine } from './engines.ts';
import { MANIFEST, writeManifest, type ManifestEntry } from './pdf-manifest.ts';
import type { JobResult } from './render-pdfs.ts';
import { listFiles } from '../../lib/list-files.ts';
import { shardLabel, type Shard } from '../../cli/shard.ts';

async function pdfFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((f) => f.endsWith('.pdf'));
}

export async function recordRun(
  pdfDir: string,
  results: readonly JobResult[],
  engine: Engine,
  shard: Shard | undefined,
): Promise<string> {
  await mkdir(pdfDir, { recursive: true });
  const reports: Record<string, ManifestEntry> = {};
  for (const r of results) {
    if (r.entry) reports[r.job.id] = r.entry;
    else await rm(join(pdfDir, r.job.file), { force: true });
  }
  if (!shard) {
    const current = new Set(results.map((r) => r.job.file));
    for (const file of await pdfFiles(pdfDir)) if (!current.has(file)) await rm(join(pdfDir, file));
    for (const name of await readdir(pdfDir)) if (/^manifest\..+\.json$/.test(name)) await rm(join(pdfDir, name));
  }
  const name = shard ? `manifest.${shardLabel(shard)}.json` : MANIFEST;
  await writeManifest(pdfDir, name, { engine, ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}), reports });
  return name;
}
