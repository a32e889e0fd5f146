// The seed report as a PDF, with each engine: A4, metadata, real embedded
// fonts, extractable text in reading order, page numbers and an outline.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ENGINES } from '../../src/print/pdf/engines.ts';
import { PRINT_CASES, printedCase } from './print-cases.ts';
import { catalogue, pdffonts, pdfinfo, pdftotext } from './poppler.ts';

const HEADINGS = [
  '一、部门基本情况',
  '（一）职责简述。',
  '二、资金拨付及执行情况',
  '三、绩效自评情况',
  '四、本单位预算绩效管理主要经验及做法',
  '五、预算绩效管理存在的问题及改进措施',
];

for (const engine of ENGINES) {
  describe(`seed report, engine ${engine}`, async () => {
    const run = await printedCase('seed', engine);

    test('renders with exit code 0 and a one-line summary', () => {
      assert.equal(run.status, 0, run.stdout + run.stderr);
      const reports = Object.keys(PRINT_CASES).length;
      assert.match(run.stdout, new RegExp(`✓ ${reports} 份 PDF（新生成 ${reports}，缓存 0）`));
    });

    test('is A4 and says what it is', () => {
      const info = pdfinfo(run.pdf());
      assert.match(info['Page size'] ?? '', /594\.9\d x 841\.9\d pts \(A4\)/);
      assert.equal(info.Title, '科工信局 2023 年度整体支出绩效自评报告');
      assert.equal(info.Author, '保靖县科技和工业信息化局');
      assert.equal(info.Subject, '保靖县科技和工业信息化局 2023 年度部门整体支出绩效自评报告');
      assert.match(info.Keywords ?? '', /部门整体支出绩效自评报告/);
      assert.equal(info.CreationDate, '2024-06-26T00:00:00+08', 'created on the issue date');
      assert.equal(info.Tagged, 'yes');
    });

    test('declares zh-CN and has an outline of the headings', async () => {
      const { lang, outline } = await catalogue(run.pdf());
      assert.equal(lang, 'zh-CN');
      for (const h of HEADINGS) assert.ok(outline.includes(h), `outline has ${h}: ${outline.join(' / ')}`);
    });

    test('embeds every font as a real font, never Type 3', () => {
      const fonts = pdffonts(run.pdf());
      assert.ok(fonts.length > 0);
      for (const f of fonts) {
        assert.ok(f.embedded, `${f.name} embedded`);
        assert.doesNotMatch(f.type, /Type 3/, `${f.name} is ${f.type}`);
        assert.match(f.type, /CID TrueType|CID Type 0C/);
      }
    });

    test('text is extractable: headings, key figures, page numbers, the closing', () => {
      const text = pdftotext(run.pdf());
      // Lines wrap and justified lines get spaces: compare without white space.
      const flat = text.replace(/\s+/g, '');
      for (const h of HEADINGS) assert.ok(flat.includes(h), h);
      assert.ok(flat.includes('年终决算数825.75万元'));
      assert.ok(flat.includes('完成任务数的101.25%'));
      assert.match(text, /^— 1 —$/m);
      assert.ok(flat.includes('财政预算管理股室意见'));
      assert.ok(flat.includes('保靖县科技和工业信息化局2024年6月26日'));
      assert.ok(flat.indexOf('一、部门基本情况') < flat.indexOf('二、资金拨付及执行情况'), 'reading order');
    });
  });
}
