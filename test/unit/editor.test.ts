// Editor support: the JSON Schemas and snippets VS Code uses are generated from
// the code (and current), accept the shipped content and reject typical mistakes.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { editorFiles, snippets } from '../../src/docs/editor-files.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { AUTHORING_COMPONENTS } from '../../src/schema/body-allow-list.ts';
import { splitFrontmatter } from '../../src/source/frontmatter.ts';
import { parseBody } from '../../src/source/markdown.ts';
import { SEED_CONTENT, SEED_REPORT } from '../helpers/content.ts';

const read = (file: string) => readFile(join(PROJECT_ROOT, file), 'utf8');
/** VS Code's settings files are JSON with // comments. */
const jsonc = (text: string) => JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')) as Record<string, unknown>;

test('the editor files are current (run npm run docs after changing a schema or the allow-list)', async () => {
  for (const [file, text] of Object.entries(editorFiles())) assert.equal(await read(file), text, file);
});

async function validator(name: string) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(await read(`.vscode/schemas/${name}.schema.json`)) as object);
}

type Frontmatter = Record<string, unknown> & { budget: Record<string, unknown>; staffing: Record<string, unknown> };

const seedFrontmatter = async () => {
  const text = await readFile(join(SEED_CONTENT, SEED_REPORT), 'utf8');
  return parse(splitFrontmatter(text)?.yaml ?? '') as Frontmatter;
};

const where = (errors: ErrorObject[] | null | undefined) => [
  ...new Set(
    (errors ?? []).map(
      (e) =>
        `${e.instancePath}${e.keyword === 'additionalProperties' ? `/${String(e.params.additionalProperty)}` : ''}${e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : ''}`,
    ),
  ),
];

test('the report schema accepts the shipped report and rejects typical mistakes where they are', async () => {
  const validate = await validator('report');
  assert.ok(validate(await seedFrontmatter()), JSON.stringify(validate.errors));
  const cases: [string, (d: Frontmatter) => void, string][] = [
    ['full-width digits', (d) => (d.budget.final = '82６.00'), '/budget/final'],
    ['a percent sign', (d) => (d.budget.execution_rate = '100%'), '/budget/execution_rate'],
    ['a unit in the number', (d) => (d.staffing.actual = '21人'), '/staffing/actual'],
    ['a negative amount', (d) => (d.budget.basic = -1), '/budget/basic'],
    ['the Chinese label as key', (d) => (d.budget['决算数'] = 825.75), '/budget/决算数'],
    ['a missing score', (d) => delete d.score, '/score'],
    ['a date that is not YYYY-MM-DD', (d) => (d.issued = '2024年6月26日'), '/issued'],
  ];
  for (const [title, change, path] of cases) {
    const data = await seedFrontmatter();
    change(data);
    assert.equal(validate(data), false, title);
    assert.ok(where(validate.errors).includes(path), `${title}: ${JSON.stringify(where(validate.errors))}`);
  }
});

test('site and department schemas accept the shipped files', async () => {
  const site = await validator('site');
  assert.ok(site(parse(await readFile(join(SEED_CONTENT, 'site.yaml'), 'utf8'))), JSON.stringify(site.errors));
  const department = await validator('department');
  const kgxj = parse(await readFile(join(SEED_CONTENT, 'departments/kgxj.yaml'), 'utf8')) as Record<string, unknown>;
  assert.ok(department(kgxj));
  assert.equal(department({ ...kgxj, id: 'KGXJ' }), false);
});

test('every authoring component has a snippet, and each expands to MDX that parses', () => {
  const all = snippets();
  for (const name of Object.keys(AUTHORING_COMPONENTS)) {
    const snippet = all[`gongkai ${name}`];
    assert.ok(snippet, name);
    // Expand tab stops the way VS Code does: a choice's first option, a placeholder's default.
    const body = snippet.body
      .join('\n')
      .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\{\d+\}/g, '');
    const parsed = parseBody(`文字${body}文字\n`, 'mdx');
    assert.ok(parsed.ok, `${name}: ${body}`);
  }
});

test('settings associate the schemas with existing files, and recommend the extensions they rely on', async () => {
  const settings = jsonc(await read('.vscode/settings.json'));
  const schemas = settings['yaml.schemas'] as Record<string, string[]>;
  for (const file of Object.keys(schemas)) assert.ok(editorFiles()[file.replace(/^\.\//, '')], file);
  assert.equal(settings['astro.content-intellisense'], true);
  assert.equal(settings['files.encoding'], 'utf8');
  const { recommendations } = jsonc(await read('.vscode/extensions.json')) as { recommendations: string[] };
  for (const ext of ['astro-build.astro-vscode', 'redhat.vscode-yaml', 'unifiedjs.vscode-mdx'])
    assert.ok(recommendations.includes(ext), ext);
  assert.match(await read('astro.config.mjs'), /experimental: \{ contentIntellisense: true \}/);
});
