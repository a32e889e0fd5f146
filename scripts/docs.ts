// npm run docs: regenerates the documentation that is derived from code.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXIT, run } from './lib/cli.ts';
import { PROJECT_ROOT } from './lib/paths.ts';
import { rulesDoc } from './lib/rules-doc.ts';

run(async () => {
  await writeFile(join(PROJECT_ROOT, 'docs/检查规则.md'), rulesDoc());
  console.log('已更新 docs/检查规则.md');
  return EXIT.ok;
});
