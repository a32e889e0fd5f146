// The print page's fence, report by report: what a page tries to load from
// anywhere but the print server (another port of this machine, a local file)
// is not loaded and is named, with the page's policy and without it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../src/print/chromium.ts';
import { startFence, type NetworkFence } from '../../src/print/pdf/network-fence.ts';
import { openPrintPage } from '../../src/print/pdf/print-page.ts';
import { servePrintSite } from '../../src/print/pdf/print-server.ts';
import { scratch } from './helpers.ts';

const POLICY = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`;
const ELSEWHERE = 'http://127.0.0.1:9/elsewhere.png';
const LOCAL_FILE = 'file:///etc/hostname';
const page = (policy: string) =>
  `<!doctype html><html><head>${policy}<title>t</title></head><body>` +
  `<img src="${ELSEWHERE}" alt="a"><img src="${LOCAL_FILE}" alt="b"><img src="/here.png" alt="c"></body></html>`;

/** The command lines of this process's descendants (the browser it launched, and the browser's processes). */
function descendants(): string[] {
  const parents = new Map<number, number>();
  const commands = new Map<number, string>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e)))
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      commands.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' '));
    } catch {
      // ended meanwhile
    }
  const mine = (pid: number): boolean => {
    for (let p = parents.get(pid); p; p = parents.get(p)) if (p === process.pid) return true;
    return false;
  };
  return [...commands].filter(([pid]) => mine(pid)).map(([, command]) => command);
}

describe('a print page', () => {
  let server: Awaited<ReturnType<typeof servePrintSite>>;
  let fence: NetworkFence;
  let browser: Browser;
  before(async () => {
    const site = await scratch();
    await mkdir(join(site, 'with'));
    await mkdir(join(site, 'without'));
    await writeFile(join(site, 'with/index.html'), page(POLICY));
    await writeFile(join(site, 'without/index.html'), page(''));
    server = await servePrintSite(site, new Map());
    fence = await startFence(server.url);
    browser = await launchChromium({ args: fence.args });
  });
  after(async () => {
    await browser?.close();
    await Promise.all([server?.close(), fence?.close()]);
  });

  test('the browser loads no page of its own beside the report (the address bar popups are off)', async () => {
    const printer = await openPrintPage(browser, server.url);
    const cdp = await browser.newBrowserCDPSession();
    try {
      await printer.page.goto(`${server.url}/with/`, { waitUntil: 'load' });
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
      assert.deepEqual(
        targetInfos.filter((t) => t.type !== 'page').map((t) => t.url),
        [],
      );
    } finally {
      await cdp.detach();
      await printer.close();
    }
  });

  test('the browser runs its network service and compositing in its own process: no process for either', async () => {
    const printer = await openPrintPage(browser, server.url);
    try {
      await printer.page.goto(`${server.url}/with/`, { waitUntil: 'load' });
      const processes = descendants();
      assert.ok(
        processes.some((c) => c.includes('--type=renderer')),
        `the report's renderer is found:\n${processes.join('\n')}`,
      );
      assert.deepEqual(
        processes.filter((c) => /--type=gpu-process|--utility-sub-type=network\.mojom\.NetworkService/.test(c)),
        [],
      );
    } finally {
      await printer.close();
    }
  });

  for (const [name, path] of [
    ['with its policy', '/with/'],
    ['without a policy (tampered)', '/without/'],
  ] as const)
    test(`${name}: another port and a local file are refused and named; the print server is not`, async () => {
      const printer = await openPrintPage(browser, server.url);
      try {
        await printer.page.goto(server.url + path, { waitUntil: 'load' });
        const loaded = await printer.page.evaluate(() =>
          [...document.images].map((i) => [i.getAttribute('src'), i.naturalWidth > 0]),
        );
        assert.deepEqual(loaded, [
          [ELSEWHERE, false],
          [LOCAL_FILE, false],
          ['/here.png', false],
        ]);
        const refused = printer.takeRefused();
        assert.deepEqual([...refused].sort(), [ELSEWHERE, LOCAL_FILE].sort());
        assert.deepEqual(printer.takeRefused(), [], 'the list starts afresh for the next report');
      } finally {
        await printer.close();
      }
    });
});
