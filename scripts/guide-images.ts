// node scripts/guide-images.ts [名称…] — remakes the screenshots of the staff
// guide (docs/编辑指南.md) in docs/images/: the preview of a report in the
// browser, a failed check in a terminal, the change summary a reviewer sees,
// and a report imported from real-looking documents (原文未写, computed values,
// the score sheet). Names (preview, check-error, diff-comment, not-stated,
// score-sheet) limit it to those. Run by hand after the pages or the messages
// change; look at the pictures.
import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { scanContent } from '../src/scan/scan.ts';
import { launchChromium } from '../src/print/chromium.ts';
import { diffRevisions } from '../src/diff/diff-revisions.ts';
import { renderMarkdown } from '../src/diff/summary-markdown.ts';
import { formatHuman } from '../src/cli/format-findings.ts';
import { childEnv, PROJECT_ROOT } from '../src/config.ts';
import { importDocument } from '../src/import/draft.ts';
import { serveDir } from '../src/lib/static-server.ts';

const OUT = join(PROJECT_ROOT, 'docs/images');
const REPORT = 'reports/2023/kgxj.mdx';

/** The edit a member of staff makes in the guide: 决算数 in the data, but not in the text. */
async function editedCopy(): Promise<{ dir: string; content: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-guide-'));
  const content = join(dir, 'content');
  await cp(join(PROJECT_ROOT, 'content'), content, { recursive: true });
  return { dir, content };
}

async function edit(content: string): Promise<void> {
  const file = join(content, REPORT);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace('  final: 825.75 # 年终决算数', "  final: '826.00' # 年终决算数"));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** ANSI colours of the check output as HTML spans. */
function ansiToHtml(text: string): string {
  const classes: Record<string, string> = { '1;4': 'path', '31': 'error', '33': 'warning', '2': 'dim' };
  const ESC = String.fromCharCode(27);
  const pattern = new RegExp(`${ESC}\\[([\\d;]+)m([\\s\\S]*?)${ESC}\\[0m`, 'g');
  return escapeHtml(text).replace(pattern, (_m, code: string, inner: string) => {
    return `<span class="${classes[code] ?? ''}">${inner}</span>`;
  });
}

async function terminal(content: string, cwd: string): Promise<string> {
  const output = formatHuman(await scanContent(content, { cache: false }), cwd, true);
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
    body { margin: 0; background: #1e1e1e; }
    .window { margin: 16px; border-radius: 8px; overflow: hidden; box-shadow: 0 4px 16px #0008; width: 1180px; }
    .bar { background: #3c3c3c; color: #ccc; font: 13px 'Noto Sans CJK SC', sans-serif; padding: 6px 12px; }
    pre { margin: 0; padding: 14px 16px; background: #1e1e1e; color: #d4d4d4; white-space: pre-wrap;
      font: 14px/1.55 'Noto Sans Mono CJK SC', monospace; }
    .prompt { color: #6a9955; } .path { text-decoration: underline; font-weight: bold; }
    .error { color: #f14c4c; } .warning { color: #cca700; } .dim { color: #8a8a8a; }
  </style><div class="window"><div class="bar">终端 — 县级报告仓库</div><pre><span class="prompt">$</span> npm run check
${ansiToHtml(output)}<span class="prompt">$</span> </pre></div></html>`;
}

async function diffComment(dir: string, content: string): Promise<string> {
  const git = (args: string[]) =>
    execFileSync('git', ['-c', 'user.name=财务室', '-c', 'user.email=cws@example.cn', ...args], {
      cwd: dir,
      env: childEnv({ GIT_AUTHOR_DATE: '1719360000 +0800', GIT_COMMITTER_DATE: '1719360000 +0800' }),
    });
  git(['init', '-q', '-b', 'main']);
  git(['add', '-A']);
  git(['commit', '-q', '-m', '2023 年度报告']);
  await edit(content);
  const file = join(content, REPORT);
  const text = await readFile(file, 'utf8');
  await writeFile(
    file,
    text
      .replace('年终决算数825.75万元', '年终决算数826.00万元')
      .replace('  basic: 520.97 # 基本支出', '  basic: 521.22 # 基本支出')
      .replace('其中基本支出520.97万元', '其中基本支出521.22万元'),
  );
  const result = await diffRevisions(content, 'main');
  const html = String(
    await unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(renderMarkdown(result)),
  );
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
    body { margin: 0; background: #f6f8fa; font: 14px/1.6 'Noto Sans CJK SC', sans-serif; color: #1f2328; }
    .comment { margin: 16px; width: 860px; border: 1px solid #d1d9e0; border-radius: 6px; background: #fff; }
    .head { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; color: #59636e; }
    .head b { color: #1f2328; } .body { padding: 4px 16px 12px; }
    h2 { font-size: 20px; border-bottom: 1px solid #d1d9e0; padding-bottom: 6px; } h3 { font-size: 16px; }
    code { background: #eff1f3; border-radius: 4px; padding: 1px 4px; font: 12px 'Noto Sans Mono CJK SC', monospace; }
    blockquote { margin: 0; padding: 0 12px; color: #59636e; border-left: 4px solid #d1d9e0; }
    del { color: #d1242f; } strong { font-weight: 600; } sub { color: #59636e; }
  </style><div class="comment"><div class="head"><b>github-actions</b> bot 评论</div><div class="body">${html}</div></div></html>`;
}

/** Starts `astro dev` on a free port and waits until it answers. */
async function devServer(): Promise<{ url: string; stop: () => void }> {
  const port = 4400 + Math.floor(Math.random() * 200);
  const child = spawn(
    process.execPath,
    [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)],
    {
      cwd: PROJECT_ROOT,
      env: childEnv({ ASTRO_TELEMETRY_DISABLED: '1' }),
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/reports/2023/kgxj/`)).ok) return { url, stop: () => child.kill() };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error('astro dev did not start');
}

/**
 * Two documents of test/fixtures/import/ imported as staff would: the sparse
 * report with its 【待填】 written 原文未载, and the Hunan-style form with its
 * score sheet (its one missing figure written 原文未载 too).
 */
async function importedContent(): Promise<{ dir: string; content: string }> {
  const { dir, content } = await editedCopy();
  const departments = [
    { id: 'mzj', name: '测试县民政局' },
    { id: 'nyj', name: '测试县农业农村局' },
  ];
  for (const d of departments)
    await writeFile(join(content, 'departments', `${d.id}.yaml`), `id: ${d.id}\nname: ${d.name}\n`);
  for (const [file, id] of [
    ['sparse.txt', 'mzj'],
    ['hunan-form.txt', 'nyj'],
  ] as const) {
    const draft = await importDocument(join(PROJECT_ROOT, 'test/fixtures/import', file), { departments });
    await mkdir(join(content, 'reports/2023'), { recursive: true });
    await writeFile(join(content, `reports/2023/${id}.mdx`), draft.text.replace(/【待填(?:：[^】]*)?】/g, '原文未载'));
  }
  return { dir, content };
}

const wanted = process.argv.slice(2);
const make = (name: string) => wanted.length === 0 || wanted.includes(name);

await mkdir(OUT, { recursive: true });
const browser = await launchChromium();
try {
  if (make('preview') || make('check-error') || make('diff-comment')) await seedImages();
  if (make('not-stated') || make('score-sheet')) await importedImages();
} finally {
  await browser.close();
}

async function seedImages(): Promise<void> {
  const { dir, content } = await editedCopy();
  const server = await devServer();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 860 }, deviceScaleFactor: 1 });
    if (make('preview')) {
      await page.goto(`${server.url}/reports/2023/kgxj/`, { waitUntil: 'networkidle' });
      await page.screenshot({ path: join(OUT, 'preview.png') });
    }
    if (make('check-error')) {
      await edit(content);
      await page.setContent(await terminal(content, dir));
      await page.locator('.window').screenshot({ path: join(OUT, 'check-error.png') });
    }
    if (make('diff-comment')) {
      const fresh = await editedCopy();
      await page.setContent(await diffComment(fresh.dir, fresh.content));
      await page.locator('.comment').screenshot({ path: join(OUT, 'diff-comment.png') });
      await rm(fresh.dir, { recursive: true, force: true });
    }
    console.log(`已更新 ${OUT} 中的 preview.png、check-error.png、diff-comment.png`);
  } finally {
    server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** `npm run build` of a content tree (without PDFs) into `out`: the pages as published, styles and all. */
async function buildSite(content: string, out: string): Promise<void> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts/build.ts'), '--out', out], {
    cwd: PROJECT_ROOT,
    env: childEnv({ GONGKAI_CONTENT: content, GONGKAI_PDF: '0', ASTRO_TELEMETRY_DISABLED: '1' }),
    stdio: 'ignore',
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`npm run build failed (${code}) for ${content}`);
}

async function importedImages(): Promise<void> {
  const { dir, content } = await importedContent();
  await buildSite(content, join(dir, 'dist'));
  const server = await serveDir(join(dir, 'dist'));
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1 });
    if (make('not-stated')) {
      await page.goto(`${server.url}/reports/2023/mzj/`, { waitUntil: 'networkidle' });
      const top = await page.locator('h1').boundingBox();
      const panel = await page.locator('.key-figures').boundingBox();
      if (!top || !panel) throw new Error('the report page has no title or key figures');
      await page.screenshot({
        path: join(OUT, 'not-stated.png'),
        clip: { x: 0, y: Math.max(0, top.y - 16), width: 1000, height: panel.y + panel.height + 24 - top.y },
      });
    }
    if (make('score-sheet')) {
      await page.goto(`${server.url}/reports/2023/nyj/`, { waitUntil: 'networkidle' });
      await page.locator('table.score-sheet').screenshot({ path: join(OUT, 'score-sheet.png') });
    }
    console.log(`已更新 ${OUT} 中的 not-stated.png、score-sheet.png`);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
