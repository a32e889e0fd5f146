// The schema the Astro VS Code extension uses for report frontmatter
// (.astro/collections/reports.schema.json, written by `astro sync` from the
// same zod schemas) holds the same constraints as ours.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/config.ts';
import { splitFrontmatter } from '../../src/source/frontmatter.ts';
import { SEED_CONTENT, SEED_REPORT } from '../helpers/content.ts';

test('astro sync writes a frontmatter schema for the reports that rejects what ours rejects', async () => {
  const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', GONGKAI_CONTENT: SEED_CONTENT },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const dir = join(PROJECT_ROOT, '.astro/collections');
  const manifest = JSON.parse(await readFile(join(dir, 'collections.json'), 'utf8')) as { entries: object };
  assert.ok(Object.keys(manifest.entries).some((uri) => uri.endsWith('/reports/2023/kgxj.mdx')));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(await readFile(join(dir, 'reports.schema.json'), 'utf8')) as object);
  const text = await readFile(join(SEED_CONTENT, SEED_REPORT), 'utf8');
  const data = parse(splitFrontmatter(text)?.yaml ?? '') as { budget: Record<string, unknown>; issued: unknown };
  assert.ok(validate(data), JSON.stringify(validate.errors));
  data.budget.final = '82６.00';
  assert.equal(validate(data), false, 'full-width digits are rejected in the editor too');
  data.budget.final = 825.75;
  data.issued = '2024年6月26日';
  assert.equal(validate(data), false, 'a date written in Chinese is rejected in the editor too');
});
