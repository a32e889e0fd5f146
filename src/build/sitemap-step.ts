// sitemap-index.xml and its sitemaps, from the pages actually in the output
// (a site built in parts has no single Astro build that saw every page). The
// print pages, the 404 page and the search index are left out. Files of at
// most 45,000 addresses (the protocol allows 50,000).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { absoluteUrl, PATHS } from '../model/urls.ts';
import { listFiles } from '../lib/list-files.ts';
import type { BuildStep } from './context.ts';

const PER_FILE = 45_000;
const LEFT_OUT = /(^|\/)(print|preview)\/$|^404\.html$|^pagefind\//;

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function pagePathsOf(outDir: string): Promise<string[]> {
  return (await listFiles(outDir))
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.replace(/(^|\/)index\.html$/, '$1'))
    .filter((f) => !LEFT_OUT.test(f))
    .map((f) => `/${f}`)
    .sort();
}

export const sitemapStep: BuildStep = {
  name: 'sitemap',
  title: '站点地图',
  readsOutput: true,
  async run({ content, outDir }) {
    const base = content.site?.url;
    if (!base) return '未设置网址，跳过';
    const pages = await pagePathsOf(outDir);
    const files: string[] = [];
    for (let i = 0; i * PER_FILE < pages.length || i === 0; i++) {
      const urls = pages.slice(i * PER_FILE, (i + 1) * PER_FILE);
      const name = `sitemap-${i}.xml`;
      files.push(name);
      await writeFile(
        join(outDir, name),
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
          .map((p) => `<url><loc>${escapeXml(absoluteUrl(base, p))}</loc></url>`)
          .join('\n')}\n</urlset>\n`,
      );
    }
    await writeFile(
      join(outDir, PATHS.sitemapXml.slice(1)),
      `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files
        .map((f) => `<sitemap><loc>${escapeXml(absoluteUrl(base, `/${f}`))}</loc></sitemap>`)
        .join('\n')}\n</sitemapindex>\n`,
    );
    return `${pages.length} 页`;
  },
};
