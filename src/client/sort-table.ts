// Progressive enhancement for tables marked data-sortable: each column header
// gets a button that sorts the rows by that column (again: the other way).
// Without JavaScript the table is the same table, in its published order.
// aria-sort tells screen readers which column is sorted and how.

type Direction = 'ascending' | 'descending';

function cellValue(row: HTMLTableRowElement, index: number): string {
  const cell = row.cells[index];
  return cell?.dataset.sortValue ?? cell?.textContent?.trim() ?? '';
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

function compare(a: string, b: string, numeric: boolean): number {
  // Comparing only, never displaying: the shown figures stay the published strings.
  if (numeric) return Number(a) - Number(b);
  return collator.compare(a, b);
}

function sortBy(table: HTMLTableElement, index: number, direction: Direction): void {
  const body = table.tBodies[0];
  const header = table.tHead?.rows[0]?.cells[index];
  if (!body || !header) return;
  const numeric = header.dataset.sortType === 'number';
  const rows = [...body.rows];
  rows.sort((a, b) => {
    const va = cellValue(a, index);
    const vb = cellValue(b, index);
    // A figure the original does not state (原文未写, no sort value) is not 0: last, either way.
    if (va === '' || vb === '') return va === vb ? 0 : va === '' ? 1 : -1;
    const c = compare(va, vb, numeric);
    return direction === 'ascending' ? c : -c;
  });
  body.append(...rows);
  for (const th of table.tHead?.rows[0]?.cells ?? []) th.removeAttribute('aria-sort');
  header.setAttribute('aria-sort', direction);
}

function enhance(table: HTMLTableElement): void {
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
  // The stacked phone layout shows the header row (as sort buttons) only from now on.
  table.dataset.sortReady = '';
  headers.forEach((th, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const next: Direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      sortBy(table, index, next);
    });
  });
}

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) enhance(table);
