// content/site.yaml: the identity of the disclosure website.
import { z } from 'astro/zod';
import { contactSchema } from './department.ts';
import { printSchema } from './print.ts';
import { icpSchema, isPlaceholder, psbSchema, siteCodeSchema } from './registration.ts';
import { text } from './text.ts';
import { judgeUrl } from './url-policy.ts';

/** A web address of site.yaml, held to the same policy as links in reports (url-policy.ts). */
const webAddress = (title: string, description: string, example: string) =>
  z
    .url({ protocol: /^https?$/, error: () => `${title}应为 http(s):// 开头的完整网址，例如 ${example}` })
    .superRefine((value, ctx) => {
      if (!/^https?:/i.test(value)) return; // explained by the check above
      const verdict = judgeUrl(value, 'link', 'site.yaml');
      if (!verdict.ok) ctx.addIssue({ code: 'custom', message: `${verdict.reason}。${verdict.hint}` });
    })
    .meta({ title, description });

const REGISTRATION = [
  ['site_code', '网站标识码'],
  ['icp', 'ICP 备案号'],
  ['psb', '公安机关备案号'],
] as const;

export const siteSchema = z
  .strictObject({
    title: text('网站名称'),
    organizer: text('主办单位'),
    url: webAddress('网站地址', '对外发布的网址，用于规范链接、站点地图和订阅', 'https://gongkai.example.cn/'),
    example: z
      .boolean({ error: () => 'example 应为 true 或 false' })
      .default(false)
      .meta({
        title: '示例站点',
        description:
          '为 true 时每页顶部显示“示例站点”横幅，备案号等可以是占位值（全为 0）；正式发布的网站不写或写 false',
      }),
    site_code: siteCodeSchema,
    icp: icpSchema,
    psb: psbSchema,
    contact: contactSchema.meta({ title: '联系方式', description: '页脚的联系方式：至少填写电话或电子邮箱之一' }),
    dzjg_url: webAddress(
      '党政机关网站标识链接',
      '页脚“党政机关网站标识”图片链向的网址（开办单位在党政机关网站标识管理系统取得）；不填则不显示该标识',
      'https://bszs.conac.cn/sitename?method=show&id=…',
    ).optional(),
    error_report_url: webAddress(
      '找错链接',
      '页脚“我要找错”链向的网址，例如“我为政府网站找错”平台或本站的意见箱；不填则不显示',
      'https://zfwzzc.www.gov.cn/',
    ).optional(),
    data_license: z
      .strictObject({
        name: text('许可名称', '例如 知识共享署名 4.0 国际许可协议（CC BY 4.0）'),
        url: webAddress(
          '许可文本网址',
          '许可协议全文的网址',
          'https://creativecommons.org/licenses/by/4.0/deed.zh-hans',
        ),
      })
      .optional()
      .meta({
        title: '开放数据许可',
        description: '开放数据（/data/）的使用许可，显示在开放数据页并写入 datapackage.json',
      }),
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
  .superRefine((site, ctx) => {
    if (!site.contact.phone && !site.contact.email)
      ctx.addIssue({
        code: 'custom',
        path: ['contact'],
        message: '页脚须有联系电话或电子邮箱（政府网站发展指引），请在 contact 下填写 phone 或 email',
      });
    if (site.example) return;
    for (const [key, title] of REGISTRATION)
      if (isPlaceholder(site[key]))
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${title}是占位值（全为 0），正式网站须填写实际取得的${title}；只是示例站点时，在 site.yaml 中写 example: true（每页会显示“示例站点”）`,
        });
  })
  .meta({ title: '网站信息', description: '公开网站的基本信息（content/site.yaml）' });

export type Site = z.output<typeof siteSchema>;
