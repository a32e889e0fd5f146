// npm run verify -- <dir> [--against <SHA256SUMS file or trusted build folder>]
// Checks a deployed copy of the site against a build manifest (src/build/verify-copy.ts).
import { parseArgs } from 'node:util';
import { verifyCopy } from '../src/build/verify-copy.ts';
import { run, UserError } from '../src/cli/run.ts';

run(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { against: { type: 'string' } } });
  const [target] = positionals;
  if (!target || positionals.length > 1)
    throw new UserError('用法：npm run verify -- <网站目录> [--against <SHA256SUMS 或可信的构建目录>]');
  return verifyCopy(target, values.against);
});
