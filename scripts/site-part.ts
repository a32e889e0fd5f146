// node scripts/site-part.ts '<job JSON>': one part of the site in a process of
// its own, started by the build (src/build/site-step.ts). Exit 70 on failure.
import { indexPart, renderPart, type PartJob } from '../src/build/site-part.ts';

const job = JSON.parse(process.argv[2] ?? '{}') as PartJob;
(job.step === 'render' ? renderPart(job) : indexPart(job)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(70);
  },
);
