// The report schema: what it accepts, what it rejects, and how it explains.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWithFriendlyErrors, type SchemaProblem } from '../../../src/schema/errors.ts';
import { reportDataJsonSchema, reportJsonSchema } from '../../../src/schema/json-schema.ts';
import { reportSchema } from '../../../src/schema/report.ts';
import { seedFile } from '../../helpers/seed.ts';

async function seedData(): Promise<Record<string, unknown>> {
  return structuredClone((await seedFile()).frontmatter.data) as Record<string, unknown>;
}

function problemsOf(input: unknown): SchemaProblem[] {
  const r = parseWithFriendlyErrors(reportSchema, input);
  assert.equal(r.ok, false, 'expected the schema to reject the input');
  return r.ok ? [] : r.problems;
}

test('the seed frontmatter is valid and its figures are exact decimal strings', async () => {
  const r = parseWithFriendlyErrors(reportSchema, await seedData());
  assert.ok(r.ok);
  assert.equal(r.data.budget.final, '825.75');
  assert.equal(r.data.budget.unit, '万元');
  assert.equal(r.data.indicators[0]?.rate, '101.25');
  assert.equal(r.data.issued, '2024-06-26');
  assert.equal(r.data.duties.length, 16);
  assert.equal(r.data.units.length, 10);
});

test('a quoted amount keeps its trailing zeros; a Date from js-yaml becomes a calendar date', async () => {
  const data = await seedData();
  (data.budget as Record<string, unknown>).final = '826.00';
  data.issued = new Date(Date.UTC(2024, 5, 26));
  const r = parseWithFriendlyErrors(reportSchema, data);
  assert.ok(r.ok);
  assert.equal(r.data.budget.final, '826.00');
  assert.equal(r.data.issued, '2024-06-26');
});

test('a misspelt key is reported once, with the key that was meant', async () => {
  const data = await seedData();
  data.scroe = data.score;
  delete data.score;
  const problems = problemsOf(data);
  assert.deepEqual(
    problems.map((p) => p.rule),
    ['schema.unknown-key'],
  );
  assert.match(problems[0]?.message ?? '', /是不是要写 score（自评得分）/);
});

test('a Chinese label used as a key is matched to its field', async () => {
  const data = await seedData();
  (data.budget as Record<string, unknown>)['决算数'] = 825.75;
  const [p] = problemsOf(data);
  assert.match(p?.message ?? '', /没有“决算数”这一项，是不是要写 final/);
});

test('figures in the wrong shape are explained in Chinese with the fix', async () => {
  const cases: [unknown, RegExp][] = [
    ['８２５.７５', /全角数字.*825\.75/],
    ['1,102.8', /千位分隔符.*1102\.8/],
    ['100%', /不要带百分号.*100/],
    ['825.75万元', /不要带单位/],
    [-1, /不能为负数/],
    [true, /应填写数字/],
    [null, /应填写数字/],
  ];
  for (const [value, message] of cases) {
    const data = await seedData();
    (data.budget as Record<string, unknown>).final = value;
    const [p] = problemsOf(data);
    assert.equal(p?.rule, value === true || value === null ? 'schema.type' : 'schema.number-format');
    assert.deepEqual(p?.path, ['budget', 'final']);
    assert.match(p?.message ?? '', message, String(value));
    assert.match(p?.message ?? '', /^budget\.final（年终决算数）：/);
  }
});

test('a count must be a whole number, a date a real day', async () => {
  const data = await seedData();
  (data.staffing as Record<string, unknown>).actual = 21.5;
  data.issued = '2024-13-01';
  const problems = problemsOf(data);
  assert.ok(problems.some((p) => p.rule === 'schema.number-format' && /应为整数/.test(p.message)));
  assert.ok(problems.some((p) => p.rule === 'schema.date' && /没有这一天/.test(p.message)));
});

test('原文未载: any figure and 成文日期 may be written so, required ones included; nothing else stands for it', async () => {
  const data = await seedData();
  const budget = data.budget as Record<string, unknown>;
  const staffing = data.staffing as Record<string, unknown>;
  budget.initial = '原文未载';
  budget.basic = ' 原文未载 ';
  staffing.authorized = '原文未载';
  data.score = '原文未载';
  data.issued = '原文未载';
  const r = parseWithFriendlyErrors(reportSchema, data);
  assert.ok(r.ok);
  assert.equal(r.data.budget.initial, null);
  assert.equal(r.data.budget.basic, null);
  assert.equal(r.data.staffing.authorized, null);
  assert.equal(r.data.score, null);
  assert.equal(r.data.issued, null);
  assert.equal(r.data.budget.final, '825.75', 'the others stay exact decimals');

  // An empty value is an omission, not a statement: it is still an error, which says what to write.
  for (const [value, message] of [
    [null, /原文没有写这个数时填 原文未载/],
    ['原文未写', /请照写 原文未载/],
    ['无', /请照写 原文未载/],
  ] as const) {
    const d = await seedData();
    (d.budget as Record<string, unknown>).final = value;
    assert.match(problemsOf(d)[0]?.message ?? '', message, String(value));
  }
  const undated = await seedData();
  undated.disclosure = { published: '原文未载' };
  assert.match(problemsOf(undated)[0]?.message ?? '', /不是日期/, '发布日期 is this site’s own: always a date');
});

test('the JSON Schema for editors describes figures as numbers, decimal strings or 原文未载', () => {
  const schema = reportJsonSchema() as { properties: Record<string, { properties?: Record<string, unknown> }> };
  assert.deepEqual(schema.properties.budget?.properties?.final, {
    title: '年终决算数',
    description: '年终决算数（金额，半角数字，例如 825.75）',
    anyOf: [
      { type: 'number', minimum: 0 },
      { type: 'string', pattern: '^\\d+(\\.\\d+)?$' },
      { const: '原文未载', description: '原文没有写这个数（网页显示“原文未写”）' },
    ],
  });
  assert.equal((schema as { additionalProperties?: boolean }).additionalProperties, false);
});

test('/schema/report.json describes the published data, 原文未载 (null) included, and refuses floats', async () => {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const addFormats = (await import('ajv-formats')).default;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(reportDataJsonSchema());
  const published = (data: unknown) => {
    const r = parseWithFriendlyErrors(reportSchema, data);
    assert.ok(r.ok, r.ok ? '' : r.problems.map((p) => p.message).join('\n'));
    return JSON.parse(JSON.stringify(r.data)) as Record<string, unknown>;
  };
  // Every number the original states, written 原文未载 instead (year is not a figure).
  const notStated = (value: unknown, key = ''): unknown =>
    typeof value === 'number' && key !== 'year'
      ? '原文未载'
      : Array.isArray(value)
        ? value.map((v) => notStated(v))
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, notStated(v, k)]))
          : value;
  const data = notStated(await seedData()) as Record<string, unknown>;
  data.issued = '原文未载';
  const report = published(data);
  assert.equal((report.budget as Record<string, unknown>).final, null);
  assert.equal(report.issued, null);
  assert.ok(validate(report), ajv.errorsText(validate.errors));
  assert.ok(validate(published(await seedData())), ajv.errorsText(validate.errors));

  const wrong = published(await seedData());
  (wrong.budget as Record<string, unknown>).final = 825.75;
  wrong.issued = '2024/06/26';
  assert.equal(validate(wrong), false, 'a float and a date in another form are not what the data holds');
  assert.deepEqual([...new Set(validate.errors?.map((e) => e.instancePath.split('/').slice(0, 3).join('/')))].sort(), [
    '/budget/final',
    '/issued',
  ]);
});

test('every kind of value the schema knows has a form for editors and for the published data', () => {
  assert.doesNotThrow(() => reportDataJsonSchema());
  assert.doesNotThrow(() => reportJsonSchema());
});
