// `npm run new`: next year's report from the latest one, or from the template;
// never over an existing report. The scaffold is flagged by the checks until
// every 【待填】 is filled, and then passes.
import assert from 'node:assert/strict';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isMap, isScalar, isSeq, parse, parseDocument } from 'yaml';
import { createNewReport } from '../../src/scaffold/new-report.ts';
import { rejectsAsUserError, runScript, STACK_TRACE } from '../helpers/cli.ts';
import { contentWith, SEED_REPORT } from '../helpers/content.ts';

const cleanup: string[] = [];
after(() => Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true }))));

async function tree(edits: Parameters<typeof contentWith>[0] = []): Promise<string> {
  const root = await contentWith(edits);
  cleanup.push(root);
  return root;
}

interface CheckJson {
  summary: { errors: number; warnings: number };
  findings: { rule: string; file: string; line: number; message: string }[];
}

async function checkJson(root: string): Promise<CheckJson> {
  const r = await runScript('check', ['--format=json'], { GONGKAI_CONTENT: root });
  return JSON.parse(r.stdout) as CheckJson;
}

const split = (text: string) => {
  const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  return { yaml, body };
};

test('from the previous year: structure and recurring text kept, figures emptied and flagged', async () => {
  const root = await tree();
  const r = await runScript('new', ['--dept', 'kgxj', '--year', '2024'], { GONGKAI_CONTENT: root });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /已创建 .*reports\/2024\/kgxj\.mdx（以 2023 年度报告为底稿）/);
  const text = await readFile(join(root, 'reports/2024/kgxj.mdx'), 'utf8');
  const { yaml, body } = split(text);
  const data = parse(yaml) as Record<string, unknown> & { budget: Record<string, unknown>; duties: string[] };
  const seed = parse(split(await readFile(join(root, SEED_REPORT), 'utf8')).yaml) as typeof data;
  assert.equal(data.year, 2024);
  assert.equal(data.title, '科工信局 2024 年度整体支出绩效自评报告');
  assert.deepEqual(data.duties, seed.duties, 'duties are recurring text');
  assert.deepEqual(data.units, seed.units);
  assert.deepEqual(
    (data.indicators as { name: string }[]).map((i) => i.name),
    (seed.indicators as { name: string }[]).map((i) => i.name),
  );
  for (const key of ['initial', 'total', 'final', 'basic', 'project', 'execution_rate', 'evaluated'])
    assert.equal(data.budget[key], '【待填】', `budget.${key}`);
  assert.equal(data.score, '【待填】');
  for (const gone of ['acknowledged', 'transcription', 'grade']) assert.equal(data[gone], undefined, gone);
  // Headings and paragraphs without figures stay (years moved on); paragraphs with figures become 【待填：…】.
  assert.match(body, /^## 二、资金拨付及执行情况$/m);
  assert.match(body, /^2、2024年无政府性基金项目支出。$/m);
  assert.match(body, /^1、思想上高度重视。/m);
  assert.match(body, /^【待填：上一年度此处为“2023年我单位年初预算批复数366\.95万元/m);
  assert.doesNotMatch(body, /825\.75|304\.78/, 'no figure of last year survives in the text');
  assert.match(body, /<Duties \/>/);

  const check = await checkJson(root);
  const mine = check.findings.filter((f) => f.file.endsWith('reports/2024/kgxj.mdx'));
  assert.ok(mine.length > 50);
  assert.ok(
    mine.every((f) => f.rule === 'content.placeholder'),
    JSON.stringify(mine.filter((f) => f.rule !== 'content.placeholder')),
  );
  const final = mine.find((f) => f.message.startsWith('budget.final（年终决算数）尚未填写'));
  assert.equal(final?.line, text.split('\n').findIndex((l) => l.startsWith('  final:')) + 1);
  assert.ok(mine.some((f) => f.message.startsWith('正文尚未填写：【待填：上一年度此处为')));
});

test('once every 【待填】 is filled, the new report passes npm run check', async () => {
  const root = await tree();
  await runScript('new', ['--dept', 'kgxj', '--year', '2024'], { GONGKAI_CONTENT: root });
  const file = join(root, 'reports/2024/kgxj.mdx');
  const { yaml, body } = split(await readFile(file, 'utf8'));
  const seed = parseDocument(split(await readFile(join(root, SEED_REPORT), 'utf8')).yaml);
  const doc = parseDocument(yaml);
  // Fill each figure with last year's value at the same place (a stand-in for this year's).
  const fill = (node: unknown, path: (string | number)[]): void => {
    if (isScalar(node)) {
      if (!String(node.value).startsWith('【待填')) return;
      const last = path.at(-1);
      if (last === 'issued') node.value = '2025-06-20';
      else if (last === 'basis') node.value = '《关于开展 2024 年度部门预算支出绩效评价工作的通知》';
      else node.value = seed.getIn(path) ?? '1';
    } else if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key)) fill(pair.value, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) node.items.forEach((item, i) => fill(item, [...path, i]));
  };
  fill(doc.contents, []);
  await writeFile(file, `---\n${doc.toString({ lineWidth: 0 })}---\n${body.replace(/【待填[^】]*】/g, '（略）')}`);
  const check = await checkJson(join(root));
  const mine = check.findings.filter((f) => f.file.endsWith('reports/2024/kgxj.mdx'));
  assert.deepEqual(
    mine.filter((f) => f.rule !== 'text.latin-word'),
    [],
    'only the duty with “and”, kept from last year, is left for review',
  );
  assert.equal(check.summary.errors, 0);
});

test('from the template when the department has no report yet', async () => {
  const root = await tree([
    { file: 'departments/czj.yaml', write: 'id: czj\nname: 保靖县财政局\nshort_name: 财政局\n' },
  ]);
  const r = await runScript('new', ['--dept', 'czj', '--year', '2024'], { GONGKAI_CONTENT: root });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /按标准模板生成/);
  const text = await readFile(join(root, 'reports/2024/czj.mdx'), 'utf8');
  assert.match(text, /^title: 财政局 2024 年度整体支出绩效自评报告$/m);
  for (const heading of ['一、部门基本情况', '二、资金拨付及执行情况', '三、绩效自评情况', '四、', '五、'])
    assert.match(text, new RegExp(`^## ${heading}`, 'm'));
  const check = await checkJson(root);
  const mine = check.findings.filter((f) => f.file.endsWith('reports/2024/czj.mdx'));
  assert.ok(mine.length > 10);
  assert.deepEqual(
    [...new Set(mine.map((f) => f.rule))],
    ['content.placeholder'],
    'the template parses: only placeholders are flagged',
  );
});

test('refuses to overwrite an existing report, and explains other mistakes', async () => {
  const root = await tree();
  const before = await readFile(join(root, SEED_REPORT), 'utf8');
  const r = await runScript('new', ['--dept', 'kgxj', '--year', '2023'], { GONGKAI_CONTENT: root });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /reports\/2023\/kgxj\.mdx 已经存在，不会覆盖/);
  assert.equal(await readFile(join(root, SEED_REPORT), 'utf8'), before);

  assert.doesNotMatch(r.stderr, STACK_TRACE);

  // The other mistakes through what the command calls, in this process: the same messages.
  const refused = (dept: string | undefined, year: string | undefined, message: RegExp) =>
    rejectsAsUserError(createNewReport(root, dept, year), message);
  await refused('kgxx', '2024', /单位代码 kgxx 没有登记，是不是 kgxj？/);
  await assert.rejects(stat(join(root, 'reports/2024')), 'nothing is written on a mistake');
  await refused('kgxj', '24', /年度“24”不对/);
  await refused('kgxj', undefined, /缺少 --year/);
  await refused('KGXJ', '2024', /单位代码“KGXJ”不对/);
});

test('a score sheet carries over its indicators and targets; scores, what was achieved and the reasons are 【待填】 or gone', async () => {
  const root = await tree([
    {
      file: SEED_REPORT,
      replace: [
        'score: 98 # 整体支出绩效自评得分\n',
        'score: 98 # 整体支出绩效自评得分\nscore_sheet:\n  - { level1: 过程, level2: 资金管理, name: 政府采购执行率, weight: 100, score: 98, target: 100%, actual: 72.74%, note: 部分项目延期 }\n',
      ],
    },
    {
      file: SEED_REPORT,
      replace: ['## 五、预算绩效管理存在的问题及改进措施', '<ScoreSheet />\n\n## 五、预算绩效管理存在的问题及改进措施'],
    },
  ]);
  const r = await runScript('new', ['--dept', 'kgxj', '--year', '2024'], { GONGKAI_CONTENT: root });
  assert.equal(r.status, 0, r.stderr);
  const { yaml, body } = split(await readFile(join(root, 'reports/2024/kgxj.mdx'), 'utf8'));
  const sheet = (parse(yaml) as { score_sheet: Record<string, unknown>[] }).score_sheet;
  assert.deepEqual(sheet, [
    {
      level1: '过程',
      level2: '资金管理',
      name: '政府采购执行率',
      weight: '【待填】',
      score: '【待填】',
      target: '100%',
      actual: '【待填：实际完成值】',
    },
  ]);
  assert.match(body, /^<ScoreSheet \/>$/m);
});
