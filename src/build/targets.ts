// What a build refuses before it reads or writes anything: an output folder
// that is not its own to replace (output-dir.ts), and a site cache where the
// site's parts cannot be built (part-cache.ts). The command asks before it
// starts the check's workers (scripts/build.ts), so a mistyped --out is
// answered at once, and hands the build the folder it may replace.
import { contentRoot, distDir, settings } from '../config.ts';
import { checkOutputDir } from './output-dir.ts';
import { openSiteCache } from './part-cache.ts';

/** The output folder of `--out` (dist/ without it), once the build may replace it. */
export async function checkBuildTargets(out: string | undefined): Promise<string> {
  const dest = distDir(out);
  await checkOutputDir(dest, { contentRoot: contentRoot(), option: out ? '--out' : '输出目录' });
  await openSiteCache(settings().site.cacheDir);
  return dest;
}
