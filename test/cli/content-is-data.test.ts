// The build treats content as data end to end: an image is copied as bytes
// under its hash (a PNG carrying a program is never run), date-like texts and
// odd frontmatter lines that once crashed Astro's own reader build, and the
// page shows what the checks validated. One real `npm run build`, PDFs included.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { access, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runScript } from '../helpers/cli.ts';
import { contentWith, readFixtures, tempDir, type Edit } from '../helpers/content.ts';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const hostile = new Map((await readFixtures('hostile')).map((c) => [c.name, c.fixture]));
const edits = (name: string): Edit[] => hostile.get(name)?.edits ?? [];

/** A server that answers every request differently: if a build ever fetched from it, two builds would differ. */
async function fickleServer() {
  let hits = 0;
  const server = createServer((_req, res) => res.end(`answer ${++hits} ${Math.random()}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, hits: () => hits, close: () => new Promise((resolve) => server.close(resolve)) };
}

test('images are copied as bytes, never run; texts that crashed the old reader build; two cold builds are identical', async () => {
  const world = await fickleServer();
  after(() => world.close());
  const root = await contentWith([
    {
      file: 'reports/2023/kgxj.mdx',
      append: `\n外部链接：[甲](${world.origin}/a)、<a href="${world.origin}/b">乙</a>。\n`,
    },
    ...edits('accept-png-polyglot'),
    ...edits('accept-image-png'),
    ...edits('accept-date-like-texts'),
    ...edits('accept-dashes-in-quoted-value'),
    ...edits('accept-safe-links'),
  ]);
  dirs.push(root);
  const dist = join(await tempDir(), 'dist');
  dirs.push(dist);
  const r = await runScript('build', ['--out', dist], { GONGKAI_CONTENT: root });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  await assert.rejects(access(join(root, 'PWNED')), 'the program inside the PNG never ran');

  const media = await readdir(join(dist, 'media'));
  assert.equal(media.length, 2);
  const html = await readFile(join(dist, 'reports/2023/kgxj/index.html'), 'utf8');
  const srcs = [...html.matchAll(/<img src="(\/media\/[0-9a-f]{20}\.png)" alt="单位印章">/g)].map((m) => m[1]);
  assert.equal(srcs.length, 2, 'both images on the page');
  for (const name of media) {
    const bytes = await readFile(join(dist, 'media', name));
    const sources = await Promise.all(['images/seal.png', 'images/印章.png'].map((f) => readFile(join(root, f))));
    assert.ok(
      sources.some((s) => s.equals(bytes)),
      `${name} holds the source bytes unchanged`,
    );
  }
  const assets = await readdir(join(dist, '_astro'));
  for (const asset of assets) assert.doesNotMatch(await readFile(join(dist, '_astro', asset), 'utf8'), /execSync/);

  assert.match(html, /<th scope="row">2024-01-01<\/th>/, 'a date-like indicator name is shown as written');
  assert.match(await readFile(join(dist, 'data/2023/kgxj.json'), 'utf8'), /---x（保财绩\[2024\]3 号） \+\+\+ 原件如此/);
  assert.match(html, /<a href="mailto:czj@example.gov.cn">邮件<\/a>/);

  const images = spawnSync('pdfimages', ['-list', join(dist, 'pdf/2023/kgxj.pdf')], { encoding: 'utf8' });
  assert.equal(images.status, 0, images.stderr);
  assert.ok(images.stdout.trim().split('\n').length >= 3, `the PDF carries the images:\n${images.stdout}`);

  // Again with every cache off: the same bytes, and the linked server never asked.
  const again = join(await tempDir(), 'dist');
  dirs.push(again);
  const cold = { GONGKAI_CONTENT: root, GONGKAI_CHECK_CACHE: '0', GONGKAI_SITE_CACHE: '0', GONGKAI_PDF_CACHE: '0' };
  const r2 = await runScript('build', ['--out', again], cold);
  assert.equal(r2.status, 0, r2.stdout + r2.stderr);
  const sums = await Promise.all([dist, again].map((d) => readFile(join(d, 'SHA256SUMS'), 'utf8')));
  assert.equal(sums[1], sums[0]);
  assert.equal(world.hits(), 0, 'no build or PDF fetched the linked server');
});
