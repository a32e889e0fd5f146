// Prose that names a standard figure (“年终决算数825.75万元”) must give the
// same number as the frontmatter, so the web page, the data and the text
// never disagree.
import { figureText } from '../figures/figure.ts';
import { convertMoney } from '../figures/money.ts';
import { NOT_STATED } from '../figures/not-stated.ts';
import { equals } from '../lib/decimal.ts';
import { valueAt } from '../lib/key-path.ts';
import { formatKeyPath } from '../lib/key-path.ts';
import { findLabelledFigures } from '../source/labelled-figures.ts';
import type { Hit, ReportInput, ReportRule } from './types.ts';

function inFrontmatterUnit(value: string, unit: string, report: ReportInput): string {
  return convertMoney(value, unit, report.data.budget.unit) ?? value;
}

const UNIT_COUNT = /内设(?:股室|科室|机构)(?:共)?(\d+)个/g;

export const proseFigures: ReportRule = {
  id: 'prose.figure-mismatch',
  severity: 'error',
  title: '正文中写出的标准数字与 frontmatter 一致',
  check(report) {
    const hits: Hit[] = [];
    for (const block of report.prose) {
      if (block.kind === 'field') continue;
      for (const f of findLabelledFigures(block.text)) {
        const expected = valueAt(report.data, f.figure.key);
        if (expected === null) {
          hits.push({
            at: { offset: block.offsetOf(f.index) },
            message: `正文写“${block.text.slice(f.index, f.index + f.length)}”，而 frontmatter 中 ${formatKeyPath(f.figure.key)}（${f.figure.title}）写的是“${NOT_STATED}”`,
            hint: `原文写了这个数：请把 ${formatKeyPath(f.figure.key)} 改为原文的数，不要写 ${NOT_STATED}。`,
            excerpt: block.text.slice(f.index, f.index + f.length),
          });
          continue;
        }
        if (typeof expected !== 'string') continue;
        const written = f.figure.kind === 'amount' ? inFrontmatterUnit(f.value, f.unit, report) : f.value;
        if (equals(written, expected)) continue;
        const unit = f.figure.kind === 'amount' ? report.data.budget.unit : f.unit;
        hits.push({
          at: { offset: block.offsetOf(f.index) },
          message: `正文写“${block.text.slice(f.index, f.index + f.length)}”，而 frontmatter 中 ${formatKeyPath(f.figure.key)}（${f.figure.title}）为 ${figureText(expected, unit)}`,
          hint: '两处应一致：以核实后的数为准，同时修改另一处。',
          excerpt: block.text.slice(f.index, f.index + f.length),
        });
      }
      const units = report.data.units.length;
      if (units === 0) continue;
      for (const m of block.text.matchAll(UNIT_COUNT)) {
        if (Number(m[1]) === units) continue;
        hits.push({
          at: { offset: block.offsetOf(m.index) },
          message: `正文写“${m[0]}”，而 frontmatter 的 units（内设机构）列了 ${units} 个`,
          hint: '请核对内设机构的个数与名单。',
          excerpt: m[0],
        });
      }
    }
    return hits;
  },
};
