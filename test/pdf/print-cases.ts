// The PDF tests that only read a printed report share one content tree: the
// seed report, and copies of it under other departments for the grid, the
// long table and the score sheet. It is built once and printed once per
// engine for the whole `npm test` run (see shared-trees.ts), as
// `npm run build` and `npm run pdf` would for a county with four reports.
import type { Engine } from '../../src/print/pdf/engines.ts';
import { copiesOfSeed, gridEdits, longTableEdits, scoreSheetEdits } from './fixtures.ts';
import type { PdfRun } from './helpers.ts';
import { printedOnce, sharedTree } from './shared-trees.ts';

/** Each case and its report (year/department). */
export const PRINT_CASES = {
  seed: '2023/kgxj',
  grid: '2023/kgxj-grid',
  longTable: '2023/kgxj-table',
  scoreSheet: '2023/kgxj-score',
} as const;
export type PrintCase = keyof typeof PRINT_CASES;

const reportFile = (c: PrintCase) => `reports/${PRINT_CASES[c]}.mdx`;

/** The content tree of every case, and its site (print pages included). */
export const printCasesSite = () =>
  sharedTree('print-cases', async () => [
    ...copiesOfSeed(
      Object.values(PRINT_CASES)
        .filter((id) => id !== PRINT_CASES.seed)
        .map((id) => id.split('/')[1] as string),
    ),
    ...(await gridEdits(reportFile('grid'))),
    ...longTableEdits(reportFile('longTable')),
    ...scoreSheetEdits(reportFile('scoreSheet')),
  ]);

/** The printed case with one engine (`npm run pdf`, no cache): the run's output, and this case's PDF by default. */
export const printedCase = (c: PrintCase, engine: Engine): Promise<PdfRun> =>
  printedOnce('print-cases', printCasesSite, engine, PRINT_CASES[c]);
