// Last step: SHA256SUMS over everything the build wrote, so a deployed copy
// can be verified against the commit it was built from (npm run verify).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatManifest, hashTree, MANIFEST } from './sha256sums.ts';
import type { BuildStep } from './context.ts';

export const sha256sumsStep: BuildStep = {
  name: 'manifest',
  title: '文件清单 SHA256SUMS',
  async run({ outDir, knownHashes }) {
    const hashes = await hashTree(outDir, knownHashes);
    await writeFile(join(outDir, MANIFEST), formatManifest(hashes));
    return `${hashes.size} 个文件`;
  },
};
