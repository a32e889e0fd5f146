// A part's renderer, kept for its patches. `astro build` bundles the site's
// code (Vite, Rolldown) and then renders each page with that bundle. The
// bundle depends on the code and the config alone, never on the site input
// (pages read it at run time: readSiteInput), so a patch of the same part,
// same code, same site.yaml (part-patch.ts: the digests' `shared`) can render
// its few pages with the bundle the part was built with, without bundling
// again: about 2 s of a one-report rebuild's 3 s render. For the same reason
// the parts of one build after the first are rendered whole with the first
// one's bundle (part-builds.ts, renderWholeWithKept): at 10,000 reports, 16
// parts, the parts' render time summed went from 159 s to 97 s.
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
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { PROJECT_ROOT } from '../config.ts';
import { listFiles, listFilesSync } from '../lib/list-files.ts';
import { SHARED_OUTPUT, type PatchedPages } from '../model/site-input.ts';
import type { Site } from '../schema/site.ts';
import { codeVersion } from '../scan/code-version.ts';
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
 * Where the cache keeps renderers, each once, named by a hash of its files; a
 * part's `.renderer` is a link to its own. A patch imports the renderer from
 * the same place however many patches came before, so Node's compile cache
 * (NODE_COMPILE_CACHE) knows its code; moved along with each patched part, it
 * was compiled afresh every time, and the compile cache grew by a copy each time.
 */
const RENDERERS = 'renderers';
/** Beside the renderers: for each renderer key (rendererKey), the newest renderer made with it. */
const BY_KEY = '.by-key';
/** In a renderer: Astro's client assets (`_astro/`) from the build that made it, for the parts it renders whole. */
const CLIENT = 'client';

/**
 * What a renderer's bundle is made from: the code (codeVersion: src/, the
 * config, the locked packages) and the site's settings (site.yaml; its
 * address is in Astro's config). A renderer another build made with the same
 * key renders what an `astro build` would, so a part rendered whole needs no
 * `astro build` when the cache has one (the tests compare the sites, byte for byte).
 */
export async function rendererKey(site: Site): Promise<string> {
  return createHash('sha256')
    .update(`${await codeVersion()}\0${JSON.stringify(site)}`)
    .digest('hex')
    .slice(0, 24);
}

/** Where a renderer keeps the client assets of the build that made it (a folder holding `_astro/`). */
export const rendererAssets = (kept: string) => join(kept, CLIENT);

/** Whether a renderer can render a part whole: it has its record and its client assets. */
export const rendersWhole = (kept: string) => existsSync(join(kept, RECORD)) && existsSync(join(kept, CLIENT));

/** The newest renderer in the cache made with `key` that can render a part whole, if any. */
export function rendererFor(cacheDir: string, key: string): string | undefined {
  try {
    const kept = realpathSync(join(cacheDir, RENDERERS, readFileSync(join(cacheDir, RENDERERS, BY_KEY, key), 'utf8')));
    return rendersWhole(kept) ? kept : undefined;
  } catch {
    return undefined; // none made with this key, or pruned since
  }
}

/** The renderer a part links to (its real folder), if it kept one. */
export function rendererOf(partDir: string): string | undefined {
  return hasRenderer(partDir) ? realpathSync(join(partDir, RENDERER_DIR)) : undefined;
}

/** Makes `dir`'s `.renderer` a link to the kept renderer `kept`. */
export function linkRenderer(dir: string, kept: string): void {
  rmSync(join(dir, RENDERER_DIR), { recursive: true, force: true });
  symlinkSync(relative(dir, kept), join(dir, RENDERER_DIR));
  // Used now: not pruned while parts link to it (pruneRenderers).
  const now = new Date();
  utimesSync(join(kept, RECORD), now, now);
}

/**
 * Moves the renderer an `astro build` left in `dir` (the part it built) to the
 * cache's renderers, with the build's client assets, where an identical one
 * may already be, and links it from `dir`; with `key`, it is the renderer for
 * that key from now on. Returns where it is, or undefined when `dir` has none.
 * Keeping a renderer is a saving, never a reason for a build to fail: a
 * renderer that cannot be moved stays where it is, a folder of the part's own.
 */
export function adoptRenderer(cacheDir: string, dir: string, key?: string): string | undefined {
  const own = join(dir, RENDERER_DIR);
  if (!lstatSync(own, { throwIfNoEntry: false })?.isDirectory() || !existsSync(join(own, RECORD)))
    return rendererOf(dir);
  try {
    for (const file of listFilesSync(dir).filter((f) => SHARED_OUTPUT.test(f))) {
      mkdirSync(dirname(join(own, CLIENT, file)), { recursive: true });
      copyFileSync(join(dir, file), join(own, CLIENT, file));
    }
    mkdirSync(join(own, CLIENT), { recursive: true });
    const hash = createHash('sha256');
    for (const file of listFilesSync(own))
      hash
        .update(`${file}\0`)
        .update(readFileSync(join(own, file)))
        .update('\0');
    const kept = join(cacheDir, RENDERERS, hash.digest('hex').slice(0, 24));
    if (!existsSync(join(kept, RECORD))) {
      mkdirSync(dirname(kept), { recursive: true });
      try {
        renameSync(own, kept);
      } catch (error) {
        // Another build put the same one there meanwhile.
        if (!existsSync(join(kept, RECORD))) throw error;
      }
    }
    linkRenderer(dir, kept);
    if (key) {
      // Replaced whole (a build beside this one may be reading it).
      const byKey = join(cacheDir, RENDERERS, BY_KEY);
      mkdirSync(byKey, { recursive: true });
      writeFileSync(join(byKey, `${key}.${process.pid}.tmp`), basename(kept));
      renameSync(join(byKey, `${key}.${process.pid}.tmp`), join(byKey, key));
    }
    return realpathSync(kept);
  } catch {
    return rendererOf(dir);
  }
}

/** A renderer that failed to render is not used again; the `astro build` that takes over makes a sound one. */
export function dropRenderer(kept: string): void {
  rmSync(kept, { recursive: true, force: true });
}

/**
 * Removes the kept renderers no part in the cache links to, once unused for
 * `unusedForMs` (a build running alongside may have just kept one and not yet
 * linked it).
 */
export function pruneRenderers(cacheDir: string, unusedForMs: number): void {
  const linked = new Set(partsNewestFirst(cacheDir).flatMap((dir) => rendererOf(dir) ?? []));
  let root: string;
  let names: string[];
  try {
    root = realpathSync(join(cacheDir, RENDERERS));
    names = readdirSync(root);
  } catch {
    return; // none kept yet
  }
  const now = Date.now();
  for (const name of names) {
    if (name === BY_KEY) continue;
    const dir = join(root, name);
    if (linked.has(dir)) continue;
    const used = statSync(join(dir, RECORD), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (now - used > unusedForMs) rmSync(dir, { recursive: true, force: true });
  }
  // A key whose renderer is gone names nothing.
  let keys: string[];
  try {
    keys = readdirSync(join(root, BY_KEY));
  } catch {
    return; // no renderer made with a key yet
  }
  for (const key of keys)
    if (key.endsWith('.tmp') || !rendererFor(cacheDir, key)) rmSync(join(root, BY_KEY, key), { force: true });
}

/**
 * The renderer of the part of pages the last build used, if it kept one:
 * then a build after an edit most likely patches with it, and needs no
 * Astro. Asked as the build starts (a few stats), to spare the process
 * started ahead loading Astro (about 2 CPU-s, while the content is checked
 * beside it): it loads this renderer instead.
 */
export function likelyRenderer(cacheDir: string): string | undefined {
  // A part of pages: the search index's parts render nothing, and have no digest.
  const pages = partsNewestFirst(cacheDir).find((dir) => existsSync(partDigestFile(dir)));
  return pages === undefined ? undefined : rendererOf(pages);
}

export interface KeptRenderJob {
  step: 'render-kept';
  /** The part whose renderer renders: its `.renderer/` folder. */
  rendererDir: string;
  inputFile: string;
  outDir: string;
  /** The pages to render (site-relative output files), among those the input makes; without it, all of them. */
  wanted?: PatchedPages;
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

interface LoadedRenderer {
  record: KeptRecord;
  app: BuildApp;
  StaticPaths: new (app: BuildApp) => { getAll(): Promise<{ pathname: string; route: RouteData }[]> };
}

const loaded = new Map<string, Promise<LoadedRenderer>>();

/** A kept renderer's code and record, loaded once per process (preloadRenderer, then renderKept). */
function loadRenderer(dir: string): Promise<LoadedRenderer> {
  let load = loaded.get(dir);
  if (!load) {
    load = (async () => {
      const record = JSON.parse(await readFile(join(dir, RECORD), 'utf8')) as KeptRecord;
      if (record.layout !== LAYOUT) throw new Error(`保留的渲染程序格式不符（${record.layout}）`);
      const [{ app }, { StaticPaths }] = await Promise.all([
        import(pathToFileURL(join(dir, record.entry)).href) as Promise<{ app: BuildApp }>,
        import('astro/runtime/prerender/static-paths.js') as unknown as Promise<Pick<LoadedRenderer, 'StaticPaths'>>,
      ]);
      return { record, app, StaticPaths };
    })();
    loaded.set(dir, load);
  }
  return load;
}

/**
 * In the process started ahead (site-process.ts): loads the renderer the
 * build's patch most likely renders with while the content is checked, and
 * what its render needs (Node's fetch classes, about 0.1 s when first used).
 * Loading runs no page and reads no site input.
 */
export function preloadRenderer(dir: string): void {
  void loadRenderer(dir).catch(() => {}); // renderKept says why
  void Request;
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
  const { record, app, StaticPaths } = await loadRenderer(job.rendererDir);
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
