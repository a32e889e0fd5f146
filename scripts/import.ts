// npm run import -- <file.docx|file.xlsx|file.txt> [--dept <id>] [--year <yyyy>] [--out <file>]
// Turns a published report (Word, Excel or plain text) into a draft
// content/reports/<year>/<dept>.mdx: structure recognised, tables kept,
// standard figures taken into frontmatter by label, each reported with the
// sentence it came from. Values it cannot find are 【待填】, never guessed.
// Never overwrites a file, and never leaves half a draft: the draft is written
// beside its place and linked into it whole.
import { link, mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { commandArgs } from '../src/cli/args.ts';
import { LAYOUT } from '../src/source/content-root.ts';
import { contentRoot } from '../src/config.ts';
import { EXIT, run, UserError } from '../src/cli/run.ts';

const USAGE = 'npm run import -- <文件.docx|文件.xlsx|文件.txt> [--dept 单位代码] [--year 年度] [--out 输出文件]';

run(async () => {
  const { values, positionals } = commandArgs(
    {
      allowPositionals: true,
      options: { dept: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } },
    },
    USAGE,
  );
  const [input, ...extra] = positionals;
  if (!input || extra.length) throw new UserError(`用法：${USAGE}`);
  if (values.year !== undefined && !/^\d{4}$/.test(values.year))
    throw new UserError(`年度“${values.year}”不对：请写四位年份，例如 2023。`);
  // Loaded once the command line is understood: --help and a mistyped option answer at once.
  const [{ loadRegistry, validDepartments }, { importDocument }, { importReport }] = await Promise.all([
    import('../src/source/load.ts'),
    import('../src/import/draft.ts'),
    import('../src/import/import-summary.ts'),
  ]);
  const root = contentRoot();
  const departments = validDepartments(await loadRegistry(root));
  const draft = await importDocument(resolve(input), {
    departments,
    ...(values.dept ? { department: values.dept } : {}),
    ...(values.year ? { year: Number(values.year) } : {}),
  });
  const target = values.out
    ? resolve(values.out)
    : join(root, LAYOUT.reports, String(draft.year), `${draft.department}.mdx`);
  const shown = relative(process.cwd(), target);
  await mkdir(dirname(target), { recursive: true });
  const partial = join(dirname(target), `.${basename(target)}.${process.pid}.part`);
  try {
    await writeFile(partial, draft.text, { flag: 'wx' });
    await link(partial, target); // fails, leaving nothing, when the draft exists
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UserError(`${shown} 已经存在，不会覆盖。请用 --out 指定另一个文件，或先删除、改名原文件。`);
    throw error;
  } finally {
    await rm(partial, { force: true });
  }
  process.stdout.write(importReport(draft, shown));
  return EXIT.ok;
});
