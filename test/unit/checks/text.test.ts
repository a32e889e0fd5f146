// Text rules, including every false positive met on real text (regressions).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latinWord, strayLatinWords } from '../../../src/checks/text-latin.ts';
import { halfWidthPunctuation } from '../../../src/checks/text-halfwidth.ts';
import { repeatedItemNumber } from '../../../src/checks/text-numbering.ts';
import { punctuation, punctuationSlips } from '../../../src/checks/text-punctuation.ts';
import { repeatedSentence } from '../../../src/checks/text-repeated.ts';
import { proseOf } from '../../helpers/prose.ts';
import { seedInput } from '../../helpers/seed.ts';

const withText = async (body: string) => ({ ...(await seedInput()), prose: proseOf(body) });

test('text.repeated-sentence: the seed’s 西门街 sentence, once, at its second occurrence', async () => {
  const hits = repeatedSentence.check(await seedInput());
  assert.equal(hits.length, 1);
  assert.match(hits[0]?.excerpt ?? '', /^已完成西门街至迁陵小学路段/);
  assert.match(hits[0]?.message ?? '', /紧接着已经出现过一次/);
});

test('text.repeated-sentence: short sentences and headings may repeat', async () => {
  assert.deepEqual(repeatedSentence.check(await withText('正在推进。正在推进。\n\n## 一、情况\n\n## 一、情况\n')), []);
  const far = await withText(
    '全县规模工业企业完成产值三十亿元。\n\n其他内容。\n\n全县规模工业企业完成产值三十亿元。\n',
  );
  assert.match(repeatedSentence.check(far)[0]?.message ?? '', /在前文已经出现过一次/);
});

test('text.latin-word: “投资规模 and 方向” in the seed duties', async () => {
  const hits = latinWord.check(await seedInput());
  assert.equal(hits.length, 1);
  assert.match(hits[0]?.message ?? '', /英文单词“and”/);
});

test('text.latin-word: acronyms, units, model numbers and 5G are normal (regressions)', () => {
  for (const ok of [
    '全县累计开通5G基站227座',
    '全县GDP增长5%',
    '完成 45 km 管线',
    '采购ZX-200型设备',
    '1-12月完成',
    'A类项目3个',
    '使用WPS办公',
  ])
    assert.deepEqual(strayLatinWords(ok), [], ok);
  assert.deepEqual(
    strayLatinWords('规模 and 方向；质量 or 数量').map((w) => w.word),
    ['and', 'or'],
  );
});

test('text.punctuation: “管理水平和，” in the seed, and nothing else there', async () => {
  const hits = punctuation.check(await seedInput());
  assert.equal(hits.length, 1);
  assert.match(hits[0]?.excerpt ?? '', /管理水平和，/);
});

test('text.punctuation: hanging conjunctions and doubled marks', () => {
  const slips = (t: string) => punctuationSlips(t).map((s) => t.slice(s.index, s.index + s.length));
  assert.deepEqual(slips('提高管理水平和，按照'), ['和，']);
  assert.deepEqual(slips('完成任务。。下一步'), ['。。']);
  assert.deepEqual(slips('完成任务，、下一步'), ['，、']);
  assert.deepEqual(slips('资金拨付,执行情况'), [], 'half-width marks are text.halfwidth-punctuation’s');
});

test('text.halfwidth-punctuation: text copied from a web page is one finding with a count, not one per comma', async () => {
  const body = Array.from({ length: 21 }, (_, i) => `第${i}项工作按期完成,资金拨付及时;群众满意度高:效果好。`).join(
    '\n\n',
  );
  const hits = halfWidthPunctuation.check(await withText(body));
  assert.equal(hits.length, 1);
  assert.match(
    hits[0]?.message ?? '',
    /全文中文之间有 63 处半角标点（“,” 21 处、“;” 21 处、“:” 21 处），第一处：“第0项工作按期完成,资金拨付及时…”/,
  );
  assert.match(hits[0]?.hint ?? '', /“,”→“，”.*acknowledged 中说明一次即可/);
  assert.equal(hits[0]?.excerpt, '半角标点 63 处', 'one acknowledgement (match: 半角标点) covers it');
  assert.deepEqual(halfWidthPunctuation.check(await seedInput()), [], 'the seed has none');
  assert.deepEqual(halfWidthPunctuation.check(await withText('1,102.8万元，GDP:5%，A,B两类')), []);
});

test('text.item-number: a number repeated in a run is flagged; a new list starting at 1 is not', async () => {
  const hits = repeatedItemNumber.check(
    await withText('## 三、绩效\n\n1、甲项工作。\n\n2、乙项工作。\n\n2、丙项工作。\n\n3、丁项工作。\n'),
  );
  assert.equal(hits.length, 1);
  assert.match(hits[0]?.message ?? '', /编号“2、”在“三、绩效”一节中重复出现：“2、丙项工作。”/);
  assert.deepEqual(
    repeatedItemNumber.check(
      await withText('## 一、甲\n\n1、a。\n\n2、b。\n\n说明。\n\n1、c。\n\n2、d。\n\n## 二、乙\n\n1、e。\n'),
    ),
    [],
  );
  const headings = repeatedItemNumber.check(
    await withText('## 一、甲\n\n### （一）子\n\n### （二）子\n\n### （二）子\n'),
  );
  assert.equal(headings.length, 1);
  assert.deepEqual(repeatedItemNumber.check(await seedInput()), [], 'the seed numbers its items correctly');
});

test('text.punctuation: words that end in 和/与/及 may end a clause (regressions)', () => {
  // “水平和，” once slipped through as 平和: the exclusion list is kept short on purpose.
  for (const ok of [
    '各项支出总和，共计',
    '单位积极参与，按时完成',
    '涉及，包括',
    '已经普及，覆盖全县',
    '1,102.8万元',
    '“6.30”洪灾',
  ])
    assert.deepEqual(punctuationSlips(ok), [], ok);
});

test('rules point into the source: line and column of the seed findings', async () => {
  const { seedFile } = await import('../../helpers/seed.ts');
  const file = await seedFile();
  const [hit] = punctuation.check(await seedInput());
  assert.ok(hit && 'offset' in hit.at);
  const at = file.position(hit.at.offset);
  const line = file.text.split('\n')[at.line - 1] ?? '';
  assert.equal(line.slice(at.column - 1, at.column + 1), '和，');
});
