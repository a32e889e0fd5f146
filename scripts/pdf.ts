// npm run pdf [-- --shard i/n] [--engine=pagedjs|chromium] [--jobs N] [--out dir]
//             [--site dir] [--no-cache] [--timeout s] [--merge]
// The PDFs of every report (src/build/pdf-command.ts).
import { parseArgs } from 'node:util';
import { makePdfs } from '../src/build/pdf-command.ts';
import { run, UserError } from '../src/cli/run.ts';
import { parseShard } from '../src/cli/shard.ts';

run(async () => {
  let parsed;
  try {
    parsed = parseArgs({
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
    });
  } catch (error) {
    throw new UserError(
      `${(error as Error).message}。用法：npm run pdf -- [--shard i/n] [--engine=pagedjs|chromium] [--jobs N] [--out 目录]`,
    );
  }
  const { values } = parsed;
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
