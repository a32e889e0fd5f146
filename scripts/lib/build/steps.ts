// The build steps, in order. Each lives in its own file; the manifest is last
// because it lists what all the others wrote.
import { manifestStep } from './manifest.ts';
import { siteStep } from './site.ts';
import type { BuildStep } from './types.ts';

export const BUILD_STEPS: readonly BuildStep[] = [siteStep, manifestStep];
