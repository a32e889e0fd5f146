// Which pages a part renders anew when it is patched from its previous build
// (src/build/part-patch.ts): exactly the changed departments' pages, the
// catalogue's only when what it shows changed, and nothing patched when the
// change reaches every page.
import assert from 'node:assert/strict';
import { mkdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { completeMarker } from '../../../src/build/part-cache.ts';
import { findBase, partDigest, patchPlan, writeDigest } from '../../../src/build/part-patch.ts';
import type { InputReport, SiteInput, SitePart } from '../../../src/model/site-input.ts';
import { tempDir } from '../../helpers/content.ts';

const report = (department: string, year: number, body = '正文', initial = '100.00') =>
  ({
    file: `reports/${year}/${department}.mdx`,
    data: { department, year, budget: { initial } },
    body: { html: `<p>${body}</p>` },
  }) as unknown as InputReport;

const DEPARTMENTS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

function site(
  part: SitePart,
  change: (r: InputReport) => InputReport = (r) => r,
  extra: Partial<SiteInput> = {},
): SiteInput {
  return {
    part,
    site: { title: '某县' },
    departments: DEPARTMENTS.map((id) => ({ id, name: `${id} 局` })),
    reports: DEPARTMENTS.flatMap((d) => [report(d, 2023), report(d, 2024)]).map(change),
    ...extra,
  } as unknown as SiteInput;
}

const plan = async (before: SiteInput, now: SiteInput) =>
  patchPlan(await partDigest(before, 'p0'), await partDigest(now, 'p0'));

test('a changed paragraph renders its department again (every year), not the catalogue', async () => {
  const edited = site('web', (r) => (r.file === 'reports/2024/c.mdx' ? report('c', 2024, '改过的正文') : r));
  assert.deepEqual(await plan(site('web'), edited), {
    departments: ['c'],
    reports: ['reports/2023/c.mdx', 'reports/2024/c.mdx'],
    catalogue: false,
  });
});

test('a changed figure renders the catalogue again too, in a part that has it', async () => {
  const edit = (r: InputReport) => (r.file === 'reports/2023/b.mdx' ? report('b', 2023, '正文', '101.00') : r);
  assert.equal((await plan(site('web'), site('web', edit)))?.catalogue, true);
  // A report part of a site in parts has no catalogue pages: its catalogue part is built on its own.
  assert.deepEqual(await plan(site('reports'), site('reports', edit)), {
    departments: ['b'],
    reports: ['reports/2023/b.mdx', 'reports/2024/b.mdx'],
    catalogue: false,
  });
});

test('a commit that changed one report renders its department again, not the catalogue nor the rest', async () => {
  const committed = (commit: string) => (r: InputReport) =>
    r.file === 'reports/2024/d.mdx'
      ? {
          ...r,
          history: [{ commit, date: '2024-06-26', subject: '改正' }],
          revision: { kind: 'commit', commit, dirty: false } as const,
        }
      : r;
  assert.deepEqual(await plan(site('web', committed('a'.repeat(40))), site('web', committed('b'.repeat(40)))), {
    departments: ['d'],
    reports: ['reports/2023/d.mdx', 'reports/2024/d.mdx'],
    catalogue: false,
  });
});

test('a renamed department renders its pages and the catalogue again', async () => {
  const before = site('web');
  const now = { ...before, departments: before.departments.map((d) => (d.id === 'e' ? { ...d, name: '新名' } : d)) };
  assert.deepEqual(await plan(before, now), {
    departments: ['e'],
    reports: ['reports/2023/e.mdx', 'reports/2024/e.mdx'],
    catalogue: true,
  });
});

test('no patch when the change reaches every page, reports come or go, or too much changed', async () => {
  const before = site('web');
  assert.equal(
    await plan(before, site('web', undefined, { site: { title: '某某县' } } as Partial<SiteInput>)),
    undefined,
    'site.yaml changed',
  );
  assert.equal(await plan(before, site('web', undefined, { printPages: true })), undefined, 'print pages now made');
  assert.equal(await plan(before, site('reports')), undefined, 'another kind of part');
  const fewer = { ...before, reports: before.reports.slice(1) };
  assert.equal(await plan(before, fewer), undefined, 'a report removed');
  const many = site('web', (r) =>
    ['a', 'b', 'c'].includes(r.data.department) ? report(r.data.department, r.data.year, '新') : r,
  );
  assert.equal(await plan(before, many), undefined, 'three departments of eight: more than a quarter of the reports');
});

test('the base is the most recently used cached build that will do', async () => {
  const cache = await tempDir();
  after(() => rm(cache, { recursive: true, force: true }));
  const now = await partDigest(
    site('web', (r) => (r.file === 'reports/2024/c.mdx' ? report('c', 2024, '新') : r)),
    'p0',
  );
  // Three cached builds: the site before the edit (used an hour ago), the same one used a minute ago, and a
  // report part (used now), which is no base for a web part.
  const cached = async (name: string, input: SiteInput, usedSecondsAgo: number) => {
    await mkdir(join(cache, name), { recursive: true });
    await writeDigest(join(cache, name), await partDigest(input, 'p0'));
    await writeFile(completeMarker(join(cache, name)), '');
    const at = new Date(Date.now() - usedSecondsAgo * 1000);
    await utimes(completeMarker(join(cache, name)), at, at);
  };
  await cached('0'.repeat(24), site('web'), 3600);
  await cached('1'.repeat(24), site('web'), 60);
  await cached('2'.repeat(24), site('reports'), 0);
  const base = await findBase(cache, now);
  assert.equal(base?.dir, join(cache, '1'.repeat(24)));
  assert.deepEqual(base?.plan.departments, ['c']);
  // Taken, so marked as used now: no build prunes it meanwhile.
  assert.ok(Date.now() - (await stat(completeMarker(join(cache, '1'.repeat(24))))).mtimeMs < 10_000);
  assert.equal(await findBase(await tempDir(), now), undefined, 'an empty cache has no base');
});
