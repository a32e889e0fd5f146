// npm run check [-- paths…] [--format=human|json|github] [--strict]
// Validates every report of the content tree and runs the consistency checks.
// Exit 0: nothing to fix (acknowledged findings allowed); 1: errors (or, with
// --strict, warnings) remain.
import { commandArgs } from '../src/cli/args.ts';
import { failed } from '../src/checks/index.ts';
import { scanContent } from '../src/scan/scan.ts';
import { contentRoot, settings } from '../src/config.ts';
import { EXIT, run, UserError } from '../src/cli/run.ts';
import { FORMATS, formatFindings, type Format } from '../src/cli/format-findings.ts';
import { progressLine } from '../src/cli/progress.ts';
import { contentPaths, isUnder } from '../src/cli/content-paths.ts';

const USAGE = 'npm run check -- [路径…] [--format=human|json|github] [--strict]';

run(async () => {
  const { values, positionals } = commandArgs(
    {
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'human' },
        strict: { type: 'boolean', default: false },
      },
    },
    USAGE,
  );
  const format = values.format as Format;
  if (!FORMATS.includes(format))
    throw new UserError(`--format 只能是 ${FORMATS.join('、')}，收到的是 ${values.format}`);
  const root = contentRoot();
  const wanted = contentPaths(root, positionals);
  const progress = progressLine('检查报告');
  const result = await scanContent(root, { progress: progress.update });
  progress.done();
  if (wanted.length) result.findings = result.findings.filter((f) => isUnder(root, f.file, wanted));
  const color = format === 'human' && process.stdout.isTTY && !settings().noColor;
  process.stdout.write(formatFindings(format, result, process.cwd(), color));
  return failed(result, values.strict) ? EXIT.problems : EXIT.ok;
});
