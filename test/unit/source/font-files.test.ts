// `npm run check` looks at the licensed font files of site.yaml the way the
// PDF step will read them: a link or a special file is an error at the line
// that names it; a missing file only a warning (licensed fonts may be kept out
// of git and put in place where the PDFs are made).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadRegistry } from '../../../src/source/load.ts';
import { contentWith, lineOf } from '../../helpers/content.ts';

const roots: string[] = [];
after(() => Promise.all(roots.map((d) => rm(d, { recursive: true, force: true }))));

const PRINT = `print:
  font_files:
    - family: 甲
      file: fonts/real.ttf
    - family: 乙
      file: fonts/linked.ttf
    - family: 丙
      file: linked-dir/font.ttf
    - family: 丁
      file: fonts/pipe.ttf
    - family: 戊
      file: fonts/gone.ttf
contact:`;

test('links and special files are errors, a missing file a warning, each at its line', async () => {
  const root = await contentWith([{ file: 'site.yaml', replace: ['contact:', PRINT] }]);
  roots.push(root);
  await mkdir(join(root, 'fonts'));
  await writeFile(join(root, 'fonts/real.ttf'), 'font');
  await symlink('real.ttf', join(root, 'fonts/linked.ttf'));
  await symlink('fonts', join(root, 'linked-dir'));
  execFileSync('mkfifo', [join(root, 'fonts/pipe.ttf')]);
  const { problems } = await loadRegistry(root);
  const fonts = problems.filter((p) => p.rule === 'content.font-file');
  const at = (file: string) => lineOf(root, 'site.yaml', `file: ${file}`);
  assert.deepEqual(
    fonts.map((p) => [p.severity, p.at.line, p.message]),
    [
      ['error', await at('fonts/linked.ttf'), '字体文件 fonts/linked.ttf 是符号链接（或它所在的文件夹是），不会被读取'],
      [
        'error',
        await at('linked-dir/font.ttf'),
        '字体文件 linked-dir/font.ttf 是符号链接（或它所在的文件夹是），不会被读取',
      ],
      [
        'error',
        await at('fonts/pipe.ttf'),
        '字体文件 fonts/pipe.ttf 不是普通文件（而是管道、设备或套接字），不会被读取',
      ],
      ['warning', await at('fonts/gone.ttf'), '找不到字体文件 fonts/gone.ttf，生成 PDF 时会出错'],
    ],
  );
  assert.ok(fonts.every((p) => p.file === 'site.yaml' && p.hint));
});
