// The build steps, in order. Each lives in its own file. The print pages come
// first, then the PDFs printed from them, then the web pages, which link each
// PDF with its size and page count; each report's data files are written
// meanwhile (beside the site's part processes, which leave a core idle); the
// manifest is last because it lists what all the others wrote.
import { dataFilesStep } from './data-files-step.ts';
import { pdfStep } from './pdf-step.ts';
import { printStep } from './print-step.ts';
import { revisionStep } from './revision-step.ts';
import { sha256sumsStep } from './sha256sums-step.ts';
import { siteStep } from './site-step.ts';
import { sitemapStep } from './sitemap-step.ts';
import type { BuildStep } from './context.ts';

export const BUILD_STEPS: readonly BuildStep[] = [
  revisionStep,
  printStep,
  pdfStep,
  dataFilesStep,
  siteStep,
  sitemapStep,
  sha256sumsStep,
];

/** What a shard machine runs for its share: no catalogue, report data files, sitemap or manifest (the merging machine makes them). */
export const SHARD_STEPS: readonly BuildStep[] = [revisionStep, printStep, pdfStep, siteStep];
