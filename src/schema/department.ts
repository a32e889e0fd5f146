// content/departments/<id>.yaml: the registry of budget units.
import { z } from 'astro/zod';
import { departmentId } from './ids.ts';
import { text } from './text.ts';

export const contactSchema = z
  .strictObject({
    address: text('通讯地址').optional(),
    phone: text('联系电话').optional(),
    email: z
      .email({ error: () => '电子邮箱格式不对，例如 xxgk@example.gov.cn' })
      .optional()
      .meta({ title: '电子邮箱' }),
    postcode: z
      .string()
      .regex(/^\d{6}$/, { error: () => '邮政编码应为 6 位数字' })
      .optional()
      .meta({ title: '邮政编码' }),
  })
  .meta({ title: '联系方式' });

export const departmentSchema = z
  .strictObject({
    id: departmentId(),
    name: text('单位全称', '单位全称，例如 保靖县科技和工业信息化局'),
    short_name: text('单位简称', '单位简称，例如 科工信局').optional(),
    parent: text('上级单位').optional(),
    contact: contactSchema.optional(),
  })
  .meta({ title: '预算单位', description: '预算单位登记信息（content/departments/<代码>.yaml）' });

export type Department = z.output<typeof departmentSchema>;
