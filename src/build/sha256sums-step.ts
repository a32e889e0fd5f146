// Last step: SHA256SUMS over everything the build wrote, so a deployed copy
// can be verified against the commit it was built from (npm run verify).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatManifest, hashTree, MANIFEST } from './sha256sums.ts';
import { recordOutput } from './reused-output.ts';
import type { BuildStep } from './context.ts';

export const sha256sumsStep: BuildStep = {
  name: 'manifest',
  title: '文件清单 SHA256SUMS',
  readsOutput: true,
  async run(ctx) {
    const hashes = await hashTree(ctx.outDir, ctx.knownHashes);
    await writeFile(join(ctx.outDir, MANIFEST), formatManifest(hashes));
    // The next build starts from this output (when parts are cached at all: GONGKAI_SITE_CACHE=0 builds from nothing).
    if (ctx.settings.site.cache) ctx.outputRecord = await recordOutput(ctx.outDir, hashes);
    return `${hashes.size} 个文件`;
  },
};
