// npm run docs: regenerates the documentation that is derived from code.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXIT, run } from './lib/cli.ts';
import { PROJECT_ROOT } from './lib/paths.ts';
import { componentsDoc, rulesDoc } from './lib/rules-doc.ts';

run(async () => {
  await writeFile(join(PROJECT_ROOT, 'docs/检查规则.md'), rulesDoc());
  await writeFile(join(PROJECT_ROOT, 'docs/报告可用的组件.md'), componentsDoc());
  console.log('已更新 docs/检查规则.md、docs/报告可用的组件.md');
  return EXIT.ok;
});
