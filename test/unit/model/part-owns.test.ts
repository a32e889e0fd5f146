// Which part of a site build keeps which file: every page must have exactly
// one owner, or a site built in parts loses it (or gets two copies).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { departmentOfFile, partOwns, type SitePart } from '../../../src/model/site-input.ts';

const owners = (file: string, printPages = false) =>
  (['catalog', 'reports', 'print'] as SitePart[]).filter((p) => partOwns(p, file, printPages));

test('a department page belongs to its report part, a page of the department index to the catalogue', () => {
  assert.deepEqual(owners('departments/kgxj/index.html'), ['reports']);
  assert.deepEqual(owners('departments/d00001/index.html'), ['reports']);
  assert.deepEqual(owners('departments/index.html'), ['catalog']);
  assert.deepEqual(owners('departments/2/index.html'), ['catalog']);
  assert.deepEqual(owners('departments/12/index.html'), ['catalog']);
});

test('report pages, print pages, the catalogue and shared assets each have their owner', () => {
  assert.deepEqual(owners('reports/2023/kgxj/index.html'), ['reports']);
  assert.deepEqual(owners('reports/2023/kgxj/print/index.html'), ['print']);
  assert.deepEqual(owners('reports/2023/kgxj/print/index.html', true), ['reports', 'print']);
  assert.deepEqual(owners('years/2023/2/index.html'), ['catalog']);
  assert.deepEqual(owners('index.html'), ['catalog']);
  assert.deepEqual(owners('_astro/site.Bx1.css'), ['catalog', 'reports', 'print']);
});

test('the department a file belongs to: its report pages, print pages and department page', () => {
  assert.equal(departmentOfFile('reports/2023/kgxj/index.html'), 'kgxj');
  assert.equal(departmentOfFile('reports/2023/kgxj/print/index.html'), 'kgxj');
  assert.equal(departmentOfFile('departments/d-01/index.html'), 'd-01');
  assert.equal(departmentOfFile('departments/2/index.html'), undefined);
  assert.equal(departmentOfFile('print/fonts.css'), undefined);
  assert.equal(departmentOfFile('years/2023/index.html'), undefined);
  assert.equal(departmentOfFile('data/2023/kgxj.json'), undefined);
});
