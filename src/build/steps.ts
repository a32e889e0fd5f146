// The build steps, in order. Each lives in its own file. The site step makes
// the pages and their search index; pdf-links finishes the report pages
// against the PDFs that exist, so it follows every step that writes pages or
// PDFs; the manifest is last because it lists what all the others wrote.
import { manifestStep } from './sha256sums-step.ts';
import { pdfLinksStep } from './pdf-links-step.ts';
import { pdfStep } from './pdf-step.ts';
import { revisionStep } from './revision-step.ts';
import { siteStep } from './site-step.ts';
import { sitemapStep } from './sitemap-step.ts';
import type { BuildStep } from './context.ts';

export const BUILD_STEPS: readonly BuildStep[] = [
  revisionStep,
  siteStep,
  pdfStep,
  pdfLinksStep,
  sitemapStep,
  manifestStep,
];
