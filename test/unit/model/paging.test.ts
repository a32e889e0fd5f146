import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRADES } from '../../../src/lib/grade.ts';
import { GRADE_FILTERS, LIST_PAGE_SIZE, pagerNumbers, paginate } from '../../../src/model/paging.ts';
import { departmentListPath, yearListPath, yearPath } from '../../../src/model/urls.ts';

test('a list is split into pages that hold every item once, in order', () => {
  const items = Array.from({ length: 451 }, (_, i) => i);
  const pages = paginate(items);
  assert.deepEqual(
    pages.map((p) => [p.number, p.count, p.from, p.to, p.total, p.items.length]),
    [
      [1, 3, 1, 200, 451, 200],
      [2, 3, 201, 400, 451, 200],
      [3, 3, 401, 451, 451, 51],
    ],
  );
  assert.deepEqual(
    pages.flatMap((p) => p.items),
    items,
  );
  assert.equal(paginate(items.slice(0, LIST_PAGE_SIZE)).length, 1, 'a county-sized list is one page');
  assert.deepEqual(
    paginate([]).map((p) => [p.count, p.from, p.to]),
    [[1, 0, 0]],
    'an empty list is one empty page',
  );
});

test('the pager shows the ends and two pages either side, with gaps', () => {
  assert.deepEqual(pagerNumbers(1, 1), [1]);
  assert.deepEqual(pagerNumbers(2, 3), [1, 2, 3]);
  assert.deepEqual(pagerNumbers(50, 100), [1, null, 48, 49, 50, 51, 52, null, 100]);
  assert.deepEqual(pagerNumbers(1, 100), [1, 2, 3, null, 100]);
  assert.deepEqual(pagerNumbers(4, 100), [1, 2, 3, 4, 5, 6, null, 100], 'no gap where no page is missing');
});

test('list addresses: the first page is the list itself; grades and pages are separate path segments', () => {
  assert.equal(yearListPath(2023), yearPath(2023));
  assert.equal(yearListPath(2023, 2), '/years/2023/2/');
  assert.equal(yearListPath(2023, 1, 'you'), '/years/2023/you/');
  assert.equal(yearListPath(2023, 3, 'none'), '/years/2023/none/3/');
  assert.equal(departmentListPath(), '/departments/');
  assert.equal(departmentListPath(2), '/departments/2/');
});

test('every grade has a filter, and no filter slug could be a page number or another filter', () => {
  assert.deepEqual(
    GRADE_FILTERS.map((f) => f.grade),
    [...GRADES, null],
  );
  const slugs = GRADE_FILTERS.map((f) => f.slug);
  assert.equal(new Set(slugs).size, slugs.length);
  for (const s of slugs) assert.match(s, /^[a-z]+$/);
});
