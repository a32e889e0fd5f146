// `npm run build` on the shipped content: a real site, swapped in atomically.
import assert from 'node:assert/strict';
import { readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runScript } from '../helpers/cli.ts';
import { tempDir } from '../helpers/content.ts';
import { writeCorpus } from '../../scripts/corpus/write.ts';
import { markOutput } from '../../src/build/output-dir.ts';

const out = await tempDir();
after(() => rm(out, { recursive: true, force: true }));

test('builds the seed report page and replaces the previous output', async () => {
  const dist = join(out, 'dist');
  await mkdir(dist);
  await markOutput(dist);
  await writeFile(join(dist, 'stale.html'), 'from an older build');
  const r = await runScript('build', ['--out', dist]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /✓ 检查 1 份报告/);
  assert.ok(r.stdout.split('\n').length < 15, `a short build log:\n${r.stdout}`);

  const html = await readFile(join(dist, 'reports/2023/kgxj/index.html'), 'utf8');
  assert.match(html, /<html lang="zh-CN">/);
  assert.match(html, /科工信局 2023 年度整体支出绩效自评报告/);
  assert.match(html, /年终决算数825\.75万元/);
  assert.match(html, /<span class="duties__n">5、<\/span>负责工业和信息化领域的国防动员/);
  assert.match(html, /2024年6月26日/);
  assert.deepEqual(
    (await readdir(dist)).filter((f) => f === 'stale.html'),
    [],
    'the old output is replaced, not merged',
  );
  assert.deepEqual(
    (await readdir(out)).filter((f) => f.includes('staging') || f.includes('.old-')),
    [],
    'no staging folders left behind',
  );
});

test('a prefecture-sized site links to the department index instead of listing every department on each page', async () => {
  const content = join(out, 'many');
  await writeCorpus({ departments: 151, years: 1, out: content });
  const dist = join(out, 'many-dist');
  const r = await runScript('build', ['--out', dist], { GONGKAI_CONTENT: content, GONGKAI_PDF: '0' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  for (const page of ['index.html', 'search/index.html', '404.html']) {
    const html = await readFile(join(dist, page), 'utf8');
    assert.ok(html.includes('<a href="/departments/">全部 151 个单位</a>'), `${page} links to the department index`);
    assert.ok(!html.includes('href="/departments/d00001/"'), `${page} does not list the departments`);
  }
  const index = await readFile(join(dist, 'departments/index.html'), 'utf8');
  assert.ok(index.includes('href="/departments/d00151/"'), 'the department index itself lists them all');
});
