// The table of every report (src/model/reports-table.ts) is joined from rows
// the build keeps report by report: the joined text must be exactly the
// document made whole, in the catalogue's order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonType, REPORT_COLUMNS, reportRecord, toCsv } from '../../../src/model/open-data.ts';
import { catalogueOrder, reportsCsv, reportsJson, tableRow } from '../../../src/model/reports-table.ts';
import { absoluteUrl, PATHS } from '../../../src/model/urls.ts';
import type { Department } from '../../../src/schema/department.ts';
import type { Report } from '../../../src/schema/report.ts';
import type { Site } from '../../../src/schema/site.ts';
import { seedTree } from '../../helpers/seed.ts';

async function seedTable() {
  const tree = await seedTree();
  const site = tree.site?.data;
  const data = tree.reports[0]?.data;
  const department = tree.departments.find((d) => d.data?.id === data?.department)?.data;
  if (!site || !data || !department) throw new Error('seed did not load');
  const variant = (change: (d: Report) => void) => {
    const copy = structuredClone(data);
    change(copy);
    return { data: copy, department: { ...department, id: copy.department } as Department };
  };
  const reports = [
    { data, department },
    // A later year, a department whose title a spreadsheet would run as a formula, a figure not stated.
    variant((d) => Object.assign(d, { year: 2024, title: '=SUM(A1)报告' })),
    variant((d) => Object.assign(d, { department: 'aaa', budget: { ...d.budget, initial: null } })),
  ];
  return { site, reports };
}

/** The document as one JSON.stringify of the whole makes it. */
const whole = (site: Site, records: unknown[]) =>
  `${JSON.stringify(
    {
      title: `${site.title}：报告主要数据`,
      publisher: site.organizer,
      schema: absoluteUrl(site.url, PATHS.schema),
      ...(site.data_license ? { license: site.data_license } : {}),
      fields: REPORT_COLUMNS.map((c) => ({
        key: c.key,
        title: c.title,
        ...jsonType(c.kind),
        description: c.description,
      })),
      reports: records,
    },
    null,
    2,
  )}\n`;

test('reports.json joined from rows is byte for byte the document made whole, with or without a licence', async () => {
  const { site, reports } = await seedTable();
  for (const s of [
    site,
    { ...site, data_license: undefined },
    { ...site, data_license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } },
  ]) {
    const rows = reports.map((r) => tableRow(r, s.url));
    const records = reports.map((r) => reportRecord(r, { siteUrl: s.url }));
    assert.equal(reportsJson(s, rows), whole(s, records));
    assert.equal(reportsJson(s, rows.slice(0, 1)), whole(s, records.slice(0, 1)));
    assert.equal(reportsJson(s, []), whole(s, []), 'a site with no reports yet');
  }
});

test('reports.csv joined from rows is the table made whole: BOM, header, CRLF, formula cells defused', async () => {
  const { site, reports } = await seedTable();
  const rows = reports.map((r) => tableRow(r, site.url));
  const csv = reportsCsv(rows);
  assert.equal(
    csv,
    toCsv(
      REPORT_COLUMNS,
      reports.map((r) => ({ ...r, siteUrl: site.url })),
    ),
  );
  assert.ok(csv.startsWith('\uFEFF年度,'));
  assert.equal(csv.split('\r\n').length, reports.length + 2, 'a header, a line per report, a final CRLF');
  assert.match(csv, /,'=SUM\(A1\)报告,/);
  assert.equal(reportsCsv([]), toCsv(REPORT_COLUMNS, []));
});

test('the catalogue’s order: newest year first, then by department id', async () => {
  const { reports } = await seedTable();
  const order = reports
    .map((r) => r.data)
    .sort(catalogueOrder)
    .map((d) => `${d.year}/${d.department}`);
  assert.deepEqual(order, ['2024/kgxj', '2023/aaa', '2023/kgxj']);
});
