// /feed.xml: RSS of published reports, newest first. Dates are the reports'
// own (发布日期, else 成文日期), never the build time: same sources, same bytes.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { byPublication, getReports, getSite } from '../model/catalog.ts';
import { keyFigure, publishedOn } from '../model/key-figures.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const reports = byPublication(await getReports());
  return rss({
    title: site.title,
    description: site.description ?? `${site.organizer}公开的部门整体支出绩效自评报告`,
    site: site.url,
    customData: '<language>zh-CN</language>',
    items: reports.map((r) => {
      const final = keyFigure(r.data, 'budget.final');
      const score = keyFigure(r.data, 'score');
      const date = publishedOn(r.data);
      return {
        title: `${r.department.name}：${r.data.title}`,
        link: r.path,
        ...(date ? { pubDate: new Date(`${date}T00:00:00+08:00`) } : {}),
        description: `${r.data.year} 年度，${final.label} ${final.shown}，${score.label} ${score.shown}。`,
        categories: [String(r.data.year), r.department.name],
      };
    }),
  });
};
