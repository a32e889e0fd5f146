// Each report's open data files (/data/<year>/<dept>.json, -indicators.csv,
// -score-sheet.csv), the table of every report (/data/reports.json,
// reports.csv) and the package describing them (/data/datapackage.json),
// written straight from the checked model: they need no Astro
// page render (at 1,000 reports Astro spent about 3 s on the first, and the
// catalogue's render 1.5 s of its 3 s on the table). The same functions
// serve them in npm run dev (src/model/report-data.ts, reports-table.ts). A
// report whose files and row were made by an earlier build from the same
// figures has them from the site cache (data-files-cache.ts): making 2,000
// files took about a second of the main thread, beside the site step's work.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mapLimited } from '../lib/map-limited.ts';
import { dataPackageJson } from '../model/datapackage.ts';
import { departmentFinder } from '../model/departments.ts';
import { reportDataFiles } from '../model/report-data.ts';
import { catalogueOrder, reportsCsv, reportsJson, tableRow } from '../model/reports-table.ts';
import { PATHS, siteFile } from '../model/urls.ts';
import type { Report } from '../schema/report.ts';
import type { BuildStep } from './context.ts';
import { openDataFilesCache, type DataFile, type ReportOutput } from './data-files-cache.ts';
import { sha256Of } from './sha256sums.ts';
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
    const outputOf = (data: Report): ReportOutput => {
      const department = departmentOf(data.department);
      const key = cache?.key(data, department);
      const hit = key === undefined ? undefined : cache?.get(key);
      if (hit) return hit;
      const made = {
        files: reportDataFiles({ data, department }, site.url),
        row: tableRow({ data, department }, site.url),
      };
      if (key !== undefined) cache?.set(key, made);
      return made;
    };
    // Made report by report as they are written, not all first: the site
    // step, which starts meanwhile, is not held up while they are made.
    const folders = new Map<string, Promise<unknown>>();
    const folder = (dir: string) => folders.get(dir) ?? folders.set(dir, mkdir(dir, { recursive: true })).get(dir);
    const write = async (f: DataFile) => {
      const file = siteFile(f.path);
      // Already there, from the previous output: kept as it is.
      if (ctx.reused?.keep(file, sha256Of(f.text))) return;
      const path = join(ctx.outDir, file);
      await folder(dirname(path));
      await writeFile(path, f.text);
      ctx.reused?.wrote(file);
    };
    const reports = [...reportsInScope(ctx)].sort((a, b) => catalogueOrder(a.data, b.data));
    let count = 0;
    const rows = await mapLimited(
      reports,
      8,
      async ({ data }) => {
        const { files, row } = outputOf(data);
        for (const f of files) await write(f);
        count += files.length;
        return row;
      },
      ctx.signal,
    );
    await write({ path: PATHS.reportsJson, text: reportsJson(site, rows) });
    await write({ path: PATHS.reportsCsv, text: reportsCsv(rows) });
    // Of every report: a shard leaves it, like the catalogue, to the machine that merges. Through
    // Astro it took 0.27 s of the catalogue's render at 1,000 reports, on every figures edit.
    if (!ctx.scope)
      await write({
        path: PATHS.dataPackage,
        text: dataPackageJson(
          site,
          reports.map(({ data }) => ({ data, department: departmentOf(data.department) })),
        ),
      });
    await cache?.save();
    return `${count} 个，总表 reports.json、reports.csv${ctx.scope ? '' : '，datapackage.json'}`;
  },
};
