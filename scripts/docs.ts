// npm run docs: regenerates the documentation and editor files that are derived from code.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { commandArgs } from '../src/cli/args.ts';
import { EXIT, run } from '../src/cli/run.ts';
import { editorFiles } from '../src/docs/editor-files.ts';
import { PROJECT_ROOT } from '../src/config.ts';
import { deployDoc } from '../src/docs/deploy-doc.ts';
import { componentsDoc, rulesDoc } from '../src/docs/rules-doc.ts';

const USAGE = 'npm run docs';

run(async () => {
  commandArgs({ options: {} }, USAGE);
  await writeFile(join(PROJECT_ROOT, 'docs/检查规则.md'), rulesDoc());
  await writeFile(join(PROJECT_ROOT, 'docs/报告可用的组件.md'), componentsDoc());
  await writeFile(join(PROJECT_ROOT, 'docs/部署.md'), deployDoc());
  console.log('已更新 docs/检查规则.md、docs/报告可用的组件.md、docs/部署.md');
  for (const [file, text] of Object.entries(editorFiles())) {
    await mkdir(dirname(join(PROJECT_ROOT, file)), { recursive: true });
    await writeFile(join(PROJECT_ROOT, file), text);
    console.log(`已更新 ${file}`);
  }
  return EXIT.ok;
});
