import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../../src/config.ts';
import { deployDoc } from '../../src/docs/deploy-doc.ts';
import { componentsDoc, rulesDoc } from '../../src/docs/rules-doc.ts';

test('docs/检查规则.md lists exactly the rules the checks run (run npm run docs after changing a rule)', async () => {
  assert.equal(await readFile(join(PROJECT_ROOT, 'docs/检查规则.md'), 'utf8'), rulesDoc());
});

test('docs/报告可用的组件.md describes the allow-list the checks enforce', async () => {
  assert.equal(await readFile(join(PROJECT_ROOT, 'docs/报告可用的组件.md'), 'utf8'), componentsDoc());
});

test('docs/部署.md gives the web server the policy the pages are tested under', async () => {
  assert.equal(await readFile(join(PROJECT_ROOT, 'docs/部署.md'), 'utf8'), deployDoc());
});
