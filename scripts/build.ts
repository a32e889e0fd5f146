// npm run build [-- --out <dir>]
// Checks the content, then builds the website into a staging folder and swaps
// it into dist/ only when every step succeeded. Exit 1 when the content has
// errors: nothing is published then, and the previous dist/ stays as it was.
import { parseArgs } from 'node:util';
import { checkContent, failed } from '../src/checks/index.ts';
import { contentRoot } from '../src/source/content-root.ts';
import { loadContent } from '../src/source/load.ts';
import { discardDir, publishDir, stagingDir } from './lib/atomic-dir.ts';
import { EXIT, run } from './lib/cli.ts';
import { formatHuman } from './lib/format-findings.ts';
import { distDir } from './lib/paths.ts';
import { buildSite } from './lib/site-build.ts';

const seconds = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} 秒`;

run(async () => {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const dest = distDir(values.out);
  const root = contentRoot();

  let t = performance.now();
  const result = checkContent(await loadContent(root));
  if (failed(result)) {
    process.stderr.write(formatHuman(result, process.cwd(), process.stderr.isTTY));
    process.stderr.write('内容有错误，未发布。请按上面的提示修改后重新运行 npm run build。\n');
    return EXIT.problems;
  }
  console.log(`✓ 检查 ${result.reports} 份报告（${seconds(t)}）`);

  const staging = await stagingDir(dest);
  try {
    t = performance.now();
    await buildSite(root, staging);
    console.log(`✓ 网站（${seconds(t)}）`);
    await publishDir(staging, dest);
  } catch (error) {
    await discardDir(staging);
    throw error;
  }
  console.log(`已发布到 ${dest}`);
  return EXIT.ok;
});
