// npm run new's work: next year's report of a department, from its latest one
// (structure and recurring text kept, figures emptied to 【待填】) or from the
// standard template when it has none. Never overwrites a report; a mistake in
// the arguments is a UserError that says what to write instead.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { UserError } from '../cli/run.ts';
import { closest } from '../lib/suggest.ts';
import { DEPARTMENT_ID, fiscalYear } from '../schema/ids.ts';
import { LAYOUT, REPORT_PATH } from '../source/content-root.ts';
import { loadRegistry, validDepartments } from '../source/load.ts';
import { latestValidReport } from './previous-report.ts';
import { scaffoldFrom } from './scaffold.ts';
import { templateReport } from './template.ts';

export const NEW_USAGE =
  '用法：npm run new -- --dept <单位代码> --year <年度>，例如 npm run new -- --dept kgxj --year 2024';

/**
 * Writes the new report of `dept` for `yearText` into the content tree at
 * `root`, and returns what to tell the user, line by line (paths relative to
 * the working folder).
 */
export async function createNewReport(root: string, dept?: string, yearText?: string): Promise<string[]> {
  if (!dept || !yearText) throw new UserError(`缺少 ${!dept ? '--dept' : '--year'}。${NEW_USAGE}`);
  if (!DEPARTMENT_ID.test(dept))
    throw new UserError(`单位代码“${dept}”不对：只能用小写英文字母、数字和连字符，例如 kgxj。`);
  if (!/^\d{4}$/.test(yearText) || !fiscalYear.safeParse(Number(yearText)).success)
    throw new UserError(`年度“${yearText}”不对：请写四位年份，例如 2024。`);
  const year = Number(yearText);

  // The registry and this department's own report files: the other reports are never read.
  const registry = await loadRegistry(root);
  const departments = validDepartments(registry);
  const department = departments.find((d) => d.id === dept);
  if (!department) {
    const guess = closest(
      dept,
      departments.map((d) => d.id),
    );
    throw new UserError(
      `单位代码 ${dept} 没有登记${guess ? `，是不是 ${guess}？` : '。'}` +
        `新单位请先创建 ${relative(process.cwd(), join(root, LAYOUT.departments, `${dept}.yaml`))}（id、name 全称、short_name 简称）。`,
    );
  }
  const own = registry.reportPaths.flatMap((file) => {
    const m = REPORT_PATH.exec(file);
    return m?.[2] === dept ? [{ file, year: Number(m[1]) }] : [];
  });
  const existing = own.find((r) => r.year === year);
  const target = join(root, LAYOUT.reports, String(year), `${dept}.mdx`);
  const shown = relative(process.cwd(), target);
  if (existing) {
    throw new UserError(
      `${relative(process.cwd(), join(root, existing.file))} 已经存在，不会覆盖。要重新生成，请先删除或改名该文件。`,
    );
  }
  const previous = await latestValidReport(
    root,
    own.filter((r) => r.year < year),
  );

  const header = previous
    ? ` ${department.name} ${year} 年度部门整体支出绩效自评报告：由 npm run new 以 ${previous.pathYear} 年度报告为底稿生成。\n 【待填】处请按本年度实际填写；保留的文字请逐段核对是否仍然适用。npm run check 会列出每一处未填写的内容。`
    : ` ${department.name} ${year} 年度部门整体支出绩效自评报告：由 npm run new 按标准模板生成。\n 【待填】处请按本年度实际填写；npm run check 会列出每一处未填写的内容。`;
  const scaffold = previous ? scaffoldFrom(previous, year, header) : undefined;
  const text = scaffold?.text ?? templateReport(department, year, header);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text, { flag: 'wx' });
  const lines =
    previous && scaffold
      ? [
          `已创建 ${shown}（以 ${previous.pathYear} 年度报告为底稿）`,
          `  保留：结构、职责 ${previous.data?.duties.length ?? 0} 项、内设机构 ${previous.data?.units.length ?? 0} 个、` +
            `指标名称 ${previous.data?.indicators.length ?? 0} 项、${scaffold.keptParagraphs} 段不含数字的文字（年份已改为 ${year}）`,
          `  待填：${scaffold.figures} 个数据项、${scaffold.emptiedParagraphs} 段含数字的文字`,
        ]
      : [`已创建 ${shown}（${department.name}还没有往年报告，按标准模板生成）`];
  return [...lines, '下一步：打开该文件，把每一处【待填】换成本年度的内容；运行 npm run check 查看还有哪些没有填。'];
}
