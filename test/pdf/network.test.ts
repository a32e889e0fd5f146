// The PDF browser reaches only the local print server, whatever a print page
// holds. A listener on another port of 127.0.0.1 stands for the world: the
// reports link to it, and print pages tampered with after the build (as if
// the renderer had let markup through, with and without the page's CSP) load
// images, stylesheets, scripts and frames from it. It must see nothing; the
// PDFs are still made, without those resources, and the attempt is reported.
// The PDF's links then pass the report URL policy: file: and javascript:
// links are gone, links to this site point at the public site.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { ENGINES } from '../../src/print/pdf/engines.ts';
import { judgeUrl } from '../../src/schema/url-policy.ts';
import { contentWith, SEED_REPORT } from '../helpers/content.ts';
import { ANCHOR, copiesOfSeed } from './fixtures.ts';
import { renderInProcess, siteFor, tamperedSite, type InProcessRun } from './helpers.ts';
import { allStrings, links, pdfinfo } from './poppler.ts';

interface Listener {
  origin: string;
  /** Requests and bare connections it received. */
  seen: string[];
  close(): Promise<void>;
}

async function listener(): Promise<Listener> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.end('');
  });
  server.on('connection', () => seen.push('connection'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const PUBLIC = 'https://gongkai.example.cn';

/** Links a report may carry (the policy allows web addresses, even this one): never fetched. */
const linksTo = (origin: string) =>
  `测试链接：[甲](${origin}/a)、<a href="${origin}/b">乙</a>、[本站](/reports/2023/kgxj/#top)、[外站](https://www.example.gov.cn/)。\n\n`;

/** What no report can produce: resources from elsewhere, and links the policy refuses. */
const tamper = (origin: string, keepPolicy: boolean) => (html: string) => {
  const page = keepPolicy ? html : html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  assert.notEqual(page.includes('Content-Security-Policy'), !keepPolicy);
  return page
    .replace(
      '</head>',
      `<link rel="stylesheet" href="${origin}/d.css"><link rel="prefetch" href="${origin}/g">` +
        `<script src="${origin}/e.js"></script><style>@import url(${origin}/h.css); body { background: url(${origin}/i.png) }</style></head>`,
    )
    .replace(
      '</h1>',
      `</h1><p><img src="${origin}/c.png" alt="测试图"><iframe src="${origin}/f"></iframe><img src="file:///etc/hostname" alt="本机文件">` +
        `<a href="file:///etc/passwd">文件链接</a>、<a href="javascript:alert(1)">脚本链接</a>、<a href="/data/">本站数据</a></p>`,
    );
};

describe('the PDF browser reaches only the print server', async () => {
  const world = await listener();
  after(() => world.close());
  const content = await contentWith([
    { file: SEED_REPORT, replace: [ANCHOR, `${linksTo(world.origin)}${ANCHOR}`] },
    ...copiesOfSeed(['kgxj-b', 'kgxj-c']),
  ]);
  const site = await tamperedSite(await siteFor(content), {
    '2023/kgxj-b': tamper(world.origin, true),
    '2023/kgxj-c': tamper(world.origin, false),
  });

  for (const engine of ENGINES) {
    describe(`engine ${engine}`, () => {
      let run: InProcessRun;
      before(async () => {
        run = await renderInProcess(content, site, { engine });
      });

      test('nothing reaches the listener, and every PDF is made', () => {
        assert.deepEqual(world.seen, []);
        for (const r of run.results) {
          assert.equal(r.status, 'rendered', `${r.job.id}: ${r.failure?.message}`);
          assert.ok(Number(pdfinfo(run.pdf(r.job.id)).Pages) >= 5);
        }
      });

      test('the reports whose pages tried to reach elsewhere are warned about; the plain one is not', () => {
        assert.equal(run.byId('2023/kgxj').warnings, undefined);
        for (const id of ['2023/kgxj-b', '2023/kgxj-c']) {
          const warnings = run.byId(id).warnings?.join('\n') ?? '';
          assert.match(warnings, /打印页试图访问本机打印服务以外的地址，已阻止：/, id);
          assert.ok(warnings.includes(world.origin), `${id}: ${warnings}`);
        }
      });

      test('links the policy refuses are gone from the PDF, and are warned about', async () => {
        for (const id of ['2023/kgxj-b', '2023/kgxj-c']) {
          const warnings = run.byId(id).warnings?.join('\n') ?? '';
          assert.match(warnings, /PDF 中不允许的链接已去掉：.*file:\/\/\/etc\/passwd/, id);
          assert.match(warnings, /javascript:alert\(1\)/, id);
          const strings = await allStrings(run.pdf(id));
          assert.deepEqual(
            strings.filter((s) => /^\s*(file|javascript):|etc\/passwd|alert\(/i.test(s)),
            [],
            id,
          );
          for (const link of await links(run.pdf(id)))
            if (link.uri !== undefined) assert.ok(judgeUrl(link.uri, 'link', SEED_REPORT).ok, link.uri);
        }
      });

      test('links to this site point at the public site; web links stay as written', async () => {
        const uris = (await links(run.pdf())).flatMap((l) => (l.uri ? [l.uri] : []));
        assert.ok(uris.includes(`${PUBLIC}/reports/2023/kgxj/#top`), uris.join('\n'));
        assert.ok(uris.includes(`${world.origin}/a`) && uris.includes(`${world.origin}/b`), uris.join('\n'));
        assert.ok(uris.includes('https://www.example.gov.cn/'), uris.join('\n'));
        const local = uris.filter((u) => u.startsWith('http://127.0.0.1:') && !u.startsWith(world.origin));
        assert.deepEqual(local, [], 'no address of the print server');
        const tampered = (await links(run.pdf('2023/kgxj-c'))).flatMap((l) => (l.uri ? [l.uri] : []));
        assert.ok(tampered.includes(`${PUBLIC}/data/`), tampered.join('\n'));
      });
    });
  }
});
