// Building a content tree's site once and printing it with `npm run pdf`, the
// way CI and staff do, into temporary folders that the tests remove.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after } from 'node:test';
import type { Engine } from '../../src/print/pdf/engines.ts';
import { runScript, type CliResult } from '../helpers/cli.ts';
import { tempDir } from '../helpers/content.ts';

const temporary: string[] = [];
after(() => Promise.all(temporary.map((d) => rm(d, { recursive: true, force: true }))));

export async function scratch(): Promise<string> {
  const dir = await tempDir('gongkai-pdf-test-');
  temporary.push(dir);
  return dir;
}

const sites = new Map<string, Promise<string>>();

/** The site (print and preview pages) of a content tree, built once per test file. */
export function siteFor(content: string): Promise<string> {
  let site = sites.get(content);
  if (!site) {
    site = (async () => {
      const out = join(await scratch(), 'site');
      const r = await runScript('build', ['--out', out], { GONGKAI_CONTENT: content, GONGKAI_PDF: '0' });
      if (r.status !== 0) throw new Error(`site build failed:\n${r.stdout}${r.stderr}`);
      return out;
    })();
    sites.set(content, site);
  }
  return site;
}

export interface PdfRun extends CliResult {
  out: string;
  pdf: (id?: string) => string;
}

/** `npm run pdf` over a built site; no cache unless the test passes one in env. */
export async function printPdfs(
  content: string,
  options: { engine?: Engine; args?: string[]; env?: NodeJS.ProcessEnv; out?: string } = {},
): Promise<PdfRun> {
  const out = options.out ?? (await scratch());
  const args = ['--site', await siteFor(content), '--out', out, '--engine', options.engine ?? 'pagedjs'];
  const r = await runScript('pdf', [...args, ...(options.args ?? [])], {
    GONGKAI_CONTENT: content,
    GONGKAI_PDF_CACHE: '0',
    ...options.env,
  });
  return { ...r, out, pdf: (id = '2023/kgxj') => join(out, 'pdf', `${id}.pdf`) };
}
