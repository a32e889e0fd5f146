// One figure, one rendering: every kind of figure goes through the page text
// (<Fig>, as the report page and the PDF show it), the open data (JSON record
// and CSV cell), the check messages and the diff, and they agree on its value,
// its unit and how the two are written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareFigures } from '../../../src/diff/figure-changes.ts';
import { compareIndicators } from '../../../src/diff/indicator-changes.ts';
import { changeText, scoreText } from '../../../src/diff/summary-markdown.ts';
import { compareScore } from '../../../src/diff/compare.ts';
import { figureAt, figureText } from '../../../src/figures/figure.ts';
import { INDICATOR_COLUMNS, indicatorRows, REPORT_COLUMNS, toCsv, toRecord } from '../../../src/model/open-data.ts';
import { renderBody } from '../../../src/render/render-body.ts';
import type { Report } from '../../../src/schema/report.ts';
import { parseBody } from '../../../src/source/markdown.ts';
import { seedFile, seedInput } from '../../helpers/seed.ts';

const seed = (await seedFile()).data!;

/** What <Fig k="…" /> puts on the page and in the PDF. */
function pageText(data: Report, key: string): string {
  const parsed = parseBody(`<Fig k="${key}" />`, 'mdx');
  assert.ok(parsed.ok);
  const html = renderBody(parsed.tree, { file: 'reports/2023/kgxj.mdx', data, media: [] }).html;
  const m = /<data value="([^"]*)" data-fig="([^"]*)">([^<]*)<\/data>/.exec(html);
  assert.ok(m, html);
  assert.equal(m[2], key);
  return `${m[1]}|${m[3]}`;
}

const CASES: { key: string; text: string; change?: (d: Report) => void; column?: string }[] = [
  { key: 'budget.final', text: '825.75万元', column: 'budget_final' },
  {
    key: 'budget.final',
    text: '8257500元',
    change: (d) => {
      d.budget.unit = '元';
      d.budget.final = '8257500';
    },
    column: 'budget_final',
  },
  { key: 'budget.execution_rate', text: '100%', column: 'execution_rate' },
  { key: 'staffing.actual', text: '21人', column: 'staffing_actual' },
  { key: 'score', text: '98分', column: 'score' },
  { key: 'projects.categories.0.count', text: '3个' },
  { key: 'projects.budget_types.general.share', text: '100%' },
  { key: 'projects.sources.superior', text: '304.78万元' },
  { key: 'indicators.0.actual', text: '81家' },
  { key: 'indicators.0.rate', text: '101.25%' },
  { key: 'indicators.3.actual', text: '30.78亿元' },
  { key: 'indicators.3.growth', text: '1.27%' },
  { key: 'indicators.15.actual', text: '600余册' },
];

for (const c of CASES) {
  test(`${c.key} reads “${c.text}” on the page, in open data and in the diff`, async () => {
    const { data } = await seedInput(c.change);
    const figure = figureAt(data, c.key);
    assert.ok(figure, c.key);
    assert.ok(figure.value !== null, 'stated in the seed');
    assert.equal(figure.text, c.text);
    assert.equal(pageText(data, c.key), `${figure.value}|${c.text}`);

    if (c.column) {
      const record = toRecord(REPORT_COLUMNS, {
        data,
        department: { id: 'kgxj', name: '科工信局' } as never,
        siteUrl: 'https://x.cn/',
      });
      assert.equal(record[c.column], figure.value, 'JSON holds the exact value');
      const title = REPORT_COLUMNS.find((col) => col.key === c.column)?.title ?? '';
      const csv = toCsv(REPORT_COLUMNS, [
        { data, department: { id: 'kgxj', name: '科工信局' } as never, siteUrl: 'https://x.cn/' },
      ]);
      const [head = '', row = ''] = csv.replace(/^\uFEFF/, '').split('\r\n');
      const at = head.split(',').indexOf(title);
      assert.equal(row.split(',')[at], figure.value, 'CSV holds the exact value');
      if (figure.unit === '%') assert.match(title, /（%）$/);
      if (figure.def.kind === 'money') assert.equal(record.unit, figure.unit, 'the money unit is its own column');
    }
    if (c.key.startsWith('indicators.')) {
      const index = Number(c.key.split('.')[1]);
      const field = c.key.split('.')[2] as string;
      const rows = indicatorRows(data);
      const record = toRecord(INDICATOR_COLUMNS, rows[index]!);
      assert.equal(record[field], figure.value);
    }

    // The diff: the figure changed by one in its last place, written as everywhere else.
    const changed = structuredClone(data) as Report;
    const bumped = figure.value.includes('.') ? `${figure.value}1` : String(Number(figure.value) + 1);
    const path = figure.path;
    let holder = changed as unknown as Record<string | number, unknown>;
    for (const k of path.slice(0, -1)) holder = holder[k] as Record<string | number, unknown>;
    holder[path.at(-1) as string | number] = bumped;
    if (c.key === 'score') {
      const score = compareScore(data, changed);
      assert.ok(score);
      assert.ok(scoreText(score).startsWith(`${figure.text} → ${figureText(bumped, figure.unit)}`), scoreText(score));
      return;
    }
    const changes = c.key.startsWith('indicators.')
      ? compareIndicators(data, changed).flatMap((i) => i.changes)
      : compareFigures(data, changed);
    assert.equal(changes.length, 1, JSON.stringify(changes));
    const [change] = changes;
    assert.equal(change?.unit, figure.unit);
    assert.ok(
      changeText(change!).startsWith(`${figure.text.replace('余', '')} → ${figureText(bumped, figure.unit)}`),
      changeText(change!),
    );
  });
}

test('the seed has every kind in its frontmatter', () => {
  for (const c of CASES.filter((x) => !x.change)) assert.ok(figureAt(seed, c.key), c.key);
});

/** What <Fig k="…" /> puts on the page for a figure that is not a plain stated value. */
function pageHtml(data: Report, key: string): string {
  const parsed = parseBody(`数字为<Fig k="${key}" />。`, 'mdx');
  assert.ok(parsed.ok);
  return renderBody(parsed.tree, { file: 'reports/2023/kgxj.mdx', data, media: [] }).html;
}

for (const key of ['budget.total', 'staffing.actual', 'score', 'indicators.0.actual'] as const) {
  test(`${key} 原文未载 reads 原文未写 on the page, null in JSON, an empty CSV cell, and 原文未写 in the diff`, async () => {
    const { data: stated } = await seedInput();
    const path = key.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    const { data } = await seedInput((d) => {
      let holder = d as unknown as Record<string | number, unknown>;
      for (const k of path.slice(0, -1)) holder = holder[k] as Record<string | number, unknown>;
      holder[path.at(-1) as string | number] = null;
    });
    const figure = figureAt(data, key);
    assert.equal(figure?.text, '原文未写');
    assert.match(pageHtml(data, key), new RegExp(`<span class="not-stated" data-fig="${key}">原文未写</span>`));
    const column = figure?.def.column;
    if (column) {
      const row = { data, department: { id: 'kgxj', name: '科工信局' } as never, siteUrl: 'https://x.cn/' };
      const record = toRecord(REPORT_COLUMNS, row);
      assert.equal(record[column], null);
      assert.ok((record.not_stated as string[]).includes(key));
      const csv = toCsv(REPORT_COLUMNS, [row])
        .replace(/^\uFEFF/, '')
        .split('\r\n');
      const title = REPORT_COLUMNS.find((c) => c.key === column)?.title ?? '';
      assert.equal(csv[1]?.split(',')[csv[0]?.split(',').indexOf(title) ?? -1], '');
    }
    const before = figureAt(stated, key)?.text ?? '';
    if (key === 'score') {
      const score = compareScore(stated, data);
      assert.equal(scoreText(score!), `${before} → 原文未写`);
      assert.equal(score?.difference, null, 'no difference with what is not stated');
      return;
    }
    const changes = key.startsWith('indicators.')
      ? compareIndicators(stated, data).flatMap((i) => i.changes)
      : compareFigures(stated, data);
    assert.equal(changes.length, 1);
    assert.equal(changes[0]?.after, '原文未载', 'the diff JSON keeps what the file says');
    assert.equal(changeText(changes[0]!), `${before.replace('余', '')} → 原文未写`);
  });
}

test('a derived figure carries its mark wherever <Fig> shows it', async () => {
  const { data } = await seedInput((d) => {
    d.budget.basic = null;
    d.budget.personnel = '400.00';
    d.budget.public = '120.97';
  });
  assert.match(
    pageHtml(data, 'budget.basic'),
    /数字为<data value="520\.97" data-fig="budget\.basic">520\.97万元<\/data>（计算）。/,
  );
});
