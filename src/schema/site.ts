// content/site.yaml: the identity of the disclosure website.
import { z } from 'astro/zod';
import { contactSchema } from './department.ts';
import { printSchema } from './print.ts';
import { text } from './text.ts';

export const siteSchema = z
  .strictObject({
    title: text('网站名称'),
    organizer: text('主办单位'),
    url: z
      .url({
        protocol: /^https?$/,
        error: () => '网站地址应为 http(s):// 开头的完整网址，例如 https://gongkai.example.cn/',
      })
      .meta({ title: '网站地址', description: '对外发布的网址，用于规范链接、站点地图和订阅' }),
    site_code: z
      .string({ error: () => '网站标识码应为文字' })
      .regex(/^\d{10}$/, { error: () => '网站标识码应为 10 位数字' })
      .meta({ title: '网站标识码' }),
    icp: text('ICP 备案号', '例如 湘ICP备12345678号'),
    psb: text('公安机关备案号', '例如 湘公网安备 43312502000001号'),
    contact: contactSchema.optional(),
    description: text('网站简介', '首页标题下的一句话介绍').optional(),
    commit_url: z
      .string({ error: () => '版本链接应为文字' })
      .regex(/^https?:\/\/\S+\{commit\}\S*$/, {
        error: () =>
          '版本链接应为完整网址，并用 {commit} 表示版本号，例如 https://git.example.cn/czj/gongkai/commit/{commit}',
      })
      .optional()
      .meta({
        title: '源文件版本链接',
        description: '报告页“源文件版本”链向的网址，{commit} 处填入版本号；不填则只显示版本号',
      }),
    print: printSchema.default(() => printSchema.parse({})),
  })
  .meta({ title: '网站信息', description: '公开网站的基本信息（content/site.yaml）' });

export type Site = z.output<typeof siteSchema>;
