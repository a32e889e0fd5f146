// `npm run build` on the shipped content: a real site, swapped in atomically.
import assert from 'node:assert/strict';
import { readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runScript } from '../helpers/cli.ts';
import { tempDir } from '../helpers/content.ts';
import { largestHtmlPage } from '../../scripts/bench/page-sizes.ts';
import { writeCorpus } from '../../scripts/corpus/write.ts';
import { markOutput } from '../../src/build/output-dir.ts';
import { copyContent, sharedSite } from '../e2e/helpers/site.ts';
import { settledEntries } from '../helpers/output.ts';

const out = await tempDir();
after(() => rm(out, { recursive: true, force: true }));

test('builds the seed report page and replaces the previous output', async () => {
  const dist = join(out, 'dist');
  await mkdir(dist);
  await markOutput(dist);
  await writeFile(join(dist, 'stale.html'), 'from an older build');
  // Without PDFs: test/pdf/pipeline-build.test.ts builds the shipped content with them.
  const r = await runScript('build', ['--out', dist], { GONGKAI_PDF: '0' });
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
    await settledEntries(out),
    ['dist'],
    'no staging folder left behind (the previous output is kept as .dist.previous or removed)',
  );
});

test('a copy of a content tree builds nothing anew: built parts are shared by every tree, and give the same bytes', async () => {
  // The shared seed site is built from a copy of content/ outside git; this is another copy, elsewhere.
  const seed = await sharedSite('seed');
  const dist = join(out, 'copy-dist');
  const r = await runScript('build', ['--out', dist], {
    GONGKAI_CONTENT: await copyContent(seed.content),
    GONGKAI_PDF: '0',
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /网站 1 个部分（新构建 0，缓存 1）/);
  const sums = (dir: string) => readFile(join(dir, 'SHA256SUMS'), 'utf8');
  assert.equal(await sums(dist), await sums(seed.dir));
});

test('a province-sized list is paged: small pages, every row once, grade filters and pagers that lead to real pages', async () => {
  // 451 departments: three pages of LIST_PAGE_SIZE (200, 200, 51). The pages
  // stay the same size at 20,000 reports (npm run bench prints the largest).
  // Built in parts, as a province is: the lists come from the catalogue part.
  const content = join(out, 'many');
  await writeCorpus({ departments: 451, years: 1, out: content });
  const dist = join(out, 'many-dist');
  const r = await runScript('build', ['--out', dist], {
    GONGKAI_CONTENT: content,
    GONGKAI_PDF: '0',
    GONGKAI_PART_SIZE: '250',
  });
  assert.match(r.stdout, /网站 2 个部分 \+ 目录页/);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const page = (path: string) => readFile(join(dist, path, 'index.html'), 'utf8');
  const hrefs = (html: string, re: RegExp) =>
    [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).filter((h) => re.test(h));

  for (const home of ['', 'search', '404']) {
    const html = home === '404' ? await readFile(join(dist, '404.html'), 'utf8') : await page(home);
    assert.ok(
      html.includes('<a href="/departments/">全部 451 个单位</a>'),
      `${home || 'home'} links to the department index`,
    );
    assert.ok(!html.includes('href="/departments/d00001/"'), `${home || 'home'} does not list the departments`);
  }

  const year = (await readdir(join(dist, 'years'))).find((y) => /^\d{4}$/.test(y))!;
  const rowsOf = async (path: string) => hrefs(await page(path), /^\/reports\//);
  const first = await page(`years/${year}`);
  assert.match(first, /本页列出第 1–200 份，共 451 份/);
  assert.ok(
    first.includes(`href="/years/${year}/2/"`) && first.includes(`href="/years/${year}/3/"`),
    'the pager links every page',
  );
  const all = [
    ...(await rowsOf(`years/${year}`)),
    ...(await rowsOf(`years/${year}/2`)),
    ...(await rowsOf(`years/${year}/3`)),
  ];
  assert.equal(all.length, 451, 'every report is on exactly one page of its year');
  assert.equal(new Set(all).size, 451);

  const filters = hrefs(first, new RegExp(`^/years/${year}/(you|liang|zhong|cha|none)/$`));
  assert.ok(filters.length >= 2, `grade filters offered: ${filters.join(' ')}`);
  let filtered = 0;
  for (const f of filters) {
    const grade = { you: '优', liang: '良', zhong: '中', cha: '差', none: '' }[f.split('/')[3]!]!;
    const pages = [f, ...hrefs(await page(f.slice(1)), new RegExp(`^${f}\\d+/$`))];
    for (const p of new Set(pages)) {
      const html = await page(p.slice(1));
      const rows = [...html.matchAll(/<tr>[\s\S]*?<\/tr>/g)]
        .map((m) => m[0])
        .filter((row) => row.includes('href="/reports/'));
      filtered += rows.length;
      for (const row of rows)
        assert.equal(
          /data-label="自评等级" data-sort-value="([^"]*)"/.exec(row)?.[1],
          grade,
          `${p}: only ${grade || '等级原文未载'}`,
        );
    }
  }
  assert.equal(filtered, 451, 'the grade filters together list every report once');

  const departmentPages = ['departments', 'departments/2', 'departments/3'];
  const departments = (await Promise.all(departmentPages.map(page))).flatMap((html) =>
    hrefs(html, /^\/departments\/d\d+\/$/),
  );
  assert.equal(new Set(departments).size, 451, 'the department index lists every department across its pages');

  const largest = await largestHtmlPage(dist);
  assert.ok(largest.gzipKb <= 40, `${largest.path} is ${largest.gzipKb.toFixed(1)} KB gzipped (every page at most 40)`);
});
