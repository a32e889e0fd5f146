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
    // Made report by report as they are written, not all first: the texts of
    // every file (30,000 at 10,000 reports) are never held at once, and the
    // site step, which starts meanwhile, is not held up while they are made.
    const made = new Map<string, Promise<unknown>>();
    const folder = (dir: string) => made.get(dir) ?? made.set(dir, mkdir(dir, { recursive: true })).get(dir);
    let count = 0;
    await mapLimited(reportsInScope(ctx), 8, async ({ data }) => {
      for (const f of reportDataFiles({ data, department: departmentOf(data.department) }, site.url)) {
        const path = join(ctx.outDir, f.path);
        await folder(dirname(path));
        await writeFile(path, f.text);
        count++;
      }
    });
    return `${count} 个`;
  },
};
