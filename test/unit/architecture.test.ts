// The import rules of ARCHITECTURE.md are enforced by lint: a page that
// imports a check, or the model importing a page, fails `npm test`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import { PROJECT_ROOT } from '../../src/config.ts';

const eslint = new ESLint({ cwd: PROJECT_ROOT });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(PROJECT_ROOT, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

test('a page that imports a check fails lint', async () => {
  const errors = await boundaryErrors(
    'src/pages/bad-example.ts',
    "import { failed } from '../checks/index.ts';\nexport const x = failed;\n",
  );
  assert.equal(errors.length, 1);
  assert.match(errors[0] ?? '', /ARCHITECTURE\.md/);
});

test('a component that imports the build, or the model that imports a page, fails lint', async () => {
  assert.equal(
    (
      await boundaryErrors(
        'src/components/page/Bad.ts',
        "import { siteStep } from '../../build/site-step.ts';\nexport const x = siteStep;\n",
      )
    ).length,
    1,
  );
  assert.equal(
    (await boundaryErrors('src/model/bad.ts', "import Page from '../pages/index.astro';\nexport const x = Page;\n"))
      .length,
    1,
  );
  assert.equal(
    (
      await boundaryErrors(
        'src/checks/bad.ts',
        "import { renderBody } from '../render/render-body.ts';\nexport const x = renderBody;\n",
      )
    ).length,
    1,
    'checks never format HTML',
  );
  assert.equal(
    (
      await boundaryErrors(
        'src/lib/bad.ts',
        "import { LAYOUT } from '../source/content-root.ts';\nexport const x = LAYOUT;\n",
      )
    ).length,
    1,
  );
});

test('allowed imports pass: a page importing the model, the model importing types of the renderer', async () => {
  assert.deepEqual(
    await boundaryErrors(
      'src/pages/good-example.ts',
      "import { getSite } from '../model/catalog.ts';\nexport const x = getSite;\n",
    ),
    [],
  );
  assert.deepEqual(
    await boundaryErrors(
      'src/model/good.ts',
      "import type { RenderedBody } from '../render/render-body.ts';\nexport type X = RenderedBody;\n",
    ),
    [],
  );
});
