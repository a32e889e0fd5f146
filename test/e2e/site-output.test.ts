// The built website as files: every link resolves, pages stay within their
// weight budget, open data is exact and safe to open in Excel, feed/sitemap/
// robots use the public address, nothing needs inline script or style, report
// text is escaped, the source revision is stated honestly, same commit gives
// the same bytes. No browser needed; see browser.test.ts for the rest.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { reportDataJsonSchema } from '../../src/schema/json-schema.ts';
import { tabularDataPackageProfile } from '../helpers/frictionless.ts';
import { contentRepo } from './helpers/git.ts';
import { attributeValues, idsOf, textOf } from './helpers/html.ts';
import {
  buildSite,
  copyContent,
  fixtureSite,
  pagePaths,
  readSiteFile,
  scratch,
  sharedSite,
  siteFiles,
  type BuiltSite,
} from './helpers/site.ts';
import { testScanPool } from '../helpers/scan-pool.ts';

const SEED_URL = 'https://gongkai.example.cn/';
const MULTI_URL = 'https://gongkai.example.org/';
const COMMIT_URL = 'https://git.example.org/czj/gongkai/commit/{commit}';

let seed: BuiltSite;
let multi: BuiltSite;
let multiCommit: string;
let multiAgain: BuiltSite;

before(async () => {
  // The shipped report, built outside git; the synthetic multi-year site, built from a clean git commit (twice).
  seed = await sharedSite('seed');
  const repo = await contentRepo(fixtureSite('multi'));
  const siteYaml = join(repo.content, 'site.yaml');
  // A formal site: registration numbers in their real formats, no example banner.
  const formal = (await readFile(siteYaml, 'utf8'))
    .replace('example: true\n', '')
    .replace("site_code: '0000000000'", "site_code: '4331250001'")
    .replace('湘ICP备00000000号', '湘ICP备12345678号-1')
    .replace('湘公网安备 00000000000000号', '湘公网安备 43312502000001号');
  await writeFile(siteYaml, `${formal}commit_url: ${COMMIT_URL}\n`);
  const { commitAll } = await import('../helpers/git.ts');
  multiCommit = await commitAll(repo.repo, 'commit link', 1_700_000_100);
  multi = await buildSite(repo.content);
  multiAgain = await buildSite(repo.content);
});

const sites = () => [
  { name: '种子内容', site: seed, url: SEED_URL },
  { name: '多年度示例', site: multi, url: MULTI_URL },
];

/** Where a link points on disk, or undefined for links that leave the site. */
function localTarget(href: string, page: string, siteUrl: string): { path: string; hash: string } | undefined {
  if (/^(mailto|tel):/.test(href)) return undefined;
  const base = new URL(page, siteUrl);
  const url = new URL(href, base);
  if (url.origin !== new URL(siteUrl).origin) return undefined;
  return { path: decodeURIComponent(url.pathname), hash: decodeURIComponent(url.hash.slice(1)) };
}

function fileFor(dir: string, path: string): string {
  return path.endsWith('/') ? join(dir, path, 'index.html') : join(dir, path);
}

describe('links', () => {
  test('every internal link, asset and fragment in every page resolves', async () => {
    for (const { name, site, url } of sites()) {
      const broken: string[] = [];
      let checked = 0;
      for (const page of await pagePaths(site.dir)) {
        const html = await readSiteFile(site.dir, page.endsWith('/') ? `${page}index.html` : page);
        const pageIds = idsOf(html);
        for (const href of [...attributeValues(html, 'href'), ...attributeValues(html, 'src')]) {
          const target = localTarget(href, page, url);
          if (!target) continue;
          checked++;
          const file = fileFor(site.dir, target.path);
          if (!existsSync(file)) {
            broken.push(`${page} → ${href}`);
            continue;
          }
          if (target.hash) {
            const ids = target.path === new URL(page, url).pathname ? pageIds : idsOf(await readFile(file, 'utf8'));
            if (!ids.has(target.hash)) broken.push(`${page} → ${href}（页内没有 id="${target.hash}"）`);
          }
        }
      }
      assert.deepEqual(broken, [], `${name}：断开的链接`);
      assert.ok(checked > 50, `${name}：checked ${checked} links`);
    }
  });

  test('the sitemap lists every public page at its public address, and nothing else', async () => {
    for (const { name, site, url } of sites()) {
      const index = await readSiteFile(site.dir, '/sitemap-index.xml');
      const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
      assert.ok(parts.length > 0 && parts.every((p) => p.startsWith(url)), `${name}: ${parts.join(' ')}`);
      const locs: string[] = [];
      for (const part of parts) {
        const xml = await readSiteFile(site.dir, new URL(part).pathname);
        locs.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? ''));
      }
      // Not for readers: the 404 page, and the print and print-preview routes the PDFs are made from.
      const pages = (await pagePaths(site.dir)).filter((p) => p !== '/404.html' && !/\/(print|preview)\/$/.test(p));
      assert.deepEqual(locs.map((l) => new URL(l).pathname).sort(), pages.sort(), name);
      assert.ok(locs.every((l) => l.startsWith(url)));
    }
  });

  test('robots.txt and canonical links use the address in site.yaml', async () => {
    assert.match(
      await readSiteFile(seed.dir, '/robots.txt'),
      /^Sitemap: https:\/\/gongkai\.example\.cn\/sitemap-index\.xml$/m,
    );
    const html = await readSiteFile(seed.dir, '/reports/2023/kgxj/index.html');
    assert.match(html, /<link rel="canonical" href="https:\/\/gongkai\.example\.cn\/reports\/2023\/kgxj\/">/);
    assert.doesNotMatch(await readSiteFile(seed.dir, '/404.html'), /rel="canonical"/);
  });
});

describe('weight budget', () => {
  const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

  /** A script and the chunks it imports, gzipped, in bytes. */
  async function scriptWeight(dir: string, path: string, seen = new Set<string>()): Promise<number> {
    if (seen.has(path)) return 0;
    seen.add(path);
    const code = await readSiteFile(dir, path);
    let total = gz(code);
    for (const m of code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g))
      total += await scriptWeight(dir, new URL(m[1] ?? '', `http://x${path}`).pathname, seen);
    return total;
  }

  test('HTML ≤ 40 KB, CSS ≤ 20 KB, JS ≤ 10 KB (gzip) on every page; search (Pagefind) apart', async (t) => {
    const KB = 1024;
    for (const { name, site } of sites()) {
      const heaviest = { html: 0, css: 0, js: 0 };
      // The print routes are for the PDF and for staff (the preview carries Paged.js), not for readers.
      for (const page of (await pagePaths(site.dir)).filter((p) => !/\/(print|preview)\/$/.test(p))) {
        const file = page.endsWith('/') ? `${page}index.html` : page;
        const html = await readSiteFile(site.dir, file);
        const css = (
          await Promise.all(
            [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(async (m) =>
              gz(await readSiteFile(site.dir, m[1] ?? '')),
            ),
          )
        ).reduce((a, b) => a + b, 0);
        let js = 0;
        for (const src of [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? ''))
          if (!src.startsWith('/pagefind/')) js += await scriptWeight(site.dir, src);
        assert.ok(gz(html) <= 40 * KB, `${name} ${page}: HTML ${gz(html)} B gzip`);
        assert.ok(css <= 20 * KB, `${name} ${page}: CSS ${css} B gzip`);
        assert.ok(js <= 10 * KB, `${name} ${page}: JS ${js} B gzip`);
        heaviest.html = Math.max(heaviest.html, gz(html));
        heaviest.css = Math.max(heaviest.css, css);
        heaviest.js = Math.max(heaviest.js, js);
      }
      const report = gz(
        await readSiteFile(
          site.dir,
          name === '种子内容' ? '/reports/2023/kgxj/index.html' : '/reports/2024/moni/index.html',
        ),
      );
      t.diagnostic(
        `${name}：报告页 HTML ${(report / KB).toFixed(1)} KB；各页最大 HTML ${(heaviest.html / KB).toFixed(1)} KB、CSS ${(heaviest.css / KB).toFixed(1)} KB、JS ${(heaviest.js / KB).toFixed(1)} KB（gzip）`,
      );
    }
  });
});

describe('report page', () => {
  test('shows the report as published, its key figures, notes, indicators, review and metadata', async () => {
    const html = await readSiteFile(seed.dir, '/reports/2023/kgxj/index.html');
    const text = textOf(html);
    for (const expected of [
      '科工信局 2023 年度整体支出绩效自评报告',
      // The original states no grade: derived from the score, and marked so.
      '全年预算数 825.75万元 年终决算数 825.75万元 预算执行率 100% 基本支出 520.97万元 项目支出 304.78万元 自评得分 98分 等级：优（按得分推算）',
      '原文自评金额为 827.75万元，与决算数 825.75万元不一致',
      '一、部门基本情况',
      '（一）职责简述。',
      '年终决算数825.75万元',
      '科技型中小企业备案 80家 81家 101.25%',
      '企业上云 160家 160家 100%（计算） 达到',
      '预算单位上报意见',
      '发布机构 保靖县科技和工业信息化局 成文日期 2024年6月26日 时效性 有效',
      '录入说明 据原件录入',
      '源文件版本 未记录（内容目录不在 Git 仓库中）',
    ])
      assert.ok(text.includes(expected), `report page lacks “${expected}”`);
    assert.match(html, /<meta name="SiteIDCode" content="4331250000">/);
    assert.match(html, /<meta name="ContentSource" content="保靖县科技和工业信息化局">/);
  });

  test('the original is one region, 报告原文, and what the site made sits outside it, labelled', async () => {
    const html = await readSiteFile(seed.dir, '/reports/2023/kgxj/index.html');
    const original = /<section class="region region--original"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    const text = textOf(original).trim();
    assert.match(text, /^报告原文 为真实准确我单位/, 'labelled, then the original from its first sentence');
    assert.match(
      text,
      /本单位整体支出绩效自评得分 98 分。 审核意见 审核结论 预算单位上报意见/,
      'body, then 审核意见表',
    );
    assert.match(text, /财政预算管理股室意见 盖章 负责人签字： 年 月 日 保靖县科技和工业信息化局 2024年6月26日$/);
    for (const made of ['key-figures', 'indicators', 'notes', 'chart', 'table-note', 'status-ok'])
      assert.doesNotMatch(original, new RegExp(`class="[^"]*\\b${made}\\b`), `${made} is not inside the original`);
    const site = [...html.matchAll(/<section class="region region--site"[^>]*>([\s\S]*?)<\/section>/g)].map((m) =>
      textOf(m[1] ?? '').trim(),
    );
    assert.equal(site.length, 2);
    assert.match(site[0] ?? '', /^本站据报告整理 .* 主要数据 全年预算数 825\.75万元/);
    assert.match(site[1] ?? '', /^本站据报告整理 绩效指标 .*科技型中小企业备案/);
    assert.ok(html.indexOf('region--original') < html.lastIndexOf('region--site'), 'indicators after the original');
    // Landmarks named after their labels, each name unique.
    assert.match(html, /<section class="region region--original" aria-labelledby="original-label">/);
    assert.match(html, /aria-labelledby="site-label key-figures-title"/);
    assert.match(html, /aria-labelledby="indicators-label indicators"/);
  });

  test('no page says 未填写; fields a report does not give are left out; PubDate is the 发布日期 or absent', async () => {
    for (const { name, site } of sites())
      for (const page of await pagePaths(site.dir)) {
        const html = await readSiteFile(site.dir, page.endsWith('/') ? `${page}index.html` : page);
        assert.doesNotMatch(html, /未填写/, `${name} ${page}`);
      }
    const seedPage = await readSiteFile(seed.dir, '/reports/2023/kgxj/index.html');
    assert.doesNotMatch(seedPage, /name="PubDate"|索引号|文号/, 'the seed report gives no 发布日期, 索引号 or 文号');
    const given = await readSiteFile(multi.dir, '/reports/2023/ceshi/index.html');
    assert.match(given, /<meta name="PubDate" content="2024-06-01">/);
    assert.match(
      textOf(given),
      /索引号 000000000\/2024-00001 发布机构 .* 文号 示测〔2024〕1号 成文日期 .* 发布日期 2024年6月1日 时效性 有效/,
    );
  });

  test('one rendering of each kind of value: scores as published (98分, never 98.00分), 万元 without a space', async () => {
    for (const { name, site } of sites())
      for (const page of ['/', '/years/', ...(await pagePaths(site.dir)).filter((p) => p.startsWith('/years/2'))]) {
        const text = textOf(await readSiteFile(site.dir, `${page}index.html`));
        assert.doesNotMatch(text, /\d\.0+分/, `${name} ${page}`);
      }
    const home = textOf(await readSiteFile(seed.dir, '/index.html'));
    assert.match(home, /2023 年度 1 825\.75万元 98分/);
    // Outside the original's own words (reproduced as published), no figure is written "825.75 万元".
    const report = await readSiteFile(seed.dir, '/reports/2023/kgxj/index.html');
    const outside = report.replace(/<section class="region region--original"[\s\S]*?<\/section>/, '');
    assert.doesNotMatch(textOf(outside), /\d (万元|亿元|元|分)(?![^（]*）)/);
  });

  test('without a PDF in the output, the report page does not link to one', async () => {
    const html = await readSiteFile(seed.dir, '/reports/2023/kgxj/index.html');
    assert.doesNotMatch(html, /data-pdf|\/pdf\//);
    assert.match(html, /href="\/data\/2023\/kgxj\.json"/);
  });

  test('a build from git names the commit that last changed the report, linked with site.yaml’s commit_url', async () => {
    const html = await readSiteFile(multi.dir, '/reports/2024/ceshi/index.html');
    // The report was committed with the content; the commit checked out (multiCommit) changed only site.yaml.
    const history = /<details class="change-history">([\s\S]*?)<\/details>/.exec(html)?.[1] ?? '';
    const reportCommit = /commit\/([0-9a-f]{40})"/.exec(history)?.[1] ?? '';
    assert.notEqual(reportCommit, multiCommit);
    assert.match(html, new RegExp(`href="https://git\\.example\\.org/czj/gongkai/commit/${reportCommit}"><code>`));
    assert.match(textOf(html), new RegExp(`源文件版本 ${reportCommit.slice(0, 10)}(?!（)`));
    assert.doesNotMatch(html, new RegExp(multiCommit));
    // The build's log names the commit checked out.
    assert.match(multi.log, new RegExp(`✓ 源文件版本 ${multiCommit.slice(0, 10)}`));
  });

  test('最后更新 and the change history: the commits that touched the report, newest first, each linked', async () => {
    const html = await readSiteFile(multi.dir, '/reports/2024/ceshi/index.html');
    const history = /<details class="change-history">([\s\S]*?)<\/details>/.exec(html)?.[1] ?? '';
    // The report was committed once (“content”); the later commit changed only site.yaml.
    assert.match(
      textOf(history).trim(),
      /^全部更新记录（1 次） \d{4}年\d{1,2}月\d{1,2}日：content（版本 [0-9a-f]{10}）$/,
    );
    assert.match(history, /<time datetime="\d{4}-\d{2}-\d{2}">/);
    assert.match(history, /href="https:\/\/git\.example\.org\/czj\/gongkai\/commit\/[0-9a-f]{40}"/);
    assert.doesNotMatch(history, new RegExp(multiCommit), 'the site.yaml commit did not touch the report');
    assert.match(textOf(html), /最后更新 \d{4}年\d{1,2}月\d{1,2}日：content/);
    // Outside git there is no history to show, and the page says no more than it knows.
    const seedHtml = await readSiteFile(seed.dir, '/reports/2023/kgxj/index.html');
    assert.doesNotMatch(seedHtml, /最后更新|change-history/);
  });

  test('the same commit builds the same bytes', async () => {
    const files = await siteFiles(multi.dir);
    assert.deepEqual(await siteFiles(multiAgain.dir), files);
    const differ: string[] = [];
    for (const f of files) {
      const [a, b] = await Promise.all([readFile(join(multi.dir, f)), readFile(join(multiAgain.dir, f))]);
      if (!a.equals(b)) differ.push(f);
    }
    assert.deepEqual(differ, []);
  });

  test('report text is escaped everywhere, never markup', async () => {
    const html = await readSiteFile(multi.dir, '/reports/2024/moni/index.html');
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; 测试转义/);
    assert.doesNotMatch(html, /<script>alert/);
  });
});

describe('PDF links (from the PDFs the build made)', () => {
  test('a report with a PDF links it with its size and page count; one without has no link', async () => {
    // The steps in-process, in build order, with a stand-in for the pdf step: one PDF of two.
    const { contentIndex, scanContent } = await import('../../src/scan/scan.ts');
    const { revisionStep } = await import('../../src/build/revision-step.ts');
    const { siteStep } = await import('../../src/build/site-step.ts');
    const root = await copyContent(fixtureSite('multi'));
    const outDir = join(await scratch(), 'out');
    const content = contentIndex(await scanContent(root, { render: true, pool: testScanPool() }));
    const { buildContext } = await import('../../src/build/context.ts');
    const ctx = buildContext({ contentRoot: root, content, outDir });
    await revisionStep.run(ctx);
    ctx.pdfs.set('reports/2024/ceshi.mdx', { bytes: 150_000, pages: 7 });
    await siteStep.run(ctx);
    const withPdf = await readSiteFile(outDir, '/reports/2024/ceshi/index.html');
    assert.match(
      withPdf,
      /<a href="\/pdf\/2024\/ceshi\.pdf" data-pdf="2024\/ceshi">\s*报告全文（PDF，7页，146KB）\s*<\/a>/,
    );
    const without = await readSiteFile(outDir, '/reports/2023/ceshi/index.html');
    assert.doesNotMatch(without, /\/pdf\//);
    assert.match(textOf(without), /下载 报告全部数据（JSON） 绩效指标表（CSV，可用 Excel 打开）/);
  });
});

describe('Content-Security-Policy', () => {
  test('every page carries the policy as a <meta> tag; only the search page admits WebAssembly', async () => {
    const { cspMeta } = await import('../../src/lib/csp.ts');
    for (const { name, site } of sites()) {
      for (const page of await pagePaths(site.dir)) {
        if (!page.endsWith('/') && !page.endsWith('.html')) continue;
        const html = await readSiteFile(site.dir, page.endsWith('/') ? `${page}index.html` : page);
        if (page.includes('/print/')) continue; // print pages: see test/pdf
        const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
        assert.equal(policy?.replaceAll('&#39;', "'"), cspMeta({ wasm: page === '/search/' }), `${name} ${page}`);
        assert.ok(
          html.indexOf('http-equiv="Content-Security-Policy"') < html.indexOf('<script'),
          `${name} ${page}: policy before scripts`,
        );
      }
    }
  });
});

describe('ready for a Content-Security-Policy without unsafe-inline', () => {
  test('no inline script, no event handler attribute, no <style> element or style attribute', async () => {
    for (const { name, site } of sites()) {
      for (const page of await pagePaths(site.dir)) {
        const html = await readSiteFile(site.dir, page.endsWith('/') ? `${page}index.html` : page);
        for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
          const [, attrs = '', body = ''] = m;
          assert.ok(
            /\bsrc="/.test(attrs) ? body.trim() === '' : /type="application\/ld\+json"/.test(attrs),
            `${name} ${page}: inline script <script${attrs}>`,
          );
        }
        assert.doesNotMatch(html, /\son[a-z]+="/, `${name} ${page}: event handler attribute`);
        assert.doesNotMatch(html, /<style\b|\sstyle="/, `${name} ${page}: inline style`);
      }
    }
  });
});

describe('open data', () => {
  test('reports.csv: UTF-8 with BOM, Chinese headers, figures exactly as published', async () => {
    const bytes = await readFile(join(seed.dir, 'data/reports.csv'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM for Excel');
    const [header, row] = bytes.toString('utf8').slice(1).split('\r\n');
    assert.match(
      header ?? '',
      /^年度,单位代码,单位名称,报告标题,成文日期,发布日期,金额单位,年初预算批复数,全年预算数,年终决算数/,
    );
    assert.match(
      row ?? '',
      /^2023,kgxj,保靖县科技和工业信息化局,科工信局 2023 年度整体支出绩效自评报告,2024-06-26,,万元,366.95,825.75,825.75,100,stated,520.97,stated,,,304.78,,827.75,98,优,derived,23,21,34,0,,4,https:\/\/gongkai\.example\.cn\/reports\/2023\/kgxj\/,/,
    );
  });

  test('reports.json: the same records, figures as exact strings', async () => {
    const json = JSON.parse(await readSiteFile(seed.dir, '/data/reports.json')) as {
      reports: Record<string, unknown>[];
    };
    const [r] = json.reports;
    assert.equal(json.reports.length, 1);
    assert.equal(r?.budget_final, '825.75');
    assert.equal(r?.budget_evaluated, '827.75');
    assert.equal(r?.execution_rate, '100');
    assert.equal(r?.year, 2023);
    assert.equal(r?.url, 'https://gongkai.example.cn/reports/2023/kgxj/');
    const multiJson = await readSiteFile(multi.dir, '/data/reports.json');
    assert.match(multiJson, /"budget_final": "2487500\.00"/, 'trailing zeros kept');
    assert.doesNotMatch(multiJson, /\d\.\d*0{6,}\d|\d\.\d*9{6,}\d/, 'no float noise');
  });

  test('per-report JSON holds the whole validated frontmatter; the schema is the zod schema’s', async () => {
    const data = JSON.parse(await readSiteFile(seed.dir, '/data/2023/kgxj.json')) as {
      report: { budget: { basic: string }; indicators: unknown[]; acknowledged: unknown[] };
      department: { name: string };
    };
    assert.equal(data.report.budget.basic, '520.97');
    assert.equal(data.report.indicators.length, 34);
    assert.equal(data.report.acknowledged.length, 4);
    assert.equal(data.department.name, '保靖县科技和工业信息化局');
    const schema = JSON.parse(await readSiteFile(seed.dir, '/schema/report.json')) as Record<string, unknown>;
    assert.deepEqual(schema, reportDataJsonSchema());
  });

  test('the published data is what its schema declares: figures are decimal strings or null (ajv, JSON Schema 2020-12)', async () => {
    const schema = JSON.parse(await readSiteFile(seed.dir, '/schema/report.json')) as {
      properties: { budget: { properties: { final: { anyOf: { type: string }[] } } } };
    };
    assert.deepEqual(
      schema.properties.budget.properties.final.anyOf.map((form) => form.type),
      ['string', 'null'],
      'a decimal string, or null for 原文未载',
    );
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    for (const { name, site } of sites())
      for (const file of (await siteFiles(site.dir)).filter((f) => /^\/data\/\d{4}\/[a-z0-9-]+\.json$/.test(f))) {
        const { report } = JSON.parse(await readSiteFile(site.dir, file)) as { report: unknown };
        assert.ok(validate(report), `${name} ${file}: ${ajv.errorsText(validate.errors)}`);
      }
    // The field list of reports.json says the same, and names the licence from site.yaml.
    const json = JSON.parse(await readSiteFile(seed.dir, '/data/reports.json')) as {
      fields: { key: string; type: string; format?: string }[];
      license: { name: string; url: string };
    };
    const field = (key: string) => json.fields.find((f) => f.key === key);
    assert.deepEqual(field('budget_final'), { ...field('budget_final'), type: 'string', format: 'decimal' });
    assert.equal(field('year')?.type, 'integer');
    assert.deepEqual(field('issued'), { ...field('issued'), type: 'string', format: 'date' });
    assert.match(json.license.name, /CC BY 4\.0/);
    const dataPage = textOf(await readSiteFile(seed.dir, '/data/index.html'));
    assert.match(dataPage, /使用许可 本站开放数据按 知识共享署名 4\.0 国际许可协议（CC BY 4\.0） 提供/);
    assert.match(dataPage, /年终决算数 budget_final 精确小数（JSON 中为文字，例如 "825\.75"；CSV 中为数字）/);
  });

  test('datapackage.json is a valid Frictionless Tabular Data Package describing every CSV as it is', async () => {
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    const validate = ajv.compile(tabularDataPackageProfile());
    for (const { name, site } of sites()) {
      const pkg = JSON.parse(await readSiteFile(site.dir, '/data/datapackage.json')) as {
        licenses?: unknown[];
        resources: { path: string; schema: { fields: { name: string; type: string }[] } }[];
      };
      assert.ok(validate(pkg), `${name}: ${ajv.errorsText(validate.errors)}`);
      const csvs = (await siteFiles(site.dir)).filter((f) => f.startsWith('/data/') && f.endsWith('.csv'));
      assert.deepEqual(pkg.resources.map((r) => `/data/${r.path}`).sort(), csvs.sort(), `${name}: every CSV, once`);
      for (const resource of pkg.resources) {
        const csv = (await readSiteFile(site.dir, `/data/${resource.path}`)).replace(/^\uFEFF/, '');
        const [header = '', ...rows] = csv.split('\r\n').filter(Boolean);
        const fields = resource.schema.fields;
        assert.deepEqual(
          header.split(','),
          fields.map((f) => f.name),
          `${name} ${resource.path}: header`,
        );
        for (const row of rows) {
          // Simple rows only (a quoted comma would need a CSV parser; the tests' rows have none in typed columns).
          const cells = row.split(',');
          fields.forEach((f, i) => {
            const cell = cells[i] ?? '';
            if (cell === '' || f.type === 'string') return;
            const ok = { integer: /^-?\d+$/, number: /^-?\d+(\.\d+)?$/, date: /^\d{4}-\d{2}-\d{2}$/ }[f.type];
            assert.ok(ok?.test(cell), `${name} ${resource.path}: ${f.name} “${cell}” is not ${f.type}`);
          });
        }
      }
    }
    const seedPkg = JSON.parse(await readSiteFile(seed.dir, '/data/datapackage.json')) as { licenses: unknown[] };
    assert.deepEqual(seedPkg.licenses, [
      {
        title: '知识共享署名 4.0 国际许可协议（CC BY 4.0）',
        path: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans',
      },
    ]);
  });

  test('CSV cells that a spreadsheet would run as a formula are defused; numbers stay numbers', async () => {
    const csv = (await readSiteFile(multi.dir, '/data/2024/moni-indicators.csv')).slice(1);
    const lines = csv.split('\r\n');
    assert.equal(
      lines[0],
      '年度,单位代码,指标名称,计量单位,目标值,完成值,约数,完成率（%）,完成率的来源,同比增长（%）,说明',
    );
    assert.equal(lines[1], `2024,moni,'=1+1,次,,3,,,,,<script>alert(1)</script> 测试转义`);
    assert.equal(lines[2], `2024,moni,'+86 热线,次,,1200,,,,,`);
    assert.equal(lines[3], `2024,moni,'-5 号指标,个,,5,,,,-3.5,`, 'a negative number is a number');
    assert.equal(lines[4], `2024,moni,'@提及,次,,7,,,,,"'=HYPERLINK(""http://example.org"")"`);
  });
});

describe('registration data and the government footer', () => {
  test('an example site says so on every page; a formal one does not', async () => {
    for (const page of await pagePaths(seed.dir)) {
      if (/\/(print|preview)\/$/.test(page) || !page.endsWith('/')) continue;
      assert.match(textOf(await readSiteFile(seed.dir, `${page}index.html`)), /示例站点：本站用于演示/, page);
    }
    assert.doesNotMatch(await readSiteFile(multi.dir, '/index.html'), /示例站点/);
  });

  test('the footer: 党政机关网站标识 linked, 网站标识码, ICP and 公安 numbers linked to their registries, contact, 找错, 网站地图', async () => {
    const footer = (html: string) => /<footer class="site-footer">([\s\S]*?)<\/footer>/.exec(html)?.[1] ?? '';
    const seedFooter = footer(await readSiteFile(seed.dir, '/reports/2023/kgxj/index.html'));
    assert.match(
      seedFooter,
      /<a class="dzjg-mark" href="https:\/\/bszs\.conac\.cn\/"><img src="\/dzjg\.svg"[^>]*alt="党政机关网站标识/,
    );
    assert.match(seedFooter, /<a href="https:\/\/zfwzzc\.www\.gov\.cn\/">我要找错<\/a>/);
    assert.match(seedFooter, /<a href="\/sitemap\/">网站地图<\/a>/);
    assert.match(seedFooter, /<a href="mailto:xxgk@example\.cn">/);
    const formal = footer(await readSiteFile(multi.dir, '/index.html'));
    assert.match(textOf(formal), /网站标识码 4331250001/);
    assert.match(formal, /<a href="https:\/\/beian\.miit\.gov\.cn\/">湘ICP备12345678号-1<\/a>/);
    assert.match(
      formal,
      /<a href="https:\/\/beian\.mps\.gov\.cn\/#\/query\/webSearch\?code=43312502000001">湘公网安备 43312502000001号<\/a>/,
    );
    assert.match(formal, /<a href="tel:000000000000">0000-00000000<\/a>/);
    assert.doesNotMatch(formal, /dzjg|我要找错/, 'neither is set in this site.yaml');
    assert.ok(existsSync(join(seed.dir, 'dzjg.svg')));
  });

  test('网站地图 (/sitemap/) lists every group of pages and every year', async () => {
    const text = textOf(await readSiteFile(multi.dir, '/sitemap/index.html'));
    for (const group of [
      '首页',
      '按年度浏览',
      '2024 年度',
      '2023 年度',
      '2022 年度',
      '按单位浏览',
      '报告',
      '搜索',
      '开放数据',
      '订阅（RSS）',
      '无障碍声明',
    ])
      assert.ok(text.includes(group), group);
    assert.match(text, /共 3 个单位/);
  });
});

describe('feed', () => {
  test('RSS lists every report, newest first, with public links and the reports’ own dates', async () => {
    const xml = await readSiteFile(multi.dir, '/feed.xml');
    const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1] ?? '');
    assert.equal(items.length, 6);
    assert.match(items[0] ?? '', /<link>https:\/\/gongkai\.example\.org\/reports\/2024\/yanshi\/<\/link>/);
    assert.match(items[0] ?? '', /<pubDate>Wed, 04 Jun 2025 16:00:00 GMT<\/pubDate>/);
    assert.doesNotMatch(xml, /lastBuildDate/, 'no build time in the output');
    const home = await readSiteFile(multi.dir, '/index.html');
    assert.match(home, /<link rel="alternate" type="application\/rss\+xml"[^>]*href="\/feed\.xml">/);
  });
});
