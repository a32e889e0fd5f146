// A site that owns licensed fonts points site.yaml at the files: the PDF
// embeds them (as real fonts), the website never receives a copy. Only
// regular files inside the content tree are used: a link or a FIFO is refused
// before any PDF is made.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readdir, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { runScript, STACK_TRACE } from '../helpers/cli.ts';
import { contentWith } from '../helpers/content.ts';
import { printPdfs, scratch, siteFor } from './helpers.ts';
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

const withFontSettings = () => contentWith([{ file: 'site.yaml', replace: ['contact:', `${PRINT.trim()}\ncontact:`] }]);

describe('licensed font files', () => {
  let licensed: string;
  before(async () => {
    licensed = await withFontSettings();
    await mkdir(join(licensed, 'fonts'));
    await copyFile(FACE, join(licensed, 'fonts/licensed-test.ttf'));
  });

  test('are embedded in the PDF and not published with the site', async () => {
    const run = await printPdfs(licensed);
    assert.equal(run.status, 0, run.stderr);
    const fonts = pdffonts(run.pdf());
    assert.ok(
      fonts.some((f) => /LXGWWenKai-Light/.test(f.name) && f.type === 'CID TrueType'),
      fonts.map((f) => `${f.name} ${f.type}`).join('\n'),
    );
    const site = await readdir(await siteFor(licensed), { recursive: true });
    assert.deepEqual(
      site.filter((f) => /\.(ttf|otf|ttc|woff2?)$/.test(String(f))),
      [],
    );
  });

  test('a missing file is named, exit code 1', async () => {
    // The same settings without the file: the site is the same (it never holds the font).
    const run = await printPdfs({ content: await withFontSettings(), site: await siteFor(licensed) });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /字体文件 fonts\/licensed-test\.ttf 不存在/);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
  });

  for (const [kind, place] of [
    ['a symbolic link', (root: string) => symlink(FACE, join(root, 'fonts/licensed-test.ttf'))],
    ['a FIFO', async (root: string) => execFileSync('mkfifo', [join(root, 'fonts/licensed-test.ttf')])],
  ] as const) {
    test(`${kind} is refused by the checks before any PDF is made, exit code 1`, async () => {
      const content = await withFontSettings();
      await mkdir(join(content, 'fonts'));
      await place(content);
      const out = await scratch();
      const run = await runScript('pdf', ['--out', out], { GONGKAI_CONTENT: content, GONGKAI_PDF_CACHE: '0' });
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(
        run.stderr,
        new RegExp(
          `site\\.yaml:\\d+:\\d+\\s+错误\\s+content\\.font-file\\s+字体文件 fonts/licensed-test\\.ttf ${kind === 'a FIFO' ? '不是普通文件' : '是符号链接'}`,
        ),
      );
      assert.match(run.stderr, /内容有错误，未生成 PDF/);
      assert.doesNotMatch(run.stderr, STACK_TRACE);
      await assert.rejects(stat(join(out, 'pdf')));
    });
  }
});
