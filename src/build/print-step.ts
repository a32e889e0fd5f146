// The print pages, before anything else: every report's print page (the
// document the PDF is made from, and its ?paged preview) built in 'print'
// parts and merged into the staging folder, with the images they show. The
// PDF step prints them; the web pages then link each PDF with its size.
import { progressLine } from '../cli/progress.ts';
import type { InputReport } from '../model/site-input.ts';
import type { BuildContext, BuildStep } from './context.ts';
import { copyMedia } from './media.ts';
import {
  buildMissing,
  builtSummary,
  inputFor,
  mergePart,
  planBuild,
  withPlan,
  type PlannedBuild,
} from './part-builds.ts';
import { partSizeOf, planParts } from './site-parts.ts';

/** The reports this build handles (all, or its shard's). */
export const reportsInScope = (ctx: BuildContext): InputReport[] =>
  ctx.content.reports.filter((r) => !ctx.scope || ctx.scope.has(r.file));

async function planPrint(ctx: BuildContext, scratch: string): Promise<PlannedBuild[]> {
  const all = ctx.content.reports;
  const parts = planParts(
    all.map((r) => ({ file: r.file, department: r.data.department })),
    partSizeOf(ctx.settings.site),
  );
  const byFile = new Map(all.map((r) => [r.file, r]));
  const builds: PlannedBuild[] = [];
  for (const part of parts) {
    if (ctx.scope && !part.files.some((f) => ctx.scope?.has(f))) continue;
    const id = parts.length > 1 ? `print-${part.id}` : 'print';
    const reports = part.files.flatMap((f) => byFile.get(f) ?? []);
    const departments = ctx.content.departments.filter((d) => part.departments.includes(d.id));
    const input = inputFor(ctx, 'print', reports, departments);
    builds.push(await planBuild(scratch, { kind: 'print', id }, `print ${id}`, input, part.files, { patchable: true }));
  }
  return builds;
}

export const printStep: BuildStep = {
  name: 'print',
  title: '打印页',
  // Made first only to print PDFs from; without PDFs the web parts make them in the same build.
  skip: ({ settings }) => (settings.pdf.enabled ? undefined : '与网站一起生成（GONGKAI_PDF=0）'),
  run: (ctx) =>
    withPlan(
      ctx,
      (scratch) => planPrint(ctx, scratch),
      async (builds, cacheDir) => {
        const progress = progressLine('打印页：构建部分');
        const timing = { render: 0, patched: 0, kept: 0, shared: 0 };
        const { ready, built } = await buildMissing(ctx, builds, cacheDir, timing, progress.update);
        progress.done();
        for (const b of builds) {
          await mergePart(ready.get(b.key) as string, ctx.outDir, 'print', ctx.knownHashes, {
            signal: ctx.signal,
            reused: ctx.reused,
          });
          ctx.usedParts.add(b.key);
        }
        ctx.printed = true;
        ctx.metrics['print.render-seconds'] = timing.render;
        ctx.metrics['print.kept-renders'] = timing.kept;
        ctx.metrics['print.shared-renders'] = timing.shared;
        const media = await copyMedia(ctx.contentRoot, reportsInScope(ctx), ctx.outDir);
        const reports = reportsInScope(ctx).length;
        return `${reports} 份报告（${builds.length} 个部分，${builtSummary(built, timing)}）${media ? `，图片 ${media} 个` : ''}`;
      },
    ),
};
