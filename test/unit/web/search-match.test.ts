// What the search page counts as a hit (the fix for Pagefind's loose CJK matching).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containsAll, excerptSegments, terms } from '../../../src/client/search-match.ts';

const TEXT = '2023 年，科技型中小企业备案 81 家；存在的问题及改进措施。已完成企业上云 160 家。';

test('a phrase matches only where it occurs verbatim, not through a shared character', () => {
  assert.equal(containsAll(TEXT, terms('科技型中小企业')), true);
  assert.equal(containsAll(TEXT, terms('上云')), true);
  assert.equal(containsAll(TEXT, terms('不存在的词')), false, '的 and 存在 occur, the phrase does not');
  assert.equal(containsAll(TEXT, terms('上云 5G')), false, 'every term must occur');
  assert.equal(containsAll(TEXT, terms('')), false);
});

test('quoted phrases stay whole; Latin letters match regardless of case', () => {
  assert.deepEqual(terms('“企业 上云” 备案'), ['企业 上云', '备案']);
  assert.deepEqual(terms('"A B"  c'), ['a b', 'c']);
  assert.equal(containsAll('开通5G基站', terms('5g')), true);
});

test('the excerpt marks every occurrence around the first hit', () => {
  const segments = excerptSegments(TEXT, terms('企业'), 15);
  assert.deepEqual(
    segments.filter((s) => s.mark).map((s) => s.text),
    ['企业', '企业'],
  );
  assert.equal(segments.at(-1)?.text, '…', 'the passage is cut after the hits');
  assert.ok(
    segments
      .map((s) => s.text)
      .join('')
      .includes('科技型中小企业备案'),
  );
});
