// A part's renderer, kept for its patches. `astro build` bundles the site's
// code (Vite, Rolldown) and then renders each page with that bundle. The
// bundle depends on the code and the config alone, never on the site input
// (pages read it at run time: readSiteInput), so a patch of the same part,
// same code, same site.yaml (part-patch.ts: the digests' `shared`) can render
// its few pages with the bundle the part was built with, without bundling
// again: about 2 s of a one-report rebuild's 3 s render.
//
// The bundle is Astro's own prerender bundle, which Astro deletes once the
// pages are rendered: a prerenderer wrapping Astro's default one (the
// `setPrerenderer` hook) moves it into the part's output as `.renderer/`,
// with what the bundle is told by the build at render time (the pages'
// stylesheets, the build's origin). A patch imports it and renders the pages
// it needs as Astro's generate step does (Astro 7's core/build/generate.js).
// The patched part must be the part a full render makes; the tests and
// `npm run bench` compare a rebuilt site with a clean build, byte for byte.
//
// What the bundle is told at render time is Astro's internal business (the
// types below mirror Astro 7.3's core/build/app.js and environment.js): the
// build's internals answer a page's stylesheets and scripts, its options the
// build's origin and scripts. A renderer that no longer fits (another Astro,
// say) fails, and the patch is rendered by an `astro build` as before
// (part-patch.ts); the tests assert that the kept one is used. The site uses
// no astro:assets images, whose files Astro's generate step would make after
// the pages.
import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { PROJECT_ROOT } from '../config.ts';
import { listFiles } from '../lib/list-files.ts';
import type { PatchedPages } from '../model/site-input.ts';
import { pageFile, siteFile } from '../model/urls.ts';
import { partDigestFile, partsNewestFirst } from './part-cache.ts';

/** Beside a part's pages in the site cache; a dot-folder, so never merged into the site. */
export const RENDERER_DIR = '.renderer';
const RECORD = 'renderer.json';
/** Astro's prerender entry: `prerender-entry.<hash>.mjs` in the prerender folder. */
const ENTRY = /^prerender-entry\.[\w-]+\.mjs$/;
/** The version of the record's layout; a renderer kept by another is not used. */
const LAYOUT = 1;

interface KeptRecord {
  layout: number;
  entry: string;
  origin: string;
  /** Each page's stylesheets, by Astro's page key: what the build tells the bundle (headElements). */
  styles: [string, unknown[]][];
  entries: [string, string][];
  scripts: unknown[];
}

interface BuildApp {
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  getOptions(): { origin: string; settings: { scripts: unknown[] } };
  render(request: Request, options: { routeData: RouteData }): Promise<Response>;
}
interface RouteData {
  type: string;
  component: string;
}
interface BuildInternals {
  pagesByKeys: Map<string, { styles: unknown[] }>;
  entrySpecifierToBundleMap: Map<string, string>;
}
/**
 * The integration an `astro build` of a part runs with: once the pages are
 * rendered, the bundle that rendered them is moved to `<outDir>/.renderer/`.
 */
export function keepRenderer(): AstroIntegration {
  let prerenderDir = '';
  let outDir = '';
  return {
    name: 'gongkai:keep-renderer',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        prerenderDir = join(outDir, '.prerender');
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((astros: AstroPrerenderer & { app?: BuildApp }): AstroPrerenderer => {
          let internals: BuildInternals | undefined;
          let entry: string | undefined;
          return {
            name: 'gongkai:keep-renderer',
            async setup() {
              // Keeping the renderer is a saving, never a reason for a build to fail: whatever does not fit, it is not kept.
              try {
                entry = readdirSync(prerenderDir).find((f) => ENTRY.test(f));
                // Astro's prerenderer imports the same module next, and hands its app the build's internals.
                if (entry) {
                  const { app } = (await import(pathToFileURL(join(prerenderDir, entry)).href)) as { app: BuildApp };
                  const set = app.setInternals.bind(app);
                  app.setInternals = (value: unknown) => {
                    internals = value as BuildInternals;
                    set(value);
                  };
                }
              } catch {
                entry = undefined;
              }
              await astros.setup?.();
            },
            getStaticPaths: () => astros.getStaticPaths(),
            render: (request, options) => astros.render(request, options),
            async teardown() {
              await astros.teardown?.();
              const app = astros.app;
              if (!entry || !internals || !app) return;
              try {
                const record: KeptRecord = {
                  layout: LAYOUT,
                  entry,
                  origin: app.getOptions().origin,
                  styles: [...internals.pagesByKeys].map(([key, page]) => [key, page.styles]),
                  entries: [...internals.entrySpecifierToBundleMap],
                  scripts: app.getOptions().settings.scripts,
                };
                writeFileSync(join(prerenderDir, RECORD), JSON.stringify(record));
                // Astro removes its prerender folder next; moved, it is kept.
                renameSync(prerenderDir, join(outDir, RENDERER_DIR));
              } catch {
                // Not kept: the part's patches are rendered by an astro build.
              }
            },
          };
        });
      },
    },
  };
}

/** Whether a part in the cache kept the renderer it was built with. */
export const hasRenderer = (partDir: string) => existsSync(join(partDir, RENDERER_DIR, RECORD));

/**
 * Whether the part of pages the last build used kept its renderer: then a build after
 * an edit most likely patches with it, and needs no Astro. Asked as the build
 * starts (a few stats), to spare the process started ahead loading Astro
 * (about 2 CPU-s, while the content is checked beside it).
 */
export function keptRendererLikely(cacheDir: string): boolean {
  // A part of pages: the search index's parts render nothing, and have no digest.
  const pages = partsNewestFirst(cacheDir).find((dir) => existsSync(partDigestFile(dir)));
  return pages !== undefined && hasRenderer(pages);
}

export interface KeptRenderJob {
  step: 'render-kept';
  /** The part whose renderer renders: its `.renderer/` folder. */
  rendererDir: string;
  inputFile: string;
  outDir: string;
  /** The pages to render (site-relative output files), among those the input makes. */
  wanted: PatchedPages;
}

/** Astro's pages named by their status (Astro's STATUS_CODE_PAGES): written as 404.html, not 404/index.html. */
const STATUS_PAGES = new Set(['/404', '/500']);
const hasExtension = (path: string) => /\.[^/]+$/.test(path);

/** Where Astro writes a page or an endpoint (build.format 'directory'; Astro's getOutFolder and getOutFile). */
function outputFile(pathname: string, route: RouteData): string {
  if (route.type === 'endpoint') return siteFile(pathname);
  if (route.type !== 'page') throw new Error(`无法用保留的渲染程序生成 ${route.type} 类路由 ${route.component}`);
  if (STATUS_PAGES.has(pathname)) return `${siteFile(pathname)}.html`;
  return pageFile(pathname.endsWith('/') ? pathname : `${pathname}/`);
}

/** The request Astro's generate step renders a path with (trailingSlash 'always', base '/'; Astro's getUrlForPath). */
function requestFor(origin: string, pathname: string, route: RouteData): Request {
  const path = pathname.replace(/^\//, '').replace(/\/$/, '');
  const slash = path === '' || route.type !== 'endpoint' || !hasExtension(path) ? '/' : '';
  return new Request(new URL(`/${path}${path ? slash : ''}`, origin));
}

/**
 * Renders the pages `select` picks, of those the job's input makes, with a
 * part's kept renderer, into the job's folder; in a part process, never in
 * the build's (the bundle and the input are process-wide).
 */
export async function renderKept(
  job: Pick<KeptRenderJob, 'rendererDir' | 'outDir'>,
  select: (file: string) => boolean,
): Promise<void> {
  const record = JSON.parse(await readFile(join(job.rendererDir, RECORD), 'utf8')) as KeptRecord;
  if (record.layout !== LAYOUT) throw new Error(`保留的渲染程序格式不符（${record.layout}）`);
  const { app } = (await import(pathToFileURL(join(job.rendererDir, record.entry)).href)) as { app: BuildApp };
  app.setInternals({
    pagesByKeys: new Map(record.styles.map(([key, styles]) => [key, { styles }])),
    entrySpecifierToBundleMap: new Map(record.entries),
  });
  const warn = (message: string) => process.stderr.write(`${message}\n`);
  app.setOptions({
    origin: record.origin,
    settings: { scripts: record.scripts },
    logger: {
      options: {
        destination: {
          write(event: { level: string; message: string }) {
            if (event.level === 'error' || event.level === 'warn') warn(event.message);
            return true;
          },
        },
      },
    },
  });
  const { StaticPaths } = (await import('astro/runtime/prerender/static-paths.js')) as unknown as {
    StaticPaths: new (app: BuildApp) => { getAll(): Promise<{ pathname: string; route: RouteData }[]> };
  };
  for (const { pathname, route } of await new StaticPaths(app).getAll()) {
    const file = outputFile(pathname, route);
    if (!select(file)) continue;
    const response = await app.render(requestFor(record.origin, pathname, route), { routeData: route });
    // As Astro's generate step: a page's status is not its file's concern (404.html is a 404), a redirect is.
    if (response.status >= 300 && response.status < 400)
      throw new Error(`保留的渲染程序生成 ${file} 时得到重定向（${response.status}）`);
    if (!response.body) continue;
    const dest = join(job.outDir, file);
    await mkdir(dirname(dest), { recursive: true });
    await writeFile(dest, Buffer.from(await response.arrayBuffer()));
  }
  // As Astro's client build does (copyPublicDir): the site's public files, the catalogue's.
  const publicDir = join(PROJECT_ROOT, 'public');
  for (const file of await listFiles(publicDir))
    if (select(file)) {
      await mkdir(dirname(join(job.outDir, file)), { recursive: true });
      await copyFile(join(publicDir, file), join(job.outDir, file));
    }
}
