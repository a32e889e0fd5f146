// The website: `astro build` in this process, into the staging folder.
import { cacheDirFor, PROJECT_ROOT } from '../paths.ts';
import type { BuildStep } from './types.ts';

export const siteStep: BuildStep = {
  name: 'site',
  title: '网站',
  async run({ contentRoot, outDir }) {
    process.env.GONGKAI_CONTENT = contentRoot;
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    const { build } = await import('astro');
    await build({
      root: PROJECT_ROOT,
      outDir,
      cacheDir: cacheDirFor(contentRoot, 'astro'),
      logLevel: 'warn',
    });
  },
};
