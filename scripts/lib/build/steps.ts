// The build steps, in order. Each lives in its own file.
import { pdfStep } from './pdf.ts';
import { siteStep } from './site.ts';
import type { BuildStep } from './types.ts';

export const BUILD_STEPS: readonly BuildStep[] = [siteStep, pdfStep];
