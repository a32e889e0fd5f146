// npm run new -- --dept <id> --year <yyyy>
// Starts next year's report of a department from its latest one (structure and
// recurring text kept, figures emptied to 【待填】), or from the standard
// template when it has none. Never overwrites a report. See src/scaffold/new-report.ts.
import { commandArgs } from '../src/cli/args.ts';
import { contentRoot } from '../src/config.ts';
import { EXIT, run } from '../src/cli/run.ts';

const USAGE = 'npm run new -- --dept 单位代码 --year 年度';

run(async () => {
  const { values } = commandArgs({ options: { dept: { type: 'string' }, year: { type: 'string' } } }, USAGE);
  // Loaded once the command line is understood: --help and a mistyped option answer at once.
  const { createNewReport } = await import('../src/scaffold/new-report.ts');
  for (const line of await createNewReport(contentRoot(), values.dept?.trim(), values.year?.trim())) console.log(line);
  return EXIT.ok;
});
