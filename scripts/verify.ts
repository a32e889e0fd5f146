// npm run verify -- <dir> [--against <SHA256SUMS file or trusted build folder>]
// Checks a deployed copy of the site against a build manifest (src/build/verify-copy.ts).
import { commandArgs } from '../src/cli/args.ts';
import { verifyCopy } from '../src/build/verify-copy.ts';
import { run, UserError } from '../src/cli/run.ts';

const USAGE = 'npm run verify -- <目录> [--against SHA256SUMS 文件或可信的构建目录]';

run(async () => {
  const { values, positionals } = commandArgs(
    { allowPositionals: true, options: { against: { type: 'string' } } },
    USAGE,
  );
  const [target] = positionals;
  if (!target || positionals.length > 1) throw new UserError(`用法：${USAGE}`);
  return verifyCopy(target, values.against);
});
