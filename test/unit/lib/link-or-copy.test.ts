// Putting files in place (src/lib/link-or-copy.ts): a patched part's files are
// links to the part it patches, in folders made as needed; a file that cannot
// be linked (there already) is copied over.
import assert from 'node:assert/strict';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { linkOrCopyAll } from '../../../src/lib/link-or-copy.ts';
import { tempDir } from '../../helpers/content.ts';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

test('files are linked into the folders they name, made as needed', async () => {
  const dir = await tempDir();
  dirs.push(dir);
  await mkdir(join(dir, 'a/reports/2024/d1'), { recursive: true });
  await writeFile(join(dir, 'a/index.html'), '首页');
  await writeFile(join(dir, 'a/reports/2024/d1/index.html'), '报告');
  await mkdir(join(dir, 'b'));
  await writeFile(join(dir, 'b/index.html'), '旧的首页');
  linkOrCopyAll(
    ['index.html', 'reports/2024/d1/index.html'].map((f) => [join(dir, 'a', f), join(dir, 'b', f)] as const),
  );
  const linked = await stat(join(dir, 'b/reports/2024/d1/index.html'));
  assert.equal(linked.ino, (await stat(join(dir, 'a/reports/2024/d1/index.html'))).ino, 'a link, not a copy');
  // There already: copied over, so the destination has the source's content.
  assert.equal(await readFile(join(dir, 'b/index.html'), 'utf8'), '首页');
});
