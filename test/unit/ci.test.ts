// The CI templates a county copies: valid workflows, the steps the README
// promises, commands that exist, and the GitLab note poster against a local
// stand-in for the GitLab API.
import { readSettings } from '../../src/config.ts';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { register } from 'node:module';
import { parse } from 'yaml';
import { postNote } from '../../src/diff/gitlab-note.ts';
import { COMMENT_MARKER } from '../../src/diff/summary-markdown.ts';
import { PROJECT_ROOT } from '../../src/config.ts';

register(new URL('../helpers/json-import-attributes.mjs', import.meta.url));
const { NoOperationTraceWriter, parseWorkflow } = await import('@actions/workflow-parser');

/** Errors GitHub's own workflow parser (@actions/workflow-parser, MIT) finds in a workflow. */
const workflowErrors = (name: string, content: string) =>
  parseWorkflow({ name, content }, new NoOperationTraceWriter())
    .context.errors.getErrors()
    .map((e) => e.message);

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; if?: string };
type Job = {
  needs?: string | string[];
  steps?: Step[];
  strategy?: { matrix: Record<string, unknown[]> };
  permissions?: Record<string, string>;
  if?: string;
};
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job> };

const read = (file: string) => readFile(join(PROJECT_ROOT, file), 'utf8');
const workflow = async (name: string) => parse(await read(`.github/workflows/${name}`)) as Workflow;
const runs = (job: Job | undefined) => (job?.steps ?? []).map((s) => s.run ?? '').join('\n');

test("every GitHub workflow passes GitHub's own workflow parser and pins its actions to a major version", async () => {
  const files = (await readdir(join(PROJECT_ROOT, '.github/workflows'))).filter((f) => f.endsWith('.yml'));
  assert.deepEqual(files.sort(), ['pr.yml', 'publish.yml']);
  for (const file of files) {
    const text = await read(`.github/workflows/${file}`);
    assert.deepEqual(workflowErrors(file, text), [], file);
    assert.ok(workflowErrors(file, text.replace('runs-on:', 'runs-onn:')).length > 0, 'the parser does find errors');
    for (const uses of text.match(/uses: \S+/g) ?? [])
      assert.match(uses, /^uses: actions\/[a-z-]+@v\d+$/, `${file}: ${uses}`);
  }
});

test('pull requests: annotated check, site, sharded PDFs merged, diff posted as a comment', async () => {
  const pr = await workflow('pr.yml');
  assert.ok('pull_request' in pr.on);
  assert.match(runs(pr.jobs.check), /npm run check -- --format=github/);
  assert.match(runs(pr.jobs.site), /npm run build/);
  const pdf = pr.jobs.pdf;
  assert.ok((pdf?.strategy?.matrix.shard?.length ?? 0) > 1);
  assert.match(runs(pdf), /npm run pdf -- --shard \$\{\{ matrix\.shard \}\}\/\$\{\{ strategy\.job-total \}\}/);
  const merge = pr.jobs['pdf-merge'];
  assert.equal(merge?.needs, 'pdf');
  assert.equal(merge?.steps?.find((s) => s.uses?.startsWith('actions/download-artifact'))?.with?.pattern, 'pdf-*');
  assert.match(runs(merge), /npm run pdf -- --merge/);
  const diff = pr.jobs.diff;
  assert.equal(diff?.permissions?.['pull-requests'], 'write');
  assert.equal(diff?.steps?.[0]?.with?.['fetch-depth'], 0, 'the base revision must be in the clone');
  assert.match(
    runs(diff),
    /npm run --silent diff -- \$\{\{ github\.event\.pull_request\.base\.sha \}\} > report-diff\.md/,
  );
  const comment = diff?.steps?.find((s) => s.uses?.startsWith('actions/github-script'));
  assert.ok(String(comment?.with?.script).includes(`'${COMMENT_MARKER}'`), 'updates the comment npm run diff marks');
});

test('main: build and deploy to GitHub Pages, or only keep the site artefact', async () => {
  const publish = await workflow('publish.yml');
  assert.deepEqual((publish.on.push as { branches: string[] }).branches, ['main']);
  assert.match(runs(publish.jobs.build), /npm run build/);
  const uses = (publish.jobs.build?.steps ?? []).map((s) => s.uses ?? '');
  assert.ok(uses.some((u) => u.startsWith('actions/upload-artifact')));
  assert.ok(uses.some((u) => u.startsWith('actions/upload-pages-artifact')));
  assert.deepEqual(publish.jobs.deploy?.permissions, { pages: 'write', 'id-token': 'write' });
  assert.equal(publish.jobs.deploy?.if, "vars.GONGKAI_PAGES != 'off'");
});

type GitlabJob = {
  stage?: string;
  script?: string[];
  parallel?: number;
  needs?: string[];
  extends?: string;
  artifacts?: { paths: string[] };
};

test('GitLab: the same pipeline, with parallel: for the PDF shards and Pages on the default branch', async () => {
  const ci = parse(await read('.gitlab-ci.yml')) as Record<string, unknown> & { stages: string[] };
  const jobs = Object.entries(ci).filter(
    ([name, v]) => !name.startsWith('.') && typeof v === 'object' && v !== null && 'script' in v,
  ) as [string, GitlabJob][];
  const job = (name: string) => jobs.find(([n]) => n === name)?.[1];
  for (const [name, j] of jobs) assert.ok(ci.stages.includes(j.stage ?? ''), `${name}: stage ${j.stage}`);
  for (const [name, j] of jobs) for (const need of j.needs ?? []) assert.ok(job(need), `${name} needs ${need}`);
  assert.match(job('check')?.script?.join('\n') ?? '', /npm run check/);
  assert.ok((job('pdf')?.parallel ?? 0) > 1);
  assert.match(job('pdf')?.script?.join('\n') ?? '', /npm run pdf -- --shard \$\{CI_NODE_INDEX\}\/\$\{CI_NODE_TOTAL\}/);
  assert.match(job('pdf-merge')?.script?.join('\n') ?? '', /npm run pdf -- --merge/);
  assert.match(job('diff')?.script?.join('\n') ?? '', /npm run --silent diff -- "\$CI_MERGE_REQUEST_DIFF_BASE_SHA"/);
  assert.match(job('diff')?.script?.join('\n') ?? '', /gitlab-note\.ts report-diff\.md/);
  assert.deepEqual(job('pages')?.artifacts?.paths, ['public/']);
});

test('every npm script the templates call exists', async (t) => {
  const { scripts } = JSON.parse(await read('package.json')) as { scripts: Record<string, string> };
  const text = [
    await read('.github/workflows/pr.yml'),
    await read('.github/workflows/publish.yml'),
    await read('.gitlab-ci.yml'),
  ].join('\n');
  const called = new Set([...text.matchAll(/npm run (?:--silent )?([a-z]+)/g)].map((m) => m[1] ?? ''));
  assert.ok(called.has('diff') && called.has('pdf') && called.has('check') && called.has('build'));
  // npm run pdf (with --shard and --merge) comes with the PDF issue; until it is merged it cannot be checked here.
  const pending = scripts.pdf === undefined;
  for (const name of called)
    if (!(pending && name === 'pdf')) assert.ok(scripts[name], `npm run ${name} is not a script in package.json`);
  if (pending) t.skip('npm run pdf is not on this branch yet (PDF issue)');
});

test('the GitLab note poster creates its note once, then updates it', async () => {
  const notes: { id: number; body: string }[] = [{ id: 1, body: '别人的评论' }];
  const calls: string[] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      calls.push(`${req.method} ${req.url?.replace(/\?.*/, '')} ${req.headers['private-token']}`);
      if (req.method === 'GET') {
        res.end(JSON.stringify(notes));
        return;
      }
      const { body } = JSON.parse(data) as { body: string };
      const id = Number(/\/notes\/(\d+)/.exec(req.url ?? '')?.[1]);
      const note = notes.find((n) => n.id === id);
      if (note) note.body = body;
      else notes.push({ id: notes.length + 1, body });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const env = readSettings({
      CI_API_V4_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`,
      CI_PROJECT_ID: 'county/reports',
      CI_MERGE_REQUEST_IID: '7',
      GONGKAI_GITLAB_TOKEN: 'secret',
    }).gitlab;
    assert.equal(await postNote(`${COMMENT_MARKER}\n第一版`, env), '已在合并请求中发表报告改动摘要。');
    assert.equal(await postNote(`${COMMENT_MARKER}\n第二版`, env), '已更新合并请求中的报告改动摘要。');
    assert.deepEqual(
      notes.map((n) => n.body),
      ['别人的评论', `${COMMENT_MARKER}\n第二版`],
    );
    assert.deepEqual(calls, [
      'GET /api/v4/projects/county%2Freports/merge_requests/7/notes secret',
      'POST /api/v4/projects/county%2Freports/merge_requests/7/notes secret',
      'GET /api/v4/projects/county%2Freports/merge_requests/7/notes secret',
      'PUT /api/v4/projects/county%2Freports/merge_requests/7/notes/2 secret',
    ]);
    assert.match(await postNote('x', { ...env, token: undefined }), /未设置 CI\/CD 变量 GONGKAI_GITLAB_TOKEN/);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
