// Last step: the report pages' PDF links (src/components/page/Downloads.astro)
// are finished against what is really in the output. A PDF that exists gets
// its size in the link text ("（PDF，123 KB）"); a link to a PDF that was not
// built (GONGKAI_PDF=0, no Chromium) is removed, so no page links to nothing.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mapLimited } from '../lib/map-limited.ts';
import { pdfPath, reportPath } from '../model/urls.ts';
import type { BuildStep } from './context.ts';

export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Fills or removes the PDF link of one report page; returns the new HTML. */
export function finishPdfLink(html: string, key: string, bytes: number | undefined): string {
  const link = new RegExp(
    `(<a\\b[^>]*\\bdata-pdf="${escape(key)}"[^>]*>[\\s\\S]*?<span\\b[^>]*\\bdata-pdf-size\\b[^>]*>)(</span>)`,
  );
  // Report pages now link their PDF themselves, from the size and page count in
  // the site input (Downloads.astro): nothing to finish on those.
  if (!link.test(html)) return html;
  if (bytes !== undefined) return html.replace(link, `$1（PDF，${formatFileSize(bytes)}）$2`);
  const item = new RegExp(
    `<li\\b[^>]*\\bdata-pdf-item\\b[^>]*>(?:(?!</li>)[\\s\\S])*?data-pdf="${escape(key)}"[\\s\\S]*?</li>`,
  );
  if (item.test(html)) return html.replace(item, '');
  return html.replace(new RegExp(`<a\\b[^>]*\\bdata-pdf="${escape(key)}"[\\s\\S]*?</a>`), '');
}

export const pdfLinksStep: BuildStep = {
  name: 'pdf-links',
  title: 'PDF 下载链接',
  async run({ content, outDir }) {
    let linked = 0;
    let missing = 0;
    await mapLimited(content.reports, 16, async (report) => {
      const { year, department } = report.data;
      const page = join(outDir, reportPath(year, department), 'index.html');
      const pdf = await stat(join(outDir, pdfPath(year, department))).catch(() => undefined);
      const html = await readFile(page, 'utf8');
      await writeFile(page, finishPdfLink(html, `${year}/${department}`, pdf?.size));
      if (pdf) linked++;
      else missing++;
    });
    return missing ? `${linked} 份已链接，${missing} 份未生成 PDF，已去掉其链接` : `${linked} 份`;
  },
};
