// How the importer reads the shape of a report: numbering variants, dates,
// page-break joins, bold marks, text tables.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textBlocks } from '../../../src/import/document.ts';
import { rowTexts } from '../../../src/import/source-table.ts';
import { parseChineseDate, structure } from '../../../src/import/structure.ts';

const shape = (text: string) =>
  structure(textBlocks(text)).blocks.map(
    (b) => `${b.kind === 'heading' ? '#'.repeat(b.depth) : b.kind}:${'text' in b ? b.text : ''}`,
  );

test('section numbering variants become headings; a heading sharing its line with text is split', () => {
  assert.deepEqual(
    shape(
      [
        '一、部门基本情况',
        '（一）职责简述。负责全县工作。',
        '(二) 机构',
        '二．资金情况',
        '第三部分 绩效自评',
        '（三）我单位高度重视绩效管理，成立了领导小组，明确了分工，落实了责任，开展了自评。',
      ].join('\n\n'),
    ),
    [
      '##:一、部门基本情况',
      '###:（一）职责简述。',
      'paragraph:负责全县工作。',
      '###:(二) 机构',
      '##:二．资金情况',
      '##:第三部分 绩效自评',
      'paragraph:（三）我单位高度重视绩效管理，成立了领导小组，明确了分工，落实了责任，开展了自评。',
    ],
  );
});

test('page breaks: an unfinished sentence, or an unnumbered piece inside a numbered run, is joined', () => {
  const s = structure(
    textBlocks(
      [
        '1、第一项工作。',
        '2、第二项工作包括',
        '调研和统计。',
        '3、第三项。',
        '另起一段。',
        '4、第四项。',
        '结尾。',
      ].join('\n\n'),
    ),
  );
  assert.deepEqual(
    s.blocks.map((b) => ('text' in b ? b.text : '')),
    ['1、第一项工作。', '2、第二项工作包括调研和统计。', '3、第三项。另起一段。', '4、第四项。', '结尾。'],
  );
  assert.equal(s.joins.length, 2);
});

test('lines hard-wrapped inside a paragraph are joined; a heading or numbered item never is', () => {
  assert.deepEqual(shape('年初预算批复数366.95万元，\n全年预算数825.75万元。\n二、下一节\n1、第一项'), [
    'paragraph:年初预算批复数366.95万元，全年预算数825.75万元。',
    '##:二、下一节',
    'paragraph:1、第一项',
  ]);
});

test('title, issuing body and date, and the review table are taken out of the body', () => {
  const s = structure(
    textBlocks(
      [
        '保靖县某某局',
        '2023年度部门整体支出绩效自评报告',
        '正文。',
        '审核意见\t审核结论',
        '预算单位上报意见\t盖章',
        '保靖县某某局',
        '２０２４年６月２６日',
      ].join('\n'),
    ),
  );
  assert.equal(s.title?.text, '保靖县某某局2023年度部门整体支出绩效自评报告');
  assert.equal(s.issuer?.text, '保靖县某某局');
  assert.equal(s.issued?.iso, '2024-06-26');
  assert.deepEqual(s.review?.rows, [{ opinion: '预算单位上报意见', conclusion: '盖章' }]);
  assert.deepEqual(
    s.blocks.map((b) => b.kind),
    ['paragraph'],
  );
});

test('dates in Arabic, full-width and Chinese numerals; impossible dates are refused', () => {
  assert.equal(parseChineseDate('2024 年 6 月 26 日'), '2024-06-26');
  assert.equal(parseChineseDate('二〇二四年十二月三十一日'), '2024-12-31');
  assert.equal(parseChineseDate('二〇二五年三月一日'), '2025-03-01');
  assert.equal(parseChineseDate('2024年2月30日'), undefined);
  assert.equal(parseChineseDate('2024年'), undefined);
});

test('bold that Markdown could not close is fixed by moving the mark, not the words', () => {
  const s = structure(textBlocks('**企业上云方面：**多次召开会议；**两化融合**：已申请；**已完成。**'));
  assert.equal(
    s.blocks[0]?.kind === 'paragraph' && s.blocks[0].text,
    '**企业上云方面**：多次召开会议；**两化融合**：已申请；**已完成。**',
  );
  assert.equal(s.boldFixes, 1);
});

test('tab- and pipe-separated lines are tables', () => {
  const blocks = textBlocks(
    '项目\t金额（万元）\n决算数\t825.75\n\n| 项目 | 金额 |\n| --- | --- |\n| 基本支出 | 520.97 |',
  );
  assert.deepEqual(
    blocks.map((b) => b.table && rowTexts(b.table)),
    [
      [
        ['项目', '金额（万元）'],
        ['决算数', '825.75'],
      ],
      [
        ['项目', '金额'],
        ['基本支出', '520.97'],
      ],
    ],
  );
});
