// npm run check [-- paths…] [--format=human|json|github] [--strict]
// Validates every report of the content tree and runs the consistency checks.
// Exit 0: nothing to fix (acknowledged findings allowed); 1: errors (or, with
// --strict, warnings) remain.
import { commandArgs } from '../src/cli/args.ts';
import { contentRoot, settings } from '../src/config.ts';
import { EXIT, run, UserError } from '../src/cli/run.ts';
import { FORMATS, formatFindings, type Format } from '../src/cli/format-findings.ts';
import { progressLine } from '../src/cli/progress.ts';
import { contentPaths, isUnder } from '../src/cli/content-paths.ts';
import { startScanPool } from '../src/scan/scan-pool.ts';
import type { ScanResult } from '../src/scan/scan.ts';

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
  // The first worker loads the checks while this process loads its own code
  // (as scripts/build.ts does): the seed's check 1.07 → 0.92 s.
  const early = await startScanPool(root, false);
  const progress = progressLine('检查报告');
  let result: ScanResult;
  try {
    const { scanContent } = await import('../src/scan/scan.ts');
    result = await scanContent(root, { progress: progress.update, pool: early?.pool, listing: early?.listing });
  } finally {
    await early?.pool.close();
  }
  progress.done();
  const { failed } = await import('../src/checks/index.ts');
  if (wanted.length) result.findings = result.findings.filter((f) => isUnder(root, f.file, wanted));
  const color = format === 'human' && process.stdout.isTTY && !settings().noColor;
  process.stdout.write(formatFindings(format, result, process.cwd(), color));
  return failed(result, values.strict) ? EXIT.problems : EXIT.ok;
});
