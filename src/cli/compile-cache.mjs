// Preloaded by every command in package.json (`node --import`), before the
// command's own modules load: Node keeps their compiled code, TypeScript
// already stripped, in node_modules/.cache/gongkai/node-compile, and the next
// run loads from there. The check's workers and the site's processes inherit
// it through NODE_COMPILE_CACHE. Loading is a good part of a one-report
// rebuild (a check with one changed report: 1.65 → 1.38 s). Node checks each
// entry against the source it was made from; NODE_COMPILE_CACHE=<dir> puts
// the cache elsewhere, NODE_DISABLE_COMPILE_CACHE=1 turns it off.
//
// Plain JavaScript, not TypeScript: this file loads before the cache is on,
// and a .ts file here made Node load its TypeScript stripper in every command
// (about 0.3 CPU-s each, even when everything else came from the cache).
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Past this many entries (about 6 KB each), a version's cache is emptied. */
const MAX_ENTRIES = 20_000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Node's own folders in a compile cache (`v24.21.0-x64-964aae3f-0`): nothing else there is ever removed. */
const NODE_FOLDER = /^v\d+\.\d+\.\d+-/;

/**
 * Node never removes an entry, and the build loads new files every time (each
 * part's bundle has a path of its own): in a day of rebuilds the cache grew to
 * 46,000 entries, 447 MB. Once a day (one stat of a marker, otherwise), a
 * version's cache past MAX_ENTRIES is removed; the commands after it compile
 * again, once. A cache is never a reason for a command to fail.
 */
function pruneDaily(dir) {
  const marker = join(dir, '.pruned');
  try {
    const last = statSync(marker, { throwIfNoEntry: false });
    if (last && Date.now() - last.mtimeMs < DAY_MS) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(marker, '');
    for (const version of readdirSync(dir, { withFileTypes: true }))
      if (
        version.isDirectory() &&
        NODE_FOLDER.test(version.name) &&
        readdirSync(join(dir, version.name)).length > MAX_ENTRIES
      )
        rmSync(join(dir, version.name), { recursive: true, force: true });
  } catch {
    // Pruned another day.
  }
}

process.env.NODE_COMPILE_CACHE ||= fileURLToPath(
  new URL('../../node_modules/.cache/gongkai/node-compile', import.meta.url),
);
if (!process.env.NODE_DISABLE_COMPILE_CACHE) pruneDaily(process.env.NODE_COMPILE_CACHE);
enableCompileCache(process.env.NODE_COMPILE_CACHE);
