// Identifiers that become paths and URLs (/reports/2023/kgxj/). Deliberately
// narrow: lower-case ASCII letters, digits and hyphens, so no id can climb out
// of its folder or look like another one.
import { z } from 'astro/zod';

export const DEPARTMENT_ID = /^[a-z][a-z0-9-]{0,39}$/;

export const departmentId = (title = '部门代码') =>
  z
    .string({ error: () => `${title}应为文字，例如 kgxj` })
    .regex(DEPARTMENT_ID, {
      error: () => `${title}只能用小写英文字母、数字和连字符，以字母开头，例如 kgxj`,
    })
    .meta({ title, description: `${title}：小写字母、数字、连字符，例如 kgxj` });

export const fiscalYear = z
  .number({ error: () => '年度应为四位年份，例如 2023' })
  .int({ error: () => '年度应为四位年份，例如 2023' })
  .min(2000, { error: () => '年度应在 2000 年之后' })
  .max(2100, { error: () => '年度应在 2100 年之前' })
  .meta({ title: '预算年度', description: '预算年度（四位年份）' });
