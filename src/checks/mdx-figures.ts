// <Fig k="…" /> must name a figure the frontmatter has, or the page could not
// be rendered: caught here with a suggestion instead of failing the build.
import { bodyIndex } from './mdx-safety.ts';
import { figureAt, figureKeys } from '../figures/figure.ts';
import { closest } from '../lib/suggest.ts';
import type { Hit, ReportRule } from './types.ts';

export const figKeys: ReportRule = {
  id: 'mdx.fig-key',
  severity: 'error',
  title: '<Fig k="…" /> 引用的数字在 frontmatter 中存在',
  check({ data, body }) {
    const hits: Hit[] = [];
    for (const node of bodyIndex(body).jsx) {
      if (node.name !== 'Fig') continue;
      const k = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'k')?.value;
      if (typeof k !== 'string' || figureAt(data, k)) continue;
      const guess = closest(k, figureKeys(data));
      hits.push({
        at: { offset: node.position?.start.offset ?? 0 },
        message: `<Fig k="${k}" /> 引用的数字在 frontmatter 中不存在${guess ? `，是不是 ${guess}？` : ''}`,
        hint: 'k 写 frontmatter 中数字的位置，例如 budget.final、staffing.actual、indicators.0.actual。',
        excerpt: k,
      });
    }
    return hits;
  },
};
