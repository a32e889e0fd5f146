// The PDF tests that only read a printed report share one content tree: the
// seed report, and copies of it under other departments for the grid, the
// long table and the score sheet. It is built once and printed once per
// engine for the whole `npm test` run (see test/helpers/once-per-run.ts), as
// `npm run build` and `npm run pdf` would for a county with four reports.
import { join } from 'node:path';
import type { Engine } from '../../src/print/pdf/engines.ts';
import { runScript, type CliResult } from '../helpers/cli.ts';
import { contentWith, SEED_CONTENT } from '../helpers/content.ts';
import { oncePerRun } from '../helpers/once-per-run.ts';
import { copiesOfSeed, gridEdits, longTableEdits, scoreSheetEdits } from './fixtures.ts';
import { buildSiteWithoutPdfs, pdfFile, type PdfRun } from './helpers.ts';

/** Each case and its report (year/department). */
export const PRINT_CASES = {
  seed: '2023/kgxj',
  grid: '2023/kgxj-grid',
  longTable: '2023/kgxj-table',
  scoreSheet: '2023/kgxj-score',
} as const;
export type PrintCase = keyof typeof PRINT_CASES;

const reportFile = (c: PrintCase) => `reports/${PRINT_CASES[c]}.mdx`;

interface Tree {
  content: string;
  site: string;
}

/** The content tree of every case, and its site (print pages included). */
export const printCasesSite = () =>
  oncePerRun('print-cases', async (home): Promise<Tree> => {
    const copies = Object.values(PRINT_CASES)
      .filter((id) => id !== PRINT_CASES.seed)
      .map((id) => id.split('/')[1] as string);
    const edits = [
      ...copiesOfSeed(copies),
      ...(await gridEdits(reportFile('grid'))),
      ...longTableEdits(reportFile('longTable')),
      ...scoreSheetEdits(reportFile('scoreSheet')),
    ];
    const content = await contentWith(edits, SEED_CONTENT, join(home, 'content'));
    return { content, site: await buildSiteWithoutPdfs(content, join(home, 'site')) };
  });

/** `npm run pdf` over the cases' site with one engine, no cache. */
const printed = (engine: Engine) =>
  oncePerRun(`print-cases-${engine}`, async (home): Promise<CliResult & { out: string }> => {
    const { content, site } = await printCasesSite();
    const r = await runScript('pdf', ['--site', site, '--out', home, '--engine', engine], {
      GONGKAI_CONTENT: content,
      GONGKAI_PDF_CACHE: '0',
    });
    return { ...r, out: home };
  });

/** The printed case with one engine: the run's output, and this case's PDF by default. */
export async function printedCase(c: PrintCase, engine: Engine): Promise<PdfRun> {
  const run = await printed(engine);
  return { ...run, pdf: (id: string = PRINT_CASES[c]) => pdfFile(run.out, id) };
}
