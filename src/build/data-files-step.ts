// Each report's open data files (/data/<year>/<dept>.json, -indicators.csv,
// -score-sheet.csv), written straight from the checked model: three small
// files per report need no Astro page render (at 1,000 reports Astro spent
// about 3 s on them). The same functions serve them in npm run dev
// (src/model/report-data.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mapLimited } from '../lib/map-limited.ts';
import { departmentFinder } from '../model/departments.ts';
import { reportDataFiles } from '../model/report-data.ts';
import type { BuildStep } from './context.ts';
import { reportsInScope } from './print-step.ts';

export const dataFilesStep: BuildStep = {
  name: 'data-files',
  title: '报告数据文件',
  beside: true,
  async run(ctx) {
    const { site, departments } = ctx.content;
    if (!site) throw new Error('site.yaml 未通过检查，不能写出数据文件');
    const departmentOf = departmentFinder(departments);
    const files = reportsInScope(ctx).flatMap(({ data }) =>
      reportDataFiles({ data, department: departmentOf(data.department) }, site.url),
    );
    await Promise.all(
      [...new Set(files.map((f) => dirname(join(ctx.outDir, f.path))))].map((d) => mkdir(d, { recursive: true })),
    );
    await mapLimited(files, 32, (f) => writeFile(join(ctx.outDir, f.path), f.text));
    return `${files.length} 个`;
  },
};
