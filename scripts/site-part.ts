// node scripts/site-part.ts <folder> [--warm] < job.json: one process of the site
// build, started by the build (src/build/site-process.ts), its job as JSON on
// standard input (a search index job lists thousands of pages: too long for an
// argument); the folder it writes to is an argument only for `ps` to show.
// --warm: started before its job, it loads Astro while it waits;
// --warm-renderer=<dir>: a part's kept renderer instead. Exit 70 on failure.
import { text } from 'node:stream/consumers';
import { stopWithParent } from '../src/build/child-processes.ts';
import { preloadRenderer } from '../src/build/kept-renderer.ts';
import { indexShards, renderPart, renderWithKept, type PartJob } from '../src/build/site-part.ts';

// The build starts each part as a process group leader; if the build is
// killed, the part and whatever it started must not run on.
stopWithParent();
// Loaded, not run: Astro reads the part's site input only when a build starts.
if (process.argv.includes('--warm')) void import('astro').catch(() => {});
const renderer = process.argv.find((a) => a.startsWith('--warm-renderer='));
if (renderer) preloadRenderer(renderer.slice('--warm-renderer='.length));
const job = JSON.parse(await text(process.stdin)) as PartJob;
(job.step === 'render' ? renderPart(job) : job.step === 'render-kept' ? renderWithKept(job) : indexShards(job)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(70);
  },
);
