// node scripts/site-part.ts '<job JSON>': one part of the site in a process of
// its own, started by the build (src/build/site-step.ts). Exit 70 on failure.
import { stopWithParent } from '../src/build/child-processes.ts';
import { indexShards, renderPart, type PartJob } from '../src/build/site-part.ts';

// The build starts each part as a process group leader; if the build is
// killed, the part and whatever it started must not run on.
stopWithParent();
const job = JSON.parse(process.argv[2] ?? '{}') as PartJob;
(job.step === 'render' ? renderPart(job) : indexShards(job)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(70);
  },
);
