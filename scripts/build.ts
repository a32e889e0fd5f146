// npm run build [-- --out <dir>] [--shard i/n | --merge <dir>…]
// Checks the content, builds the site and PDFs, publishes atomically (src/build/build.ts).
import { commandArgs } from '../src/cli/args.ts';
import { run, UserError } from '../src/cli/run.ts';
import { parseShard } from '../src/cli/shard.ts';
import { contentRoot } from '../src/config.ts';
import { startScanPool } from '../src/scan/scan-pool.ts';
import { checkBuildTargets } from '../src/build/targets.ts';

const USAGE = 'npm run build -- [--out 目录] [--shard i/n | --merge 目录…]';

run(async () => {
  const { values, positionals } = commandArgs(
    {
      options: { out: { type: 'string' }, shard: { type: 'string' }, merge: { type: 'string', multiple: true } },
      allowPositionals: true,
    },
    USAGE,
  );
  if (positionals.length && !values.merge)
    throw new UserError(`不认识的参数：${positionals.join(' ')}。用法：${USAGE}`);
  if (values.shard && values.merge) throw new UserError('--shard 和 --merge 不能同时使用');
  if (values.shard && !values.out) throw new UserError('--shard 需要 --out <目录>，分片的输出不是可发布的网站');
  // A mistyped --out is refused before any worker starts.
  const dest = await checkBuildTargets(values.out);
  // The check's first worker loads the checks while this process loads the
  // build's code (about 0.6 s each): the check is done that much sooner.
  const early = await startScanPool(contentRoot(), true);
  const { build } = await import('../src/build/build.ts');
  return build({
    early,
    dest,
    shard: values.shard ? parseShard(values.shard) : undefined,
    // `--merge a b c` as well as `--merge a --merge b`.
    merge: values.merge ? [...values.merge, ...positionals] : [],
  });
});
