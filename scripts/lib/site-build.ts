// Runs `astro build` in this process for a content tree into a given folder.
import { cacheDirFor, PROJECT_ROOT } from './paths.ts';

export async function buildSite(content: string, outDir: string): Promise<void> {
  process.env.GONGKAI_CONTENT = content;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  await build({
    root: PROJECT_ROOT,
    outDir,
    cacheDir: cacheDirFor(content, 'astro'),
    logLevel: 'warn',
  });
}
