// The `print` section of content/site.yaml: the font stack of the PDFs.
// GB/T 9704 names 仿宋_GB2312 (body), 方正小标宋 (title), 黑体 and 楷体
// (headings); those are proprietary, so each stack names them first (a machine
// that has them, or a site that supplies licensed files, uses them) and ends
// with freely licensed Debian fonts that embed as real CID TrueType fonts
// (Noto CJK from Debian is OpenType/CFF and would embed as Type 3). Mainland
// documents need GB glyph forms (。，、 in the lower left of the character
// box): AR PL SungtiL GB (宋) and AR PL KaitiM GB (楷) have them; AR PL UMing
// and LXGW WenKai stay last, only for characters the GB2312 faces lack. There
// is no free bold 宋 face that embeds properly, and Chromium draws a
// synthesised bold as Type 3 outlines, so print.css never asks for bold
// (font-synthesis: none) and the default title face is the regular 宋.
import { z } from 'astro/zod';
import { text } from './text.ts';

const family = text('字体名称', '字体的 family 名称，例如 仿宋_GB2312、AR PL UMing CN');

const stack = (title: string, description: string) =>
  z
    .array(family)
    .min(1, { error: () => `${title}至少要有一个字体` })
    .meta({ title, description: `${description}。按顺序取第一个可用的字体。` });

export const DEFAULT_FONTS = {
  body: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'AR PL SungtiL GB', 'AR PL UMing CN'],
  title: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '小标宋', 'AR PL SungtiL GB', 'AR PL UMing CN'],
  heading: ['黑体', 'SimHei', 'WenQuanYi Zen Hei'],
  subheading: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'AR PL KaitiM GB', 'LXGW WenKai'],
} as const;

export const FONT_FILE = /\.(ttf|ttc|otf|woff2?)$/i;

const fontFileSchema = z
  .strictObject({
    family,
    file: z
      .string({ error: () => '应填写字体文件路径' })
      .regex(FONT_FILE, { error: () => '字体文件应为 .ttf、.ttc、.otf、.woff 或 .woff2' })
      .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), {
        error: () => '字体文件路径应相对于内容目录（例如 fonts/仿宋_GB2312.ttf），不能以 / 开头或含 ..',
      })
      .meta({ title: '字体文件', description: '相对于内容目录的路径，例如 fonts/仿宋_GB2312.ttf' }),
  })
  .meta({ title: '授权字体文件' });

export const printSchema = z
  .strictObject({
    fonts: z
      .strictObject({
        body: stack('正文字体', '正文（3号仿宋）').default([...DEFAULT_FONTS.body]),
        title: stack('标题字体', '标题（2号小标宋）').default([...DEFAULT_FONTS.title]),
        heading: stack('一级标题字体', '一级标题“一、”（3号黑体）').default([...DEFAULT_FONTS.heading]),
        subheading: stack('二级标题字体', '二级标题“（一）”（3号楷体）').default([...DEFAULT_FONTS.subheading]),
      })
      .default({
        body: [...DEFAULT_FONTS.body],
        title: [...DEFAULT_FONTS.title],
        heading: [...DEFAULT_FONTS.heading],
        subheading: [...DEFAULT_FONTS.subheading],
      })
      .meta({ title: '字体', description: '各部分的字体顺序（GB/T 9704）' }),
    font_files: z.array(fontFileSchema).default([]).meta({
      title: '授权字体文件',
      description: '本单位有授权的字体文件，只用于生成 PDF（嵌入子集），不会复制到网站目录',
    }),
  })
  .meta({ title: 'PDF 排版', description: '打印版（PDF）的字体设置' });

export type PrintSettings = z.output<typeof printSchema>;
export type FontRole = keyof PrintSettings['fonts'];
