// Content trees that several PDF test files print and none changes, each
// built once per `npm test` run (see test/helpers/once-per-run.ts), print
// pages included, and where asked printed once per engine:
// - seed: the shipped report, the website tests' shared seed site;
// - several: the seed report under kgxj-b and kgxj-c too (shards, limits);
// - failing: the seed beside two reports that cannot be printed: kgxj-b has a
//   table too wide for the 版心, kgxj-c characters no print font has (Hangul).
// (print-cases.ts has the tree of the layout cases.)
import { join } from 'node:path';
import type { Engine } from '../../src/print/pdf/engines.ts';
import type { CliResult } from '../helpers/cli.ts';
import { contentWith, SEED_CONTENT, type Edit } from '../helpers/content.ts';
import { oncePerRun } from '../helpers/once-per-run.ts';
import { sharedSite } from '../e2e/helpers/site.ts';
import { ANCHOR, copiesOfSeed } from './fixtures.ts';
import { buildSiteWithoutPdfs, pdfFile, printPdfs, type PdfRun, type PrintTree } from './helpers.ts';

/** The seed edited as given, with its site: made once per run under the name. */
export const sharedTree = (name: string, edits: () => Promise<Edit[]> | Edit[]) =>
  oncePerRun(`pdf-${name}`, async (home): Promise<PrintTree> => {
    const content = await contentWith(await edits(), SEED_CONTENT, join(home, 'content'));
    return { content, site: await buildSiteWithoutPdfs(content, join(home, 'site')) };
  });

/** `npm run pdf` over a shared tree with one engine, no cache, once per run; `pdf()` finds `id` by default. */
export async function printedOnce(
  name: string,
  tree: () => Promise<PrintTree>,
  engine: Engine,
  id: string,
): Promise<PdfRun> {
  const run = await oncePerRun(`pdf-${name}-${engine}`, async (home): Promise<CliResult & { out: string }> => {
    const { pdf: _pdf, ...printed } = await printPdfs(await tree(), { engine, out: home });
    return printed;
  });
  return { ...run, pdf: (report = id) => pdfFile(run.out, report) };
}

export const seedTree = async (): Promise<PrintTree> => {
  const site = await sharedSite('seed');
  return { content: site.content, site: site.dir };
};

export const severalTree = () => sharedTree('several', () => copiesOfSeed(['kgxj-b', 'kgxj-c']));

const WIDE = `| ${Array.from({ length: 14 }, (_, i) => `测试列${i + 1}`).join(' | ')} |\n| ${Array(14).fill('---').join(' | ')} |\n| ${Array.from({ length: 14 }, (_, i) => `${1234567890123 + i}`).join(' | ')} |\n\n`;

/** The reports of the failing tree. */
export const FAILING = { fine: '2023/kgxj', wideTable: '2023/kgxj-b', noFont: '2023/kgxj-c' } as const;

export const failingTree = () =>
  sharedTree('failing', () => [
    ...copiesOfSeed(['kgxj-b', 'kgxj-c']),
    { file: 'reports/2023/kgxj-b.mdx', replace: [ANCHOR, `${WIDE}${ANCHOR}`] },
    { file: 'reports/2023/kgxj-c.mdx', replace: ['我单位未出现', '我单位（한국어）未出现'] },
  ]);

export const failingRun = (engine: Engine) => printedOnce('failing', failingTree, engine, FAILING.fine);
