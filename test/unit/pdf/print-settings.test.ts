// The print section of site.yaml: defaults, font file paths, and family names
// that can never break out of the CSS they are written into.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fontFaces, fontVariables } from '../../../src/print/font-css.ts';
import { parseWithFriendlyErrors } from '../../../src/schema/errors.ts';
import { DEFAULT_FONTS, printSchema } from '../../../src/schema/print.ts';

test('without a print section, the free default stacks apply, real faces first', () => {
  const print = printSchema.parse({});
  assert.deepEqual(print.fonts.body, DEFAULT_FONTS.body);
  assert.equal(print.fonts.body[0], '仿宋_GB2312');
  // GB glyph forms (。，、 in the lower left) before the wider-coverage fallback.
  assert.deepEqual(print.fonts.body.slice(-2), ['AR PL SungtiL GB', 'AR PL UMing CN']);
  assert.equal(print.fonts.subheading.at(-2), 'AR PL KaitiM GB');
  assert.match(fontVariables(print), /--font-heading: '黑体', 'SimHei', 'WenQuanYi Zen Hei'/);
  assert.equal(fontFaces(print), '');
});

test('a licensed font file becomes an @font-face served by the PDF renderer only', () => {
  const print = printSchema.parse({ font_files: [{ family: '仿宋_GB2312', file: 'fonts/仿宋_GB2312.ttf' }] });
  assert.equal(
    fontFaces(print),
    `@font-face { font-family: '仿宋_GB2312'; src: url('/_gongkai/fonts/fonts/${encodeURI('仿宋_GB2312')}.ttf'); }`,
  );
});

test('family names are CSS strings: quotes, backslashes and </style> cannot escape', () => {
  const print = printSchema.parse({ fonts: { body: ["x'; } body { color: red", '</style><script>'] } });
  const css = fontVariables(print);
  assert.doesNotMatch(css, /<|>/);
  assert.ok(css.includes("'x\\27 ; } body { color: red'"), css);
});

for (const [file, message] of [
  ['/etc/fonts/x.ttf', /相对于内容目录/],
  ['fonts/../../x.ttf', /相对于内容目录/],
  ['fonts/x.pdf', /\.ttf、\.ttc/],
] as const) {
  test(`font file ${file} is refused in Chinese`, () => {
    const r = parseWithFriendlyErrors(printSchema, { font_files: [{ family: 'x', file }] });
    assert.equal(r.ok, false);
    assert.match(JSON.stringify(r), message);
  });
}
