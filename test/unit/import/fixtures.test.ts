// The importer on realistic documents (test/fixtures/import/: fictional
// departments and figures, plus the real seed): for every fixture, each figure
// the original states is either taken correctly or left 【待填】 — never wrong,
// never invented — at least 95 % of them are taken, and form lines are never
// glued into one paragraph. Prints the table (stated / extracted / wrong /
// invented) the issue asks for.
import assert from 'node:assert/strict';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'yaml';
import { FIGURE_LABELS, FORM_LABELS } from '../../../src/figures/labels.ts';
import { convertMoney } from '../../../src/figures/money.ts';
import { importDocument } from '../../../src/import/draft.ts';
import { equals } from '../../../src/lib/decimal.ts';
import { valueAt } from '../../../src/lib/key-path.ts';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { GENERATED } from '../../helpers/import-fixtures.ts';
import { tempDir } from '../../helpers/content.ts';

const DIR = join(PROJECT_ROOT, 'test/fixtures/import');
const SEED_PLACES = [
  join(PROJECT_ROOT, '../shared/seed/baojing-kgxj-2023.txt'),
  '/work/shared/seed/baojing-kgxj-2023.txt',
];

interface Fixture {
  title: string;
  document: string;
  department: { id: string; name: string };
  /** Every figure the original states: amounts with their unit (“825.75万元”), rates with %, counts bare. */
  stated: Record<string, string>;
  /** The 自评得分表 as stated: [三级指标, 分值, 得分] per row. */
  score_sheet?: [string, string, string][];
  /** “标签：值” lines the body must have, each on its own line. */
  fields?: string[];
  /** Figures stated only in a table that cannot be aligned: must stay 【待填】. */
  refused?: string[];
}

interface Row {
  name: string;
  stated: number;
  extracted: number;
  wrong: string[];
  invented: string[];
  missed: string[];
}

const cleanup: string[] = [];
after(() => Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true }))));
const rows: Row[] = [];

async function documentPath(name: string, dir: string): Promise<string> {
  if (name === 'seed') {
    for (const place of SEED_PLACES)
      if (
        await readFile(place).then(
          () => true,
          () => false,
        )
      )
        return place;
    throw new Error('shared/seed/baojing-kgxj-2023.txt not found beside the repository');
  }
  const make = GENERATED[name];
  if (!make) return join(DIR, name);
  const path = join(dir, name);
  await writeFile(path, await make());
  return path;
}

const isValue = (v: unknown): v is string | number =>
  (typeof v === 'number' || typeof v === 'string') && !String(v).startsWith('【待填') && v !== '原文未载';

/** “825.75万元” → value and unit; “98.54%” → 98.54 and %; “128” → 128 and ''. */
const split = (text: string) => {
  const m = /^(.*?)(万元|亿元|元|%)?$/.exec(text);
  return { value: m?.[1] ?? text, unit: m?.[2] ?? '' };
};

const FIGURE_KEYS = ['issued', ...FIGURE_LABELS.map((f) => f.key.join('.'))];
const fixtures = (await readdir(DIR)).filter((f) => f.endsWith('.json')).sort();

for (const file of fixtures) {
  const fixture = JSON.parse(await readFile(join(DIR, file), 'utf8')) as Fixture;
  const name = file.replace(/\.json$/, '');
  test(`${name}: ${fixture.title}`, async () => {
    const dir = await tempDir();
    cleanup.push(dir);
    const draft = await importDocument(await documentPath(fixture.document, dir), {
      departments: [fixture.department],
    });
    assert.equal(draft.department, fixture.department.id, 'the department is read from the document');
    const front = /^---\n([\s\S]*?)\n---\n/.exec(draft.text);
    const data = parse(front?.[1] ?? '') as Record<string, unknown>;
    const body = draft.text.slice(front?.[0].length ?? 0);
    const unit = String(valueAt(data, ['budget', 'unit']) ?? '万元');

    const expected = new Map(Object.entries(fixture.stated));
    (fixture.score_sheet ?? []).forEach(([, weight, score], i) => {
      expected.set(`score_sheet.${i}.weight`, weight);
      expected.set(`score_sheet.${i}.score`, score);
    });
    const sheet = (Array.isArray(data.score_sheet) ? data.score_sheet : []) as { name?: string }[];
    const keys = [...FIGURE_KEYS, ...sheet.flatMap((_, i) => [`score_sheet.${i}.weight`, `score_sheet.${i}.score`])];
    const row: Row = { name, stated: expected.size, extracted: 0, wrong: [], invented: [], missed: [] };
    for (const key of keys) {
      const got = valueAt(
        data,
        key.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
      );
      const want = expected.get(key);
      if (!isValue(got)) {
        if (want !== undefined) row.missed.push(key);
        continue;
      }
      if (want === undefined) {
        row.invented.push(`${key}=${got}`);
        continue;
      }
      const w = split(want);
      const g = w.unit.endsWith('元') ? convertMoney(String(got), unit, w.unit) : String(got);
      const right = key === 'issued' ? g === w.value : g !== undefined && equals(g, w.value);
      if (right) row.extracted++;
      else row.wrong.push(`${key}=${got}（应为 ${want}）`);
    }
    (fixture.score_sheet ?? []).forEach(([indicator], i) => {
      if (sheet[i] && sheet[i].name !== indicator)
        row.wrong.push(`score_sheet.${i}.name=${sheet[i].name}（应为 ${indicator}）`);
    });
    rows.push(row);

    assert.deepEqual(row.wrong, [], 'no figure is wrong');
    assert.deepEqual(row.invented, [], 'no figure is invented');
    for (const key of fixture.refused ?? []) {
      assert.ok(row.missed.includes(key), `${key} comes only from a table that cannot be aligned: left 【待填】`);
      assert.match(draft.text, /表格各行无法对齐，未从中取数/);
    }
    // Form lines: each “标签：值” on its own line, never two labels in one paragraph.
    const lines = body.split('\n');
    for (const field of fixture.fields ?? []) assert.ok(lines.includes(field), `“${field}” is a line of the body`);
    const labels = (fixture.fields ?? []).map((f) => f.split('：')[0] as string);
    for (const line of lines) {
      const inLine = labels.filter((l) => line.includes(`${l}：`));
      assert.ok(inLine.length <= 1, `form lines glued: ${line}`);
    }
    if (fixture.fields) {
      const known = FORM_LABELS.map((l) => l.label);
      for (const line of lines)
        assert.ok(known.filter((l) => line.startsWith(l)).length <= 1 || line.length < 60, `glued: ${line}`);
    }
  });
}

test('all fixtures: 0 wrong, 0 invented, at least 95 % of stated figures extracted', () => {
  assert.equal(rows.length, fixtures.length, 'every fixture ran');
  assert.ok(rows.length >= 10, 'at least ten documents');
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  const total = rows.reduce(
    (t, r) => ({
      stated: t.stated + r.stated,
      extracted: t.extracted + r.extracted,
      wrong: t.wrong + r.wrong.length,
      invented: t.invented + r.invented.length,
    }),
    { stated: 0, extracted: 0, wrong: 0, invented: 0 },
  );
  const table = [
    `${pad('fixture', 24)}stated  extracted  wrong  invented  missed`,
    ...rows.map(
      (r) =>
        `${pad(r.name, 24)}${pad(r.stated, 8)}${pad(r.extracted, 11)}${pad(r.wrong.length, 7)}${pad(r.invented.length, 10)}${r.missed.join(' ')}`,
    ),
    `${pad('total', 24)}${pad(total.stated, 8)}${pad(total.extracted, 11)}${pad(total.wrong, 7)}${pad(total.invented, 10)}${((100 * total.extracted) / total.stated).toFixed(1)}% extracted`,
  ].join('\n');
  console.log(`\n${table}\n`);
  assert.equal(total.wrong, 0);
  assert.equal(total.invented, 0);
  assert.ok(total.extracted / total.stated >= 0.95, `${total.extracted} of ${total.stated} extracted`);
});
