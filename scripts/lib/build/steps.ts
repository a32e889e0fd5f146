// The build steps, in order. Each lives in its own file. The site step makes
// the pages and their search index; pdf-links finishes the report pages
// against the PDFs that exist, so it follows every step that writes pages or
// PDFs; the manifest is last because it lists what all the others wrote.
import { manifestStep } from './manifest.ts';
import { pdfLinksStep } from './pdf-links.ts';
import { pdfStep } from './pdf.ts';
import { revisionStep } from './revision.ts';
import { siteStep } from './site.ts';
import { sitemapStep } from './sitemap.ts';
import type { BuildStep } from './types.ts';

export const BUILD_STEPS: readonly BuildStep[] = [
  revisionStep,
  siteStep,
  pdfStep,
  pdfLinksStep,
  sitemapStep,
  manifestStep,
];
