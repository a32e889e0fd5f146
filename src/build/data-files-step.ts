// Each report's open data files (/data/<year>/<dept>.json, -indicators.csv,
// -score-sheet.csv), written straight from the checked model: three small
// files per report need no Astro page render (at 1,000 reports Astro spent
// about 3 s on them). The same functions serve them in npm run dev
// (src/model/report-data.ts). A report whose files were made by an earlier
// build from the same figures has them from the site cache
// (data-files-cache.ts): making 2,000 files took about a second of the main
// thread, beside the site step's own work.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mapLimited } from '../lib/map-limited.ts';
import { departmentFinder } from '../model/departments.ts';
import { reportDataFiles } from '../model/report-data.ts';
import type { Report } from '../schema/report.ts';
import type { BuildStep } from './context.ts';
import { openDataFilesCache } from './data-files-cache.ts';
import { reportsInScope } from './print-step.ts';

export const dataFilesStep: BuildStep = {
  name: 'data-files',
  title: '报告数据文件',
  beside: true,
  async run(ctx) {
    const { site, departments } = ctx.content;
    if (!site) throw new Error('site.yaml 未通过检查，不能写出数据文件');
    const departmentOf = departmentFinder(departments);
    const cache = ctx.settings.site.cache
      ? await openDataFilesCache(ctx.settings.site.cacheDir, ctx.contentRoot, site.url)
      : undefined;
    const filesOf = (data: Report) => {
      const department = departmentOf(data.department);
      const key = cache?.key(data, department);
      const hit = key === undefined ? undefined : cache?.get(key);
      if (hit) return hit;
      const files = reportDataFiles({ data, department }, site.url);
      if (key !== undefined) cache?.set(key, files);
      return files;
    };
    // Made report by report as they are written, not all first: the site
    // step, which starts meanwhile, is not held up while they are made.
    const made = new Map<string, Promise<unknown>>();
    const folder = (dir: string) => made.get(dir) ?? made.set(dir, mkdir(dir, { recursive: true })).get(dir);
    let count = 0;
    await mapLimited(
      reportsInScope(ctx),
      8,
      async ({ data }) => {
        for (const f of filesOf(data)) {
          const path = join(ctx.outDir, f.path);
          await folder(dirname(path));
          await writeFile(path, f.text);
          count++;
        }
      },
      ctx.signal,
    );
    await cache?.save();
    return `${count} 个`;
  },
};
