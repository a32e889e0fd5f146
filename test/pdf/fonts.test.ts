// A site that owns licensed fonts points site.yaml at the files: the PDF
// embeds them (as real fonts), the website never receives a copy.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { STACK_TRACE } from '../helpers/cli.ts';
import { contentWith } from '../helpers/content.ts';
import { printPdfs, siteFor } from './helpers.ts';
import { pdffonts } from './poppler.ts';

// Stands in for a licensed 仿宋_GB2312 file: any TrueType face the machine has.
const FACE = '/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Light.ttf';
const PRINT = `
print:
  fonts:
    body: [授权测试字体, AR PL UMing CN]
  font_files:
    - family: 授权测试字体
      file: fonts/licensed-test.ttf
`;

describe('licensed font files', () => {
  test('are embedded in the PDF and not published with the site', async () => {
    const content = await contentWith([{ file: 'site.yaml', replace: ['contact:', `${PRINT.trim()}\ncontact:`] }]);
    const { copyFile, mkdir } = await import('node:fs/promises');
    await mkdir(`${content}/fonts`);
    await copyFile(FACE, `${content}/fonts/licensed-test.ttf`);
    const run = await printPdfs(content);
    assert.equal(run.status, 0, run.stderr);
    const fonts = pdffonts(run.pdf());
    assert.ok(
      fonts.some((f) => /LXGWWenKai-Light/.test(f.name) && f.type === 'CID TrueType'),
      fonts.map((f) => `${f.name} ${f.type}`).join('\n'),
    );
    const site = await readdir(await siteFor(content), { recursive: true });
    assert.deepEqual(
      site.filter((f) => /\.(ttf|otf|ttc|woff2?)$/.test(String(f))),
      [],
    );
  });

  test('a missing file is named, exit code 1', async () => {
    const content = await contentWith([{ file: 'site.yaml', replace: ['contact:', `${PRINT.trim()}\ncontact:`] }]);
    const run = await printPdfs(content);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /字体文件 fonts\/licensed-test\.ttf 不存在/);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
  });
});
