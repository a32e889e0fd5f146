// A build is a list of steps run in order into a staging folder; dist/ is only
// replaced when every step succeeded (see scripts/build.ts).
import type { ContentIndex } from '../scan/scan.ts';

export interface BuildContext {
  /** The content tree (content/ or GONGKAI_CONTENT). */
  contentRoot: string;
  /** The checked content: site, departments, the valid reports with their figures. */
  content: ContentIndex;
  /** Where this build writes; becomes `dest` at the end. */
  outDir: string;
  /** The published folder (dist/). The previous build is still there while steps run. */
  dest: string;
  env: NodeJS.ProcessEnv;
  /** Figures a step measured (seconds, counts), for the benchmark. */
  metrics: Record<string, number>;
}

export interface BuildStep {
  name: string;
  /** Shown as “✓ <title>（1.4 秒）”. */
  title: string;
  /** Skip the step (e.g. GONGKAI_PDF=0); the reason is printed instead. */
  skip?(ctx: BuildContext): string | undefined;
  /** Returns an optional one-line summary (“2 页”). */
  run(ctx: BuildContext): Promise<string | void>;
}
