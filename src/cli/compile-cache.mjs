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
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

process.env.NODE_COMPILE_CACHE ||= fileURLToPath(
  new URL('../../node_modules/.cache/gongkai/node-compile', import.meta.url),
);
enableCompileCache(process.env.NODE_COMPILE_CACHE);
