// `npm run import`: the published seed text becomes the shipped report again
// (same figures, same body), a Word file generated here is read with its
// headings, lists, tables and units, and nothing is overwritten or guessed.
import assert from 'node:assert/strict';
import { readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/config.ts';
import { importDocument } from '../../src/import/draft.ts';
import { loadContent, loadRegistry, validDepartments } from '../../src/source/load.ts';
import { rejectsAsUserError, runScript, STACK_TRACE } from '../helpers/cli.ts';
import { contentWith, SEED_CONTENT, SEED_REPORT, tempDir } from '../helpers/content.ts';

const SEED_TEXT = join(import.meta.dirname, '../../../shared/seed/baojing-kgxj-2023.txt');
const seedText = async () => {
  // The project's copy of shared/ sits beside the repository (CI lays it out the same way).
  for (const path of [SEED_TEXT, '/work/shared/seed/baojing-kgxj-2023.txt']) {
    try {
      await readFile(path);
      return path;
    } catch {
      // try the next place
    }
  }
  throw new Error('shared/seed/baojing-kgxj-2023.txt not found beside the repository');
};

const cleanup: string[] = [];
after(() => Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true }))));

const listTree = async (dir: string) => (await readdir(dir, { recursive: true })).map(String).sort();

const bodyOf = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');

test('importing the published seed text reproduces the shipped report: key figures and body', async () => {
  const root = await contentWith([{ file: SEED_REPORT, remove: true }]);
  cleanup.push(root);
  const r = await runScript('import', [await seedText()], { GONGKAI_CONTENT: root });
  assert.equal(r.status, 0, r.stderr);
  const draftText = await readFile(join(root, SEED_REPORT), 'utf8');
  const shippedText = await readFile(join(SEED_CONTENT, SEED_REPORT), 'utf8');

  const draft = (await loadContent(root)).reports[0];
  const shipped = (await loadContent(SEED_CONTENT)).reports[0]?.data;
  assert.ok(shipped);
  // The draft does not validate yet: the task count of one indicator is 【待填】 (never guessed).
  assert.equal(draft?.data, undefined);
  const data = draft?.frontmatter.data as typeof shipped;
  const { evaluated, full_coverage, ...budget } = data.budget;
  const { unit: _unit, evaluated: shippedEvaluated, full_coverage: shippedCoverage, ...shippedBudget } = shipped.budget;
  assert.deepEqual(
    Object.fromEntries(Object.entries(budget).map(([k, v]) => [k, String(v)])),
    shippedBudget,
    'budget figures',
  );
  assert.equal(String(evaluated), shippedEvaluated);
  assert.equal(full_coverage, shippedCoverage);
  assert.deepEqual(
    { authorized: String(data.staffing.authorized), actual: String(data.staffing.actual) },
    shipped.staffing,
  );
  assert.equal(String(data.score), shipped.score);
  assert.deepEqual(data.duties, shipped.duties);
  assert.deepEqual(data.units, shipped.units);
  assert.deepEqual(data.review, shipped.review);
  for (const key of ['title', 'department', 'year', 'basis'] as const) assert.equal(data[key], shipped[key], key);
  assert.equal(String(data.issued), shipped.issued);
  const indicator = data.indicators[0];
  assert.deepEqual(
    [indicator?.name, String(indicator?.actual), String(indicator?.rate)],
    ['科技型中小企业备案', '81', '101.25'],
  );
  assert.match(String(indicator?.target), /^【待填/);
  // The body: 7 paragraphs re-joined at page breaks, headings split from their first sentence, bold fixed.
  assert.equal(bodyOf(draftText), bodyOf(shippedText));

  // Every value is reported with the sentence it came from, at the draft line that has it.
  const lines = draftText.split('\n');
  const m = /budget\.final（年终决算数） = 825\.75 万元\n\s+← 草稿第 (\d+) 行：“([^”]+)/.exec(r.stdout);
  assert.ok(m, r.stdout);
  assert.ok(lines[Number(m[1]) - 1]?.includes('年终决算数825.75万元'));
  assert.match(
    r.stdout,
    /indicators\[0\]\.target（“科技型中小企业备案”的任务数）：原文只写了完成率 101\.25%，没有写任务数/,
  );
  assert.match(r.stdout, /接续的段落（共 7 处，请核对）/);
  assert.match(r.stdout, /原件第 29 行（编号之间）/);
  // The transcription note says what was done, and claims no page break it did not see.
  assert.match(String(data.transcription), /接续了 7 处断开的段落（6 处断在句子中间，1 处位于编号 n 与 n\+1 之间）/);
  assert.doesNotMatch(String(data.transcription), /分页/);
});

test('once its 【待填】 is filled, the draft shows the same four discrepancies the shipped report acknowledges', async () => {
  const root = await contentWith([{ file: SEED_REPORT, remove: true }]);
  cleanup.push(root);
  await runScript('import', [await seedText()], { GONGKAI_CONTENT: root });
  const file = join(root, SEED_REPORT);
  await writeFile(file, (await readFile(file, 'utf8')).replace(/target: 【待填[^】]*】/, 'target: 80'));
  const r = await runScript('check', ['--format=json'], { GONGKAI_CONTENT: root });
  const rules = (JSON.parse(r.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule).sort();
  assert.deepEqual(rules, [
    'budget.evaluated-coverage',
    'text.latin-word',
    'text.punctuation',
    'text.repeated-sentence',
  ]);
});

/** A Word report as a county might write it: other numbering, 元, full-width digits, a table, Word lists. */
async function wordReport(): Promise<Buffer> {
  const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const row = (cells: string[]) =>
    new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'duties',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: '测试局2024年度部门整体支出绩效自评报告', heading: HeadingLevel.TITLE }),
          p('根据《测试县财政局关于开展2024年度绩效自评的通知》（测财绩〔2025〕1号）要求，报告如下：'),
          new Paragraph({ text: '一．部门基本情况', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: '(一)职责', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: '负责全县测试工作。', numbering: { reference: 'duties', level: 0 } }),
          new Paragraph({ text: '承办县政府交办的其他事项。', numbering: { reference: 'duties', level: 0 } }),
          new Paragraph({ text: '(二)编制', heading: HeadingLevel.HEADING_2 }),
          p('本局编制人数１２人，年末实有人数１１人。'),
          new Paragraph({ text: '资金拨付及执行情况', heading: HeadingLevel.HEADING_1 }),
          p('单位：元'),
          new Table({
            rows: [
              row(['项目', '金额']),
              row(['年初预算批复数', '3,669,500.00']),
              row(['全年预算数', '8257500']),
              row(['年终决算数', '8257500']),
              row(['基本支出', '5209700']),
              row(['项目支出', '3047800']),
            ],
          }),
          p('预算执行率为１００％，绩效自评金额825.75万元。'),
          new Paragraph({ text: '三、绩效自评情况', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun({ text: '企业服务方面：', bold: true }),
              new TextRun('企业上云任务数160家，实际完成158家。'),
            ],
          }),
          p('本单位整体支出绩效自评得分９５分。'),
          p('测试局'),
          p('二〇二五年三月一日'),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

test('a Word file: headings, Word lists, a table in 元, full-width digits and a Chinese-numeral date', async () => {
  const root = await contentWith([{ file: 'departments/csj.yaml', write: 'id: csj\nname: 测试局\n' }]);
  const dir = await tempDir();
  cleanup.push(root, dir);
  const docx = join(dir, '测试局2024年度自评报告.docx');
  await writeFile(docx, await wordReport());
  const r = await runScript('import', [docx], { GONGKAI_CONTENT: root });
  assert.equal(r.status, 0, r.stderr);
  const text = await readFile(join(root, 'reports/2024/csj.mdx'), 'utf8');
  const data = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '') as Record<string, unknown> & {
    budget: Record<string, unknown>;
    staffing: Record<string, unknown>;
    indicators: Record<string, unknown>[];
  };
  assert.equal(data.department, 'csj');
  assert.equal(data.year, 2024);
  assert.equal(data.issued, '2025-03-01');
  assert.equal(data.basis, '《测试县财政局关于开展2024年度绩效自评的通知》（测财绩〔2025〕1号）');
  assert.deepEqual(data.duties, ['负责全县测试工作。', '承办县政府交办的其他事项。']);
  assert.deepEqual(data.staffing, { authorized: 12, actual: 11 });
  assert.equal(data.budget.unit, '元');
  assert.deepEqual(
    ['initial', 'total', 'final', 'basic', 'project', 'execution_rate', 'evaluated'].map((k) => String(data.budget[k])),
    ['3669500.00', '8257500', '8257500', '5209700', '3047800', '100', '8257500'],
  );
  assert.match(r.stdout, /budget\.evaluated（绩效自评金额） = 8257500 元（原文 825\.75万元，已按元换算）/);
  assert.deepEqual(data.indicators, [{ name: '企业上云', unit: '家', target: 160, actual: 158 }]);
  assert.equal(data.score, 95);
  const body = bodyOf(text);
  assert.match(body, /^## 一．部门基本情况$/m);
  assert.match(body, /^### \(一\)职责$/m);
  assert.match(body, /^## 资金拨付及执行情况$/m);
  assert.match(body, /^<Duties \/>$/m);
  assert.match(body, /^\| 年初预算批复数 \| 3,669,500\.00 \|$/m, 'the table is kept as a GFM table, as written');
  assert.match(body, /^\*\*企业服务方面\*\*：企业上云任务数160家/m);
  assert.doesNotMatch(body, /二〇二五年|^测试局$/m, 'the signature block goes to the frontmatter');
  // The draft parses and checks: the indicator that falls short is not explained, and the check says so.
  // (A list the original does not have, like the internal units here, is left empty, not 【待填】.)
  const check = await runScript('check', ['--format=json'], { GONGKAI_CONTENT: root });
  const findings = (
    JSON.parse(check.stdout) as { findings: { rule: string; file: string; message: string }[] }
  ).findings
    .filter((f) => f.file.endsWith('csj.mdx'))
    .map((f) => `${f.rule}: ${f.message.slice(0, 30)}`);
  assert.deepEqual(findings, ['indicator.shortfall-unexplained: 指标“企业上云”完成 158家，未达到目标 160家，但“存']);
  assert.deepEqual(data.units, []);
});

test('never overwrites, never guesses, and explains bad input', async () => {
  const root = await contentWith();
  cleanup.push(root);
  const seed = await seedText();
  const before = await readFile(join(root, SEED_REPORT), 'utf8');
  const r = await runScript('import', [seed], { GONGKAI_CONTENT: root });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /reports\/2023\/kgxj\.mdx 已经存在，不会覆盖。请用 --out 指定另一个文件/);
  assert.equal(await readFile(join(root, SEED_REPORT), 'utf8'), before);

  const dir = await tempDir();
  cleanup.push(dir);
  const anonymous = join(dir, 'report.txt');
  await writeFile(anonymous, '2023年度整体支出绩效自评报告\n\n一、部门基本情况\n\n年终决算数825.75万元。\n');
  // Through the command once (above: exit code, no stack trace); the rest through the reader it calls.
  const departments = validDepartments(await loadRegistry(root));
  const refused = (file: string, message: RegExp) =>
    rejectsAsUserError(importDocument(file, { departments }), message, file);
  await refused(
    anonymous,
    /无法从标题、封面或落款确定是哪个单位的报告：请用 --dept 指定单位代码（已登记：kgxj）。不会猜测。/,
  );
  await refused(join(dir, 'old.doc'), /找不到文件/);
  await writeFile(join(dir, 'old.doc'), 'x');
  await refused(join(dir, 'old.doc'), /不能直接导入 \.doc 文件（old\.doc）：请用 Word、Excel 或 WPS 另存为 \.docx/);
  await writeFile(join(dir, 'broken.docx'), 'not a zip');
  await refused(join(dir, 'broken.docx'), /不是有效的 Word（\.docx）文件/);
  assert.doesNotMatch(r.stderr, STACK_TRACE);
});

test('bad documents: damaged, password-protected, no table, too large — a message naming the file, exit 1, no draft', async () => {
  const root = await contentWith();
  const dir = await tempDir();
  cleanup.push(root, dir);
  const before = await listTree(root);
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
  const prose = new ExcelJS.Workbook();
  prose.addWorksheet('说明').getCell('A1').value = '本表请于三月底前报送。';
  const huge = join(dir, '自评报告.txt');
  await writeFile(huge, '');
  await truncate(huge, 50 * 1024 * 1024);
  const cases: [string, Buffer | null, RegExp][] = [
    [
      '损坏的报告.docx',
      Buffer.from('PK\u0003\u0004 not really a zip'),
      /损坏的报告\.docx 不是有效的 Word（\.docx）文件：文件已损坏.*重新另存为 \.docx/,
    ],
    ['损坏的自评表.xlsx', Buffer.from('not a workbook at all'), /损坏的自评表\.xlsx 不是有效的 Excel（\.xlsx）文件/],
    ['加密的报告.docx', ole, /加密的报告\.docx 设有打开密码（已加密），或其实是旧版 \.doc 文件.*取消密码/],
    ['加密的自评表.xlsx', ole, /加密的自评表\.xlsx 设有打开密码.*另存为 \.xlsx 后再导入/],
    [
      '只有说明的表.xlsx',
      Buffer.from(await prose.xlsx.writeBuffer()),
      /只有说明的表\.xlsx 中没有可识别的表格：没有找到带“分值”“得分”列的自评得分表/,
    ],
    ['自评报告.txt', null, /自评报告\.txt 有 50\.0 MB，超过导入的上限 20 MB.*确认选对了文件/],
  ];
  // The first through the command (exit code, output); the others through the reader it calls, in this process.
  const departments = validDepartments(await loadRegistry(root));
  for (const [i, [name, bytes, message]] of cases.entries()) {
    if (bytes) await writeFile(join(dir, name), bytes);
    if (i === 0) {
      const r = await runScript('import', [join(dir, name), '--dept', 'kgxj', '--year', '2024'], {
        GONGKAI_CONTENT: root,
      });
      assert.equal(r.status, 1, `${name}: ${r.stderr}`);
      assert.match(r.stderr, message, name);
      assert.doesNotMatch(r.stderr, STACK_TRACE, name);
      continue;
    }
    await rejectsAsUserError(
      importDocument(join(dir, name), { departments, department: 'kgxj', year: 2024 }),
      message,
      name,
    );
  }
  assert.deepEqual(await listTree(root), before, 'no draft, not even half of one');
});

test('a sparse report imported honestly, its 【待填】 written 原文未载, passes the check and builds; its page says what the original does not state', async () => {
  const root = await contentWith([{ file: 'departments/mzj.yaml', write: 'id: mzj\nname: 测试县民政局\n' }]);
  const out = await tempDir();
  cleanup.push(root, out);
  const r = await runScript('import', [join(PROJECT_ROOT, 'test/fixtures/import/sparse.txt')], {
    GONGKAI_CONTENT: root,
  });
  assert.equal(r.status, 0, r.stderr);
  const file = join(root, 'reports/2023/mzj.mdx');
  const draft = await readFile(file, 'utf8');
  assert.match(draft, /initial: 【待填】/);
  await writeFile(file, draft.replace(/【待填(?:：[^】]*)?】/g, '原文未载'));

  const check = await runScript('check', ['--format=json', '--strict'], { GONGKAI_CONTENT: root });
  assert.equal(check.status, 0, check.stdout);
  const findings = (
    JSON.parse(check.stdout) as { findings: { file: string; rule: string; severity: string; message: string }[] }
  ).findings.filter((f) => f.file.endsWith('mzj.mdx'));
  assert.ok(
    findings.every((f) => f.rule === 'figure.not-stated' && f.severity === 'info'),
    JSON.stringify(findings),
  );
  assert.ok(findings.some((f) => /^全年预算数：原文未载.*因此未检查：budget\.execution-rate/.test(f.message)));
  assert.ok(
    findings.some((f) =>
      /^基本支出：原文未载；网页按 人员经费 \+ 公用经费 计算，显示 918\.35万元（计算）/.test(f.message),
    ),
  );

  const dist = join(out, 'dist');
  const build = await runScript('build', ['--out', dist], { GONGKAI_CONTENT: root, GONGKAI_PDF: '0' });
  assert.equal(build.status, 0, build.stdout + build.stderr);
  const page = (await readFile(join(dist, 'reports/2023/mzj/index.html'), 'utf8')).replace(/<!--[\s\S]*?-->/g, '');
  const panel = /<dl class="key-figures"[\s\S]*?<\/dl>/.exec(page)?.[0] ?? '';
  assert.match(panel, /<dt>全年预算数<\/dt>\s*<dd><span class="not-stated">原文未写<\/span><\/dd>/);
  assert.match(
    panel,
    /<dt>基本支出<\/dt>\s*<dd><data value="918\.35">918\.35万元<\/data><span class="derived">（计算）<\/span><\/dd>/,
  );
  assert.match(panel, /等级：优（按得分推算）/);
  assert.match(page, /成文日期[\s\S]{0,80}2024年4月20日/);
  const data = JSON.parse(await readFile(join(dist, 'data/2023/mzj.json'), 'utf8')) as {
    report: { budget: Record<string, unknown> };
    not_stated: string[];
    derived: Record<string, { value: string }>;
  };
  assert.equal(data.report.budget.total, null);
  assert.deepEqual(data.not_stated, [
    'staffing.authorized',
    'staffing.actual',
    'budget.initial',
    'budget.total',
    'budget.basic',
    'budget.execution_rate',
    'budget.evaluated',
  ]);
  assert.deepEqual(data.derived['budget.basic'], { value: '918.35', how: '人员经费 + 公用经费' });
  const csv = await readFile(join(dist, 'data/reports.csv'), 'utf8');
  const [head = '', ...lines] = csv.replace(/^\uFEFF/, '').split('\r\n');
  const row = lines.find((l) => l.includes(',mzj,'))?.split(',') ?? [];
  const col = (title: string) => row[head.split(',').indexOf(title)];
  assert.equal(col('全年预算数'), '', '原文未载 is an empty cell, never 0');
  assert.equal(col('基本支出'), '918.35');
  assert.equal(col('基本支出的来源'), 'derived');
  assert.equal(col('自评等级的来源'), 'derived');
});
