// Figures the importer finds: indicators in prose, standard figures in tables,
// amounts in 元 or 万元 and full-width digits — each with its evidence, and
// conflicting statements left for a person.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract } from '../../../src/import/extract.ts';
import { plainTable } from '../../../src/import/source-table.ts';
import type { DraftBlock } from '../../../src/import/structure.ts';
import { analyseTable } from '../../../src/import/tables.ts';
import { UNIT_LINE } from '../../../src/import/extract.ts';

/** The tables of a draft as the importer reads them (the unit line just above each one applies). */
const tablesOf = (blocks: DraftBlock[]) =>
  blocks.flatMap((b, i) => {
    const before = blocks[i - 1];
    const unit = before?.kind === 'paragraph' ? UNIT_LINE.exec(before.text)?.[1] : undefined;
    return b.kind === 'table' ? [{ where: b.where, analysis: analyseTable(b.table, b.where, unit) }] : [];
  });
import { figureByLabel } from '../../../src/figures/labels.ts';
import { cellNumber, findIndicatorFigures } from '../../../src/source/labelled-figures.ts';
import { proseOf } from '../../helpers/prose.ts';

test('indicators: “X 81 家，完成任务数的 101.25%”, “完成率”, “任务数 160 家，实际完成 158 家”', () => {
  const pick = (text: string) =>
    findIndicatorFigures(text).map(({ name, unit, actual, target, rate }) => ({ name, unit, actual, target, rate }));
  assert.deepEqual(pick('2023 年，科技型中小企业备案 81 家，完成任务数的 101.25%；'), [
    { name: '科技型中小企业备案', unit: '家', actual: '81', target: undefined, rate: '101.25' },
  ]);
  assert.deepEqual(pick('全年完成企业上云160家，完成率100%。'), [
    { name: '企业上云', unit: '家', actual: '160', target: undefined, rate: '100' },
  ]);
  assert.deepEqual(pick('新增规上企业５家，完成目标任务的１２５％'), [
    { name: '新增规上企业', unit: '家', actual: '5', target: undefined, rate: '125' },
  ]);
  assert.deepEqual(pick('企业上云任务数160家，实际完成158家。'), [
    { name: '企业上云', unit: '家', actual: '158', target: '160', rate: undefined },
  ]);
  assert.deepEqual(pick('培训任务200人次，完成180个'), [], 'units must agree');
});

test('table labels and cells', () => {
  assert.deepEqual(figureByLabel('决算数（万元）')?.figure.key, ['budget', 'final']);
  assert.equal(figureByLabel('决算数（万元）')?.unit, '万元');
  assert.equal(figureByLabel('合计'), undefined);
  assert.deepEqual(cellNumber('１，１０２．８０万元'), { value: '1102.80', unit: '万元' });
  assert.equal(cellNumber('约800'), undefined);
});

test('amounts follow the unit of 决算数; other units are converted exactly and say so', () => {
  const prose = proseOf('年终决算数3,662,400元。基本支出200万元，项目支出166.24万元。');
  const x = extract(prose, []);
  assert.equal(x.budgetUnit, '元');
  const get = (k: string) => x.figures.find((f) => f.figure.key.join('.') === k);
  assert.equal(get('budget.final')?.value, '3662400');
  assert.equal(get('budget.basic')?.value, '2000000');
  assert.equal(get('budget.project')?.value, '1662400');
  assert.equal(get('budget.project')?.convertedFrom, '166.24万元');
  assert.equal(get('budget.initial')?.value, undefined);
  assert.equal(get('budget.initial')?.candidates.length, 0);
});

test('a figure stated twice with different values is not chosen', () => {
  const x = extract(proseOf('年终决算数825.75万元。\n\n经核实，年终决算数826.75万元。'), []);
  const final = x.figures.find((f) => f.figure.key.join('.') === 'budget.final');
  assert.equal(final?.conflict, true);
  assert.equal(final?.value, undefined);
  assert.equal(final?.candidates.length, 2);
});

test('a table with a unit caption gives figures with the row as evidence', () => {
  const blocks: DraftBlock[] = [
    { kind: 'paragraph', text: '单位：万元', where: '第 1 段' },
    {
      kind: 'table',
      table: plainTable([
        ['项目', '金额'],
        ['年初预算批复数', '366.95'],
      ]),
      where: '第 2 段',
    },
  ];
  const x = extract([], blocks, tablesOf(blocks));
  const initial = x.figures.find((f) => f.figure.key.join('.') === 'budget.initial');
  assert.equal(initial?.value, '366.95');
  assert.equal(initial?.candidates[0]?.evidence.text, '年初预算批复数 | 366.95');
  assert.equal(initial?.candidates[0]?.evidence.where, '第 2 段');
  const noUnit = extract([], [blocks[1] as DraftBlock], tablesOf([blocks[1] as DraftBlock]));
  assert.equal(
    noUnit.figures.find((f) => f.figure.key.join('.') === 'budget.initial')?.value,
    undefined,
    'no unit, no amount',
  );
});
