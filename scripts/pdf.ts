// npm run pdf [-- --shard i/n] [--engine=pagedjs|chromium] [--jobs N] [--out dir]
//             [--site dir] [--no-cache] [--timeout s] [--merge]
// The PDFs of every report (src/build/pdf-command.ts).
import { commandArgs } from '../src/cli/args.ts';
import { run } from '../src/cli/run.ts';
import { parseShard } from '../src/cli/shard.ts';

const USAGE =
  'npm run pdf -- [--shard i/n] [--engine=pagedjs|chromium] [--jobs N] [--out 目录] [--site 目录] [--no-cache] [--timeout 秒] [--merge]';

run(async () => {
  const { values } = commandArgs(
    {
      options: {
        shard: { type: 'string' },
        engine: { type: 'string' },
        jobs: { type: 'string' },
        out: { type: 'string' },
        site: { type: 'string' },
        timeout: { type: 'string' },
        'no-cache': { type: 'boolean' },
        merge: { type: 'boolean' },
      },
    },
    USAGE,
  );
  // Loaded once the command line is understood: --help and a mistyped option answer at once.
  const { makePdfs } = await import('../src/build/pdf-command.ts');
  return makePdfs({
    out: values.out,
    site: values.site,
    shard: values.shard === undefined ? undefined : parseShard(values.shard),
    engine: values.engine,
    jobs: values.jobs,
    timeout: values.timeout,
    noCache: values['no-cache'] === true,
    merge: values.merge === true,
  });
});
