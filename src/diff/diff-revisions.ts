// `npm run diff`: two versions of the content tree, each checked once, with
// one pool of check workers for both, compared report by report.
import { defaultPoolSize } from '../lib/worker-pool.ts';
import { openRepo } from '../git/repo.ts';
import { createScanPool, type ScanPool } from '../scan/scan.ts';
import { diffVersions } from './compare.ts';
import type { DiffResult } from './diff-types.ts';
import { gitVersion, workTreeVersion } from './version.ts';

/**
 * `base` against `head`, or against the work tree when there is no head. A
 * caller that compares several times may lend its own pool of check workers
 * (each worker takes about a second to load); it stays open.
 */
export async function diffRevisions(root: string, base: string, head?: string, lent?: ScanPool): Promise<DiffResult> {
  const repo = await openRepo(root);
  const pool = lent ?? createScanPool(defaultPoolSize(Number.MAX_SAFE_INTEGER));
  try {
    const before = await gitVersion(root, base, repo, pool);
    try {
      const after = head ? await gitVersion(root, head, repo, pool) : await workTreeVersion(root, pool);
      try {
        return await diffVersions(before, after);
      } finally {
        await after.release();
      }
    } finally {
      await before.release();
    }
  } finally {
    if (!lent) await pool.close();
  }
}
