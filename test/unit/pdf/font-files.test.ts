// The licensed font files of site.yaml are read like every content file:
// regular files inside the content root only, within a size limit, every
// problem named at once before any PDF is made.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { UserError } from '../../../src/cli/run.ts';
import { MAX_FONT_BYTES, readFontFiles } from '../../../src/print/pdf/font-files.ts';
import { renderPdfs } from '../../../src/print/pdf/render-pdfs.ts';
import { tempDir } from '../../helpers/content.ts';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function tree(): Promise<{ root: string; outside: string }> {
  const root = await tempDir();
  const outside = await tempDir();
  dirs.push(root, outside);
  await mkdir(join(root, 'fonts'));
  await writeFile(join(root, 'fonts/real.ttf'), 'font bytes');
  await writeFile(join(outside, 'secret.ttf'), 'not for the PDF');
  return { root, outside };
}

const refusal = (file: string, what: RegExp) => (error: unknown) => {
  assert.ok(error instanceof UserError, String(error));
  assert.match(
    error.message,
    new RegExp(`print\\.font_files 中的字体文件 ${file.replace(/[./]/g, '\\$&')} ${what.source}`),
  );
  assert.match(error.message, /未生成 PDF/);
  return true;
};

test('a regular file inside the tree is read', async () => {
  const { root } = await tree();
  const fonts = await readFontFiles(root, ['fonts/real.ttf']);
  assert.equal(Buffer.from(fonts.get('fonts/real.ttf')!).toString(), 'font bytes');
});

test('a symbolic link is refused, even to a file inside the tree', async () => {
  const { root, outside } = await tree();
  await symlink(join(outside, 'secret.ttf'), join(root, 'fonts/linked.ttf'));
  await symlink('real.ttf', join(root, 'fonts/inside.ttf'));
  await assert.rejects(readFontFiles(root, ['fonts/linked.ttf']), refusal('fonts/linked.ttf', /是符号链接/));
  await assert.rejects(readFontFiles(root, ['fonts/inside.ttf']), refusal('fonts/inside.ttf', /是符号链接/));
});

test('a symbolically linked folder on the way is refused', async () => {
  const { root, outside } = await tree();
  await symlink(outside, join(root, 'licensed'));
  await assert.rejects(readFontFiles(root, ['licensed/secret.ttf']), refusal('licensed/secret.ttf', /是符号链接/));
});

test('a FIFO is refused without hanging', async () => {
  const { root } = await tree();
  execFileSync('mkfifo', [join(root, 'fonts/pipe.ttf')]);
  await assert.rejects(readFontFiles(root, ['fonts/pipe.ttf']), refusal('fonts/pipe.ttf', /不是普通文件/));
});

test('a device is refused', async () => {
  await assert.rejects(readFontFiles('/', ['dev/zero']), refusal('dev/zero', /不是普通文件/));
});

test('a file over the size limit is refused before it is read', async () => {
  const { root } = await tree();
  await writeFile(join(root, 'fonts/huge.ttf'), '');
  await truncate(join(root, 'fonts/huge.ttf'), MAX_FONT_BYTES + 1);
  await assert.rejects(
    readFontFiles(root, ['fonts/huge.ttf']),
    refusal('fonts/huge.ttf', /有 50\.0 MB，超过 50 MB 的上限/),
  );
});

test('a path out of the tree is refused; every problem is named at once', async () => {
  const { root } = await tree();
  await assert.rejects(readFontFiles(root, ['../secret.ttf', '/etc/passwd', 'fonts/gone.ttf']), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.match(error.message, /\.\.\/secret\.ttf 不在内容目录之内/);
    assert.match(error.message, /\/etc\/passwd 不在内容目录之内/);
    assert.match(error.message, /fonts\/gone\.ttf 不存在/);
    return true;
  });
});

test('the PDF renderer reads them so before anything else, whether or not the checks ran', async () => {
  const { root, outside } = await tree();
  await symlink(join(outside, 'secret.ttf'), join(root, 'fonts/linked.ttf'));
  const rendering = renderPdfs({
    siteDir: join(root, 'no-site'),
    contentRoot: root,
    pdfDir: join(root, 'pdf'),
    jobs: [],
    engine: 'pagedjs',
    concurrency: 1,
    cache: undefined,
    timeoutMs: 1000,
    fontFiles: ['fonts/linked.ttf'],
  });
  await assert.rejects(rendering, refusal('fonts/linked.ttf', /是符号链接/));
});
