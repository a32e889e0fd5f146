// The registration numbers a government website shows in its footer (政府网站
// 发展指引): 网站标识码, ICP 备案号 and 公安机关备案号. Their formats are checked
// here; numbers made only of zeros are placeholders, which only an example
// site may carry (site.ts).
import { z } from 'astro/zod';

/** 省、自治区、直辖市的简称, as ICP and 公安 numbers begin. */
const PROVINCES = '京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵黔云滇陕秦甘陇青蒙桂藏宁新港澳台';

export const ICP_NUMBER = new RegExp(`^[${PROVINCES}]ICP备(\\d{6,12})号(?:-\\d{1,3})?$`);
export const PSB_NUMBER = new RegExp(`^[${PROVINCES}]公网安备 ?(\\d{14})号$`);
export const SITE_CODE = /^\d{10}$/;

export const siteCodeSchema = z
  .string({ error: () => '网站标识码应为文字（加引号，例如 site_code: "4331250001"）' })
  .regex(SITE_CODE, { error: () => '网站标识码应为 10 位数字，例如 4331250001' })
  .meta({ title: '网站标识码', description: '政府网站标识码，10 位数字，显示在每页页脚' });

export const icpSchema = z
  .string({ error: () => 'ICP 备案号应为文字' })
  .trim()
  .regex(ICP_NUMBER, {
    error: () => 'ICP 备案号格式应为“省份简称ICP备数字号”，可带“-序号”，例如 湘ICP备12345678号 或 湘ICP备12345678号-1',
  })
  .meta({ title: 'ICP 备案号', description: '例如 湘ICP备12345678号；页脚链接到工业和信息化部备案管理系统' });

export const psbSchema = z
  .string({ error: () => '公安机关备案号应为文字' })
  .trim()
  .regex(PSB_NUMBER, {
    error: () => '公安机关备案号格式应为“省份简称公网安备 14 位数字号”，例如 湘公网安备 43312502000001号',
  })
  .meta({
    title: '公安机关备案号',
    description: '例如 湘公网安备 43312502000001号；页脚链接到全国互联网安全管理服务平台的查询页',
  });

/** The digits of a registration number ("湘ICP备12345678号-1" → "12345678"). */
export function registrationDigits(value: string): string {
  return ICP_NUMBER.exec(value)?.[1] ?? PSB_NUMBER.exec(value)?.[1] ?? value;
}

/** A number made only of zeros: a placeholder, never a real registration. */
export const isPlaceholder = (value: string) => /^0+$/.test(registrationDigits(value));
