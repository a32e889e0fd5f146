// The largest HTML page of a built site, gzipped as a server would send it:
// the page-size target (every page ≤ 40 KB gzipped at 20,000 reports).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export async function largestHtmlPage(dist: string): Promise<{ path: string; gzipKb: number }> {
  let largest = { path: '', gzipKb: 0 };
  for (const f of await readdir(dist, { recursive: true })) {
    if (!f.endsWith('.html')) continue;
    const gzipKb = gzipSync(await readFile(join(dist, f))).length / 1024;
    if (gzipKb > largest.gzipKb) largest = { path: f, gzipKb };
  }
  return largest;
}
