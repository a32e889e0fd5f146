// The preview a clerk edits against (npm run dev): a report with an error is
// left out of the pages, and every page says which file, which line and why,
// as `npm run check` would; once the file is fixed and saved, the report is
// back and the notice gone, without restarting.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { childEnv, PROJECT_ROOT } from '../../src/config.ts';
import { launchChromium } from '../../src/print/chromium.ts';
import { contentWith, lineOf, SEED_REPORT } from '../helpers/content.ts';
import { readSiteFile, sharedSite } from '../e2e/helpers/site.ts';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** The page's status and its error notice as text ('' when it has none), once the dev server answers. */
async function fetchPage(url: string): Promise<{ status: number; notice: string }> {
  const response = await fetch(url);
  const html = await response.text();
  const notice = /<div class="content-problems"[^]*?<\/ul>/.exec(html)?.[0] ?? '';
  return { status: response.status, notice: notice.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ') };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 60): Promise<T> {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
  }
  throw new Error(`${what}: not within ${seconds} s`);
}

const root = await contentWith([{ file: SEED_REPORT, replace: ['final: 825.75', 'final: abc'] }]);
after(() => rm(root, { recursive: true, force: true }));

test('a report with an error is listed on every page of the preview, and comes back when fixed', async () => {
  const port = await freePort();
  // Astro's own command, with this Node (Astro 7 needs Node 22.12 or later).
  const astro = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
  const dev = spawn(process.execPath, [astro, 'dev', '--port', String(port)], {
    cwd: PROJECT_ROOT,
    env: childEnv({ GONGKAI_CONTENT: root, ASTRO_TELEMETRY_DISABLED: '1' }),
    stdio: 'ignore',
    detached: true,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    // Asked until the notice is there: the server may answer before the content is read.
    const report = await until('the notice on the report page', async () => {
      const page = await fetchPage(`${base}/reports/2023/kgxj/`);
      return page.notice ? page : undefined;
    });
    const line = await lineOf(root, SEED_REPORT, 'final: abc');
    assert.equal(report.status, 404, 'the report with the error is not shown');
    assert.match(report.notice, /预览：内容有 1 个错误（1 个文件），有错误的报告不显示在网站上/);
    assert.ok(
      report.notice.includes(`reports/2023/kgxj.mdx:${line}:10 budget.final（年终决算数）：“abc”不是数字`),
      report.notice,
    );
    const home = await fetchPage(`${base}/`);
    assert.equal(home.status, 200);
    assert.equal(home.notice, report.notice, 'every page says so');
    // Styled as the site is: the dev server puts stylesheets inline, which the
    // site's policy (no inline style) would block in a build.
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/reports/2023/kgxj/`);
      // The dev server may reload the page once, when Vite has optimised a dependency the page asked for.
      const style = () => page.locator('.content-problems').evaluate((el) => getComputedStyle(el).backgroundColor);
      const background = await style().catch(async (error: unknown) => {
        if (!String(error).includes('Execution context was destroyed')) throw error;
        await page.waitForLoadState('load');
        return style();
      });
      assert.equal(background, 'rgb(255, 247, 224)', 'the notice has the note colour of web.css');
    } finally {
      await browser.close();
    }

    const file = join(root, SEED_REPORT);
    await writeFile(file, (await readFile(file, 'utf8')).replace('final: abc', 'final: 825.75'));
    const fixed = await until('the report after the fix', async () => {
      const page = await fetchPage(`${base}/reports/2023/kgxj/`);
      return page.status === 200 ? page : undefined;
    });
    assert.equal(fixed.notice, '', 'no notice once the content is right');
    // The files the build writes itself, not through Astro, are in the preview too, as the build writes them.
    const built = await sharedSite('seed');
    for (const path of ['/data/reports.json', '/data/datapackage.json']) {
      const response = await fetch(`${base}${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(
        await response.text(),
        await readSiteFile(built.dir, path),
        `${path}: the same bytes as the build's`,
      );
    }
  } finally {
    // Astro and the check workers it started, as a group.
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    if (dev.exitCode === null) process.kill(-(dev.pid as number), 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (dev.exitCode === null && dev.signalCode === null) process.kill(-(dev.pid as number), 'SIGKILL');
  }
});
