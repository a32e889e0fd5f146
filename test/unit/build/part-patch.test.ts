// Which pages a part renders anew when it is patched from its previous build
// (src/build/part-patch.ts): exactly the changed departments' pages, the
// catalogue's only when what it shows changed, and nothing patched when the
// change reaches every page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { partDigest, patchPlan } from '../../../src/build/part-patch.ts';
import type { InputReport, SiteInput, SitePart } from '../../../src/model/site-input.ts';

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
