// npm run build [-- --out <dir>]
// Checks the content, then runs every build step into a staging folder and
// swaps it into dist/ only when all succeeded. Exit 1 when the content has
// errors: nothing is published then, and the previous dist/ stays as it was.
// The output folder must be missing, empty or an earlier output (see
// src/build/output-dir.ts): anything else is refused, never replaced.
//
// Across machines (a CI matrix): `--shard i/n --out <dir>` builds every n-th
// report part of the site into <dir>; `--merge <dir>… [--out dist]` then builds
// the site with those parts, as if it had built them itself (same bytes).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { failed } from '../src/checks/index.ts';
import { contentRoot } from '../src/source/content-root.ts';
import { discardDir, publishDir, stagingDir } from '../src/build/atomic-dir.ts';
import { revisionStep } from '../src/build/revision-step.ts';
import { buildSiteShard, discardUnfinishedParts, importSiteShards } from '../src/build/site-step.ts';
import { stopChildren } from '../src/build/child-processes.ts';
import { checkOutputDir, markOutput } from '../src/build/output-dir.ts';
import { BUILD_STEPS } from '../src/build/steps.ts';
import { buildContext } from '../src/build/context.ts';
import { EXIT, run, UserError } from '../src/cli/run.ts';
import { formatHuman } from '../src/cli/format-findings.ts';
import { distDir } from '../src/config.ts';
import { progressLine, secondsSince } from '../src/cli/progress.ts';
import { contentIndex, scanContent } from '../src/scan/scan.ts';
import { parseShard } from '../src/cli/shard.ts';

run(async () => {
  const { values, positionals } = parseArgs({
    options: {
      out: { type: 'string' },
      shard: { type: 'string' },
      merge: { type: 'string', multiple: true },
    },
    allowPositionals: true,
  });
  // `--merge a b c` as well as `--merge a --merge b`.
  const mergeDirs = values.merge ? [...values.merge, ...positionals] : [];
  if (positionals.length && !values.merge) {
    throw new UserError(`不认识的参数：${positionals.join(' ')}。可用：--out <目录>、--shard i/n、--merge <目录>…`);
  }
  if (values.shard && values.merge) throw new UserError('--shard 和 --merge 不能同时使用');
  if (values.shard && !values.out) throw new UserError('--shard 需要 --out <目录>，分片的输出不是可发布的网站');
  const shard = values.shard ? parseShard(values.shard) : undefined;
  const dest = distDir(values.out);
  const root = contentRoot();
  // The build replaces dest whole: refused before anything is read or written when it is not ours to replace.
  await checkOutputDir(dest, { contentRoot: root, option: values.out ? '--out' : '输出目录' });

  const start = performance.now();
  const progress = progressLine('检查报告');
  const checks = await scanContent(root, { progress: progress.update, render: true });
  progress.done();
  if (failed(checks)) {
    process.stderr.write(formatHuman(checks, process.cwd(), process.stderr.isTTY));
    process.stderr.write('内容有错误，未发布。请按上面的提示修改后重新运行 npm run build。\n');
    return EXIT.problems;
  }
  console.log(`✓ 检查 ${checks.reports} 份报告（${secondsSince(start)}）`);
  // For the benchmark: how long each step took (GONGKAI_BUILD_TIMINGS=<file>).
  const timings: { step: string; seconds: number; summary: string }[] = [
    { step: 'check', seconds: (performance.now() - start) / 1000, summary: `${checks.reports}` },
  ];

  const outDir = await stagingDir(dest);
  // Ctrl-C or a CI cancel: stop the site's part processes, drop the half-built
  // output and unfinished cached parts, keep the previous dist/.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stopChildren()
        .then(() => Promise.all([discardDir(outDir), discardUnfinishedParts(root)]))
        .finally(() => process.exit(130));
    });
  }
  await markOutput(outDir);
  const ctx = buildContext({ contentRoot: root, content: contentIndex(checks), outDir, dest });
  try {
    if (shard) {
      await revisionStep.run(ctx);
      console.log(`✓ ${await buildSiteShard(ctx, shard)}`);
      await publishDir(outDir, dest);
      return EXIT.ok;
    }
    if (mergeDirs.length) {
      const n = await importSiteShards(
        root,
        mergeDirs.map((d) => resolve(d)),
      );
      console.log(`✓ 取用分片构建的 ${n} 个网站部分`);
    }
    for (const step of BUILD_STEPS) {
      const reason = step.skip?.(ctx);
      if (reason) {
        console.log(`－ ${step.title}：${reason}`);
        continue;
      }
      const t = performance.now();
      const summary = await step.run(ctx);
      timings.push({ step: step.name, seconds: (performance.now() - t) / 1000, summary: summary ?? '' });
      console.log(`✓ ${step.title}${summary ? ` ${summary}` : ''}（${secondsSince(t)}）`);
      // A seam for the tests that interrupt a build halfway (never set in normal use).
      if (process.env.GONGKAI_PAUSE_AFTER === step.name) {
        console.log(`（已暂停：${outDir}）`);
        await new Promise((resolve) => setTimeout(resolve, 600_000));
      }
    }
    if (process.env.GONGKAI_BUILD_TIMINGS)
      await writeFile(process.env.GONGKAI_BUILD_TIMINGS, JSON.stringify({ steps: timings, metrics: ctx.metrics }));
    await publishDir(outDir, dest);
  } catch (error) {
    await discardDir(outDir);
    throw error;
  }
  console.log(`已发布到 ${dest}（共 ${secondsSince(start)}）`);
  return EXIT.ok;
});
