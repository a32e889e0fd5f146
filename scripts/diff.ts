// npm run diff -- <base> [<head>] [--format=markdown|json]
// What a change does to the reports, for the pull request: figures old → new
// with exact differences, indicators, score and grade, other data, new and
// resolved check findings, and how much of the text changed. <head> defaults
// to the work tree (what is on disk now, committed or not).
import { commandArgs } from '../src/cli/args.ts';
import { contentRoot } from '../src/config.ts';
import { EXIT, run, UserError } from '../src/cli/run.ts';

const USAGE = 'npm run diff -- <基准版本> [<对比版本>] [--format=markdown|json]';

const FORMATS = ['markdown', 'json'] as const;

run(async () => {
  const { values, positionals } = commandArgs(
    {
      allowPositionals: true,
      options: { format: { type: 'string', default: 'markdown' } },
    },
    USAGE,
  );
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new UserError(`--format 只能是 ${FORMATS.join('、')}，收到的是 ${values.format}`);
  const [baseRev, headRev, ...extra] = positionals;
  if (!baseRev || extra.length) {
    throw new UserError(`用法：${USAGE}，例如 npm run diff -- main（与工作区比较）或 npm run diff -- origin/main HEAD`);
  }
  // Loaded once the command line is understood: --help and a mistyped option answer at once.
  const [{ diffRevisions }, { renderMarkdown }] = await Promise.all([
    import('../src/diff/diff-revisions.ts'),
    import('../src/diff/summary-markdown.ts'),
  ]);
  const result = await diffRevisions(contentRoot(), baseRev, headRev);
  process.stdout.write(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderMarkdown(result));
  return EXIT.ok;
});
