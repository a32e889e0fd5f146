// `npm run diff` on a scripted git history: a figure change, an added report,
// a report whose frontmatter no longer validates, and a renamed report. The
// comparisons run in this process through what the command calls; the command
// itself is run for its output and for its argument errors.
import assert from 'node:assert/strict';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { diffRevisions } from '../../src/diff/diff-revisions.ts';
import type { DiffResult } from '../../src/diff/diff-types.ts';
import { renderMarkdown } from '../../src/diff/summary-markdown.ts';
import { rejectsAsUserError, runScript, STACK_TRACE } from '../helpers/cli.ts';
import { applyEdit, SEED_CONTENT, SEED_REPORT, tempDir, type Edit } from '../helpers/content.ts';
import { commitAll, initRepo, tag } from '../helpers/git.ts';
import { testScanPool } from '../helpers/scan-pool.ts';

let repo = '';
let content = '';
const commits: Record<string, string> = {};

async function step(name: string, edits: Edit[]): Promise<void> {
  for (const edit of edits) await applyEdit(content, edit);
  commits[name] = await commitAll(repo, name);
}

before(async () => {
  repo = await tempDir('gongkai-diff-');
  content = join(repo, 'content');
  await initRepo(repo);
  await cp(SEED_CONTENT, content, { recursive: true });
  await writeFile(join(repo, 'README.md'), '县级报告仓库\n');
  commits.seed = await commitAll(repo, 'seed');
  await tag(repo, 'v2023', commits.seed);
  await step('figure', [
    { file: SEED_REPORT, replace: ['  final: 825.75 # 年终决算数', "  final: '826.00' # 年终决算数"] },
    { file: SEED_REPORT, replace: ['年终决算数825.75万元', '年终决算数826.00万元'] },
    {
      file: SEED_REPORT,
      replace: [
        '  - name: 企业上云\n    unit: 家\n    target: 160\n    actual: 160',
        '  - name: 企业上云\n    unit: 家\n    target: 160\n    actual: 158',
      ],
    },
  ]);
  await step('added', [
    { file: SEED_REPORT, copyTo: 'reports/2024/kgxj.mdx' },
    { file: 'reports/2024/kgxj.mdx', replace: ['year: 2023', 'year: 2024'] },
    { file: 'reports/2024/kgxj.mdx', replace: ['issued: 2024-06-26', 'issued: 2025-06-20'] },
  ]);
  await step('invalid', [{ file: SEED_REPORT, replace: ["  final: '826.00'", '  final: 82６.00'] }]);
  await step('fixed', [{ file: SEED_REPORT, replace: ['  final: 82６.00', "  final: '826.00'"] }]);
  await step('renamed', [
    { file: SEED_REPORT, renameTo: 'reports/2023/kgj.mdx' },
    { file: 'reports/2023/kgj.mdx', replace: ['department: kgxj', 'department: kgj'] },
    { file: 'reports/2024/kgxj.mdx', replace: ['department: kgxj', 'department: kgj'] },
    { file: 'reports/2024/kgxj.mdx', renameTo: 'reports/2024/kgj.mdx' },
    { file: 'departments/kgxj.yaml', replace: ['id: kgxj', 'id: kgj'] },
    { file: 'departments/kgxj.yaml', renameTo: 'departments/kgj.yaml' },
  ]);
});
after(() => rm(repo, { recursive: true, force: true }));
// One pool of check workers for every comparison in this file, as one `npm run diff` has.
const pool = testScanPool();

const env = () => ({ GONGKAI_CONTENT: content });

/** What `npm run diff -- <base> [<head>] --format=json` prints, as data. */
async function diffJson(base: string, head?: string): Promise<DiffResult> {
  return JSON.parse(JSON.stringify(await diffRevisions(content, base, head, pool))) as DiffResult;
}

/** What `npm run diff -- <base> [<head>]` prints. */
async function diffMarkdown(base: string, head?: string): Promise<string> {
  return renderMarkdown(await diffRevisions(content, base, head, pool));
}

test('a changed figure reads “old → new (difference)”, each with its unit, with the exact decimal difference', async () => {
  const r = await runScript('diff', [commits.seed ?? '', commits.figure ?? ''], env(), repo);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^<!-- gongkai-diff -->/);
  assert.ok(r.stdout.includes('- 年终决算数 `budget.final`：825.75万元 → 826.00万元（+0.25万元）'), r.stdout);
  assert.ok(r.stdout.includes('“企业上云”：完成值 160家 → 158家（-2家）'), r.stdout);
  // The new figure breaks 基本支出 + 项目支出 = 决算数: the reviewer is told.
  assert.match(
    r.stdout,
    /新错误 `budget\.sum`（第 \d+ 行）：基本支出 520\.97万元 \+ 项目支出 304\.78万元 = 825\.75万元，与年终决算数 826\.00万元 不一致（相差 -0\.25）/,
  );
  assert.match(r.stdout, /\*\*正文\*\*：1 段有改动（修改 1 段）/);
  assert.ok(r.stdout.includes('年终决算数~~825.75~~**826.00**万元'), r.stdout);
  assert.equal(
    await diffMarkdown(commits.seed ?? '', commits.figure ?? ''),
    r.stdout,
    'the tests below see what it prints',
  );

  const printed = await runScript('diff', [commits.seed ?? '', commits.figure ?? '', '--format=json'], env(), repo);
  assert.equal(printed.status, 0, printed.stderr);
  const json = JSON.parse(printed.stdout) as DiffResult;
  assert.deepEqual(await diffJson(commits.seed ?? '', commits.figure ?? ''), json);
  assert.equal(json.version, 1);
  assert.deepEqual(json.summary, {
    added: 0,
    removed: 0,
    renamed: 0,
    changed: 1,
    unchanged: 0,
    invalid: 0,
    newFindings: json.reports[0]?.findings.new.length,
    resolvedFindings: 0,
  });
  const final = json.reports[0]?.figures.find((f) => f.key === 'budget.final');
  assert.deepEqual(final, {
    key: 'budget.final',
    label: '年终决算数',
    unit: '万元',
    unitBefore: null,
    before: '825.75',
    after: '826.00',
    difference: '+0.25',
  });
  assert.deepEqual(json.reports[0]?.figures.length, 1, 'only the figure that changed is listed');
});

test('an added report is listed with its key figures; tags and ~N revisions work', async () => {
  const json = await diffJson('v2023', `${commits.added}`);
  const added = json.reports.find((r) => r.status === 'added');
  assert.equal(added?.file, 'reports/2024/kgxj.mdx');
  assert.equal(added?.year, 2024);
  assert.equal(added?.figures.find((f) => f.key === 'budget.initial')?.after, '366.95');
  assert.equal(added?.score?.after, '98');
  const md = await diffMarkdown('HEAD~4', 'HEAD~3');
  assert.match(md, /### 新增：`reports\/2024\/kgxj\.mdx`/);
  assert.match(md, /\*\*主要数字\*\*/);
});

test('a report whose frontmatter fails validation is reported as such, not a crash', async () => {
  const md = await diffMarkdown(commits.added ?? '', commits.invalid ?? '');
  assert.match(md, /注意：1 份报告的新版本未通过校验/);
  assert.match(
    md,
    /第 \d+ 行 `schema\.number-format`：budget\.final（年终决算数）：“82６\.00”用了全角数字，请改用半角数字：826\.00/,
  );
  const json = await diffJson(commits.added ?? '', commits.invalid ?? '');
  const report = json.reports.find((d) => d.file === SEED_REPORT);
  assert.equal(report?.head?.valid, false);
  assert.equal(report?.base?.valid, true);
  assert.deepEqual(report?.figures, []);
  // …and fixing it is shown as the way back.
  const back = await diffJson(commits.invalid ?? '', commits.fixed ?? '');
  assert.equal(back.reports.find((d) => d.file === SEED_REPORT)?.head?.valid, true);
});

test('a renamed or moved report is paired with its old path, not shown as removed + added', async () => {
  const json = await diffJson(commits.fixed ?? '', commits.renamed ?? '');
  assert.deepEqual(
    json.reports.map((r) => [r.status, r.previousFile, r.file]),
    [
      ['renamed', 'reports/2023/kgxj.mdx', 'reports/2023/kgj.mdx'],
      ['renamed', 'reports/2024/kgxj.mdx', 'reports/2024/kgj.mdx'],
    ],
  );
  const first = json.reports[0];
  assert.deepEqual(first?.fields, [
    { key: 'department', label: '单位代码', before: 'kgxj', after: 'kgj', detail: null },
  ]);
  assert.deepEqual(first?.findings, { new: [], resolved: [] });
  assert.deepEqual(json.otherFiles, [
    { file: 'departments/kgj.yaml', status: 'added' },
    { file: 'departments/kgxj.yaml', status: 'removed' },
  ]);
  const md = await diffMarkdown(commits.fixed ?? '', commits.renamed ?? '');
  assert.match(md, /### 改名或移动：`reports\/2023\/kgxj\.mdx` → `reports\/2023\/kgj\.mdx`/);
});

test('without <head> the work tree is compared, uncommitted edits included; 原文未载 reads 原文未写', async () => {
  const file = join(content, 'reports/2023/kgj.mdx');
  const text = await readFile(file, 'utf8');
  try {
    await writeFile(file, text.replace('score: 98', 'score: 88'));
    const md = await diffMarkdown('HEAD');
    assert.match(md, /对比 `HEAD`（[0-9a-f]{7}） → 工作区/);
    // The original states no grade: it is derived from the score, and the diff says so.
    assert.match(md, /\*\*自评得分\*\*：98分 → 88分（-10分），等级 优（按得分推算） → 良（按得分推算）/);

    await writeFile(
      file,
      text
        .replace('  initial: 366.95 # 年初预算批复数', '  initial: 原文未载 # 年初预算批复数')
        .replace('年初预算批复数366.95万元，', ''),
    );
    const unstated = await diffMarkdown('HEAD');
    assert.match(unstated, /- 年初预算批复数 `budget\.initial`：366\.95万元 → 原文未写\n/);
    assert.doesNotMatch(unstated, /figure\.not-stated/, 'information is not a new problem');
  } finally {
    await writeFile(file, text);
  }
});

test('bad input is a user error in Chinese: unknown revision, missing arguments, not a repository', async () => {
  const unknown = await runScript('diff', ['no-such-branch'], env(), repo);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /找不到版本“no-such-branch”/);
  await rejectsAsUserError(diffRevisions(content, 'HEAD', 'no-such-branch', pool), /找不到版本“no-such-branch”/);
  const usage = await runScript('diff', [], env(), repo);
  assert.equal(usage.status, 1);
  assert.match(usage.stderr, /用法：npm run diff -- <基准版本>/);
  const format = await runScript('diff', ['HEAD', '--format=xml'], env(), repo);
  assert.equal(format.status, 1);
  const plain = await tempDir();
  try {
    await mkdir(join(plain, 'content'));
    await rejectsAsUserError(diffRevisions(join(plain, 'content'), 'main', undefined, pool), /不在 git 仓库中/);
    for (const out of [unknown, usage, format]) assert.doesNotMatch(out.stderr, STACK_TRACE);
  } finally {
    await rm(plain, { recursive: true, force: true });
  }
});
