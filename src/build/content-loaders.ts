// Astro content collections for npm run dev, astro check and the editor
// (editor-collections.ts), filled from our own reading of the content tree,
// never from Astro's: no report is compiled as MDX, no path in it resolved as
// an import, and YAML is read once, by src/source/. The loaders check and
// render the tree in the same bounded workers as `npm run check`, in the
// shape of a build's site input (src/model/site-input.ts), and reload it when
// a file changes. (`npm run build` defines no collections: it hands each
// astro build its site input.)
import type { Loader, LoaderContext } from 'astro/loaders';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentProblem } from '../model/content-problems.ts';
import type { SiteInput } from '../model/site-input.ts';
import { contentRoot } from '../config.ts';
import { asWritten } from '../figures/not-stated.ts';
import { contentIndex, scanContent } from '../scan/scan.ts';

/** What the pages show, and the errors that kept files out of it (shown on every page of the preview). */
interface Scanned {
  input: SiteInput;
  problems: ContentProblem[];
}

let current: Promise<Scanned> | undefined;

async function scanInput(logger: LoaderContext['logger']): Promise<Scanned> {
  const root = contentRoot();
  const scan = await scanContent(root, { render: true });
  const problems: ContentProblem[] = scan.findings
    .filter((f) => f.severity === 'error' && !f.acknowledged)
    .map(({ file, line, column, rule, message, hint }) => ({
      file,
      line,
      column,
      rule,
      message,
      ...(hint ? { hint } : {}),
    }));
  for (const f of problems) logger.warn(`${f.file}:${f.line}:${f.column} ${f.message}（${f.rule}）`);
  const content = contentIndex(scan);
  if (!content.site) throw new Error(`${root}/site.yaml 无法读取或有错误：请运行 npm run check 查看`);
  return {
    input: {
      part: 'all',
      site: content.site,
      departments: content.departments,
      reports: content.reports,
    },
    problems,
  };
}

function scanned(logger: LoaderContext['logger']): Promise<Scanned> {
  current ??= scanInput(logger);
  return current;
}

/** Every collection's refill, so one change of a content file reloads them all once. */
const refills = new Map<string, () => Promise<void>>();
let watching = false;

function watchContent(ctx: LoaderContext, refill: () => Promise<void>): void {
  refills.set(ctx.collection, refill);
  if (!ctx.watcher || watching) return;
  watching = true;
  const root = contentRoot();
  ctx.watcher.add(root);
  let timer: NodeJS.Timeout | undefined;
  ctx.watcher.on('all', (_event, path) => {
    if (!path.startsWith(root)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      current = undefined;
      void (async () => {
        for (const fill of refills.values()) await fill();
      })().catch((error: unknown) => ctx.logger.error(String(error)));
    }, 100);
  });
}

function loader(
  name: string,
  fill: (input: SiteInput, ctx: LoaderContext, problems: readonly ContentProblem[]) => Promise<void>,
): Loader {
  return {
    name: `gongkai-${name}`,
    async load(ctx) {
      const refill = async () => {
        const { input, problems } = await scanned(ctx.logger);
        ctx.store.clear();
        await fill(input, ctx, problems);
      };
      await refill();
      watchContent(ctx, refill);
    },
  };
}

/** Reports with their rendered bodies: entry `2023/kgxj`. */
export const reportsLoader = () =>
  loader('reports', async (input, { store, parseData, config }) => {
    // Editor support (astro sync: which schema checks which file) needs each file's path.
    const root = contentRoot();
    for (const report of input.reports) {
      if (!report.body) continue;
      const id = `${report.data.year}/${report.data.department}`;
      // Parsed again by the collection's schema: 原文未载 (null in the model) goes in as written.
      const data = await parseData({ id, data: asWritten(report.data) as unknown as Record<string, unknown> });
      store.set({
        id,
        data,
        // The report's change history and PDF travel with its body (not in data, which is the validated frontmatter).
        rendered: {
          html: report.body.html,
          metadata: {
            headings: report.body.headings,
            history: report.history ?? [],
            ...(report.pdf ? { pdf: report.pdf } : {}),
          },
        },
        filePath: relative(fileURLToPath(config.root), join(root, report.file)),
      });
    }
  });

export const departmentsLoader = () =>
  loader('departments', async (input, { store, parseData }) => {
    for (const department of input.departments) {
      const data = await parseData({ id: department.id, data: { ...department } });
      store.set({ id: department.id, data });
    }
  });

export const siteLoader = () =>
  loader('site', async (input, { store, parseData }) => {
    store.set({ id: 'site', data: await parseData({ id: 'site', data: { id: 'site', ...input.site } }) });
  });

/** The errors `npm run check` would report, one entry each: the preview shows them on every page. */
export const problemsLoader = () =>
  loader('problems', async (_input, { store, parseData }, problems) => {
    for (const [i, problem] of problems.entries()) {
      const id = String(i).padStart(4, '0');
      store.set({ id, data: await parseData({ id, data: { ...problem } }) });
    }
  });
