// The build steps, in order. Each lives in its own file.
import { pdfLinksStep } from './pdf-links.ts';
import { revisionStep } from './revision.ts';
import { searchStep } from './search.ts';
import { siteStep } from './site.ts';
import type { BuildStep } from './types.ts';

export const BUILD_STEPS: readonly BuildStep[] = [revisionStep, siteStep, searchStep, pdfLinksStep];
