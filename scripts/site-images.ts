// node scripts/site-images.ts — remakes the pictures of docs/网站与打印版.md in
// docs/images/: the seed report's page at 375 px (its top, and the indicator
// table stacked for a phone), at 1280 px, in 关怀版, and the first page of its
// PDF. Run by hand after the pages or the print layout change; look at them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv, PROJECT_ROOT } from '../src/config.ts';
import { serveDir } from '../src/lib/static-server.ts';
import { launchChromium } from '../src/print/chromium.ts';

const OUT = join(PROJECT_ROOT, 'docs/images');
const PAGE = '/reports/2023/kgxj/';

function run(script: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', script), ...args], {
    cwd: PROJECT_ROOT,
    env: childEnv(env),
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`${script} failed`);
}

const dir = await mkdtemp(join(tmpdir(), 'gongkai-site-images-'));
try {
  const site = join(dir, 'site');
  run('build.ts', ['--out', site], { GONGKAI_PDF: '0' });
  run('pdf.ts', ['--site', site, '--out', join(dir, 'pdf')], { GONGKAI_PDF_CACHE: '0' });
  execFileSync(
    'pdftoppm',
    ['-png', '-r', '90', '-f', '1', '-l', '1', '-singlefile'].concat([
      join(dir, 'pdf/pdf/2023/kgxj.pdf'),
      join(OUT, 'report-pdf-page1'),
    ]),
  );

  const server = await serveDir(site);
  const browser = await launchChromium();
  const shot = async (
    name: string,
    width: number,
    height: number,
    prepare?: (page: import('playwright-core').Page) => Promise<number>,
  ) => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(server.url + PAGE);
    const y = prepare ? await prepare(page) : 0;
    await page.screenshot({ path: join(OUT, name), fullPage: true, clip: { x: 0, y, width, height } });
    await context.close();
  };
  const top = (selector: string) => async (page: import('playwright-core').Page) =>
    Math.round((await page.locator(selector).first().boundingBox())?.y ?? 0) - 16;
  await shot('report-375.png', 375, 1500);
  await shot('report-375-indicators.png', 375, 1200, top('#indicators'));
  await shot('report-1280.png', 1280, 1400);
  await shot('report-care-1280.png', 1280, 1400, async (page) => {
    await page.check('#care-mode');
    return 0;
  });
  await browser.close();
  await server.close();
  console.log(
    `docs/images：report-375.png、report-375-indicators.png、report-1280.png、report-care-1280.png、report-pdf-page1.png`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
