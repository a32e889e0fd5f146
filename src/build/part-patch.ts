// A part rebuilt from its previous build when only a few departments changed:
// their pages are rendered anew (a 'reports' build of just those departments,
// as a site built in parts makes them), the catalogue's pages too when what
// they show changed (then one 'web' build handed every report, with bodies
// for those departments' alone), and every other file is the previous
// build's. A department's pages depend on that department alone (a site built
// in parts is byte for byte the site built in one), so the patched part is the
// part a full render makes; test/cli/part-patch.test.ts compares the two.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { linkOrCopyAll } from '../lib/link-or-copy.ts';
import { partOwns, renderedAnew, type InputReport, type SiteInput, type SitePart } from '../model/site-input.ts';
import { codeVersion } from '../scan/code-version.ts';
import type { BuildContext } from './context.ts';
import { adoptRenderer, linkRenderer, rendererKey, rendererOf } from './kept-renderer.ts';
import {
  inputFor,
  partFiles,
  renderedWithKept,
  renderPart,
  writeInput,
  type PlannedBuild,
  type Timing,
} from './part-builds.ts';
import { cachedPart, partDigestFile, partSums, partsNewestFirst } from './part-cache.ts';
import { readManifest, sha256File } from './sha256sums.ts';

/** What a part was built from, in digests: enough to tell which departments changed since. */
export interface PartDigest {
  kind: SitePart;
  id: string;
  printPages: boolean;
  /** Everything every page of the part may show: the code, the site, whether print pages are made. */
  shared: string;
  departments: Record<string, string>;
  reports: Record<string, { department: string; page: string; catalogue: string }>;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** A report as the catalogue's pages show it: its figures and PDF; not its body nor its 版本记录. */
const catalogueView = ({ body: _b, media: _m, history: _h, revision: _r, ...figures }: InputReport) => figures;

export async function partDigest(input: SiteInput, id: string): Promise<PartDigest> {
  const { reports, departments, ...rest } = input;
  return {
    kind: input.part,
    id,
    printPages: input.printPages === true,
    shared: sha(`${await codeVersion()}\0${JSON.stringify(rest)}`),
    departments: Object.fromEntries(departments.map((d) => [d.id, sha(JSON.stringify(d))])),
    reports: Object.fromEntries(
      reports.map((r) => [
        r.file,
        {
          department: r.data.department,
          page: sha(JSON.stringify(r)),
          catalogue: sha(JSON.stringify(catalogueView(r))),
        },
      ]),
    ),
  };
}

export const writeDigest = (dir: string, digest: PartDigest) => writeFile(partDigestFile(dir), JSON.stringify(digest));

/** Past this share of a part's reports, rendering the part whole is as quick as patching it. */
const PATCH_AT_MOST = 0.25;

export interface PatchPlan {
  /** The departments whose pages are rendered anew. */
  departments: string[];
  /** Their reports (every year: a department's page shows them all). */
  reports: string[];
  /** Whether the catalogue's pages are rendered anew (a part that has them, and what they show changed). */
  catalogue: boolean;
}

const sameKeys = (a: object, b: object) => {
  const x = Object.keys(a);
  return x.length === Object.keys(b).length && x.every((k) => Object.hasOwn(b, k));
};

/** Which pages of `before`'s part must be rendered anew to make `now`'s; undefined when it must be rendered whole. */
export function patchPlan(before: PartDigest, now: PartDigest): PatchPlan | undefined {
  if (before.kind !== now.kind || before.id !== now.id || before.printPages !== now.printPages) return undefined;
  if (before.shared !== now.shared) return undefined;
  if (!sameKeys(before.departments, now.departments) || !sameKeys(before.reports, now.reports)) return undefined;
  const changed = new Set<string>();
  let catalogue = false;
  for (const [id, digest] of Object.entries(now.departments))
    if (before.departments[id] !== digest) {
      changed.add(id);
      catalogue = true;
    }
  for (const [file, r] of Object.entries(now.reports)) {
    const old = before.reports[file];
    if (old?.department !== r.department) return undefined;
    if (old.page !== r.page) changed.add(r.department);
    if (old.catalogue !== r.catalogue) catalogue = true;
  }
  const reports = Object.entries(now.reports)
    .filter(([, r]) => changed.has(r.department))
    .map(([file]) => file);
  if (reports.length > Object.keys(now.reports).length * PATCH_AT_MOST) return undefined;
  return { departments: [...changed].sort(), reports, catalogue: catalogue && now.kind === 'web' };
}

export interface PatchBase {
  dir: string;
  plan: PatchPlan;
}

/**
 * The cached build of this part to patch: the most recently used one that
 * will do. Every build marks the parts it uses (cachedPart), so that is
 * nearly always the part the last build made, the closest to this one. The
 * search stops there: after an afternoon of edits the cache holds a build of
 * the part per edit (kept an hour, pruneParts), and reading all their digests
 * took about 0.6 s of a one-report rebuild with forty of them.
 */
export async function findBase(cacheDir: string, digest: PartDigest): Promise<PatchBase | undefined> {
  for (const dir of partsNewestFirst(cacheDir)) {
    const before = await readFile(partDigestFile(dir), 'utf8')
      .then((text) => JSON.parse(text) as PartDigest)
      .catch(() => undefined); // none (not a web, report or print part), or unreadable: not a base
    const plan = before && patchPlan(before, digest);
    // Marked as used, so no build prunes it while its files are taken.
    if (plan && (await cachedPart(cacheDir, basename(dir)))) return { dir, plan };
  }
  return undefined;
}

/**
 * What a patch renders: with the catalogue (a web part whose catalogue
 * changed), the web part's kind handed every report but with the bodies of
 * the changed departments' reports alone, so one Astro start and one bundle
 * make the catalogue's pages and theirs; else those departments' pages.
 */
function patchRender(
  ctx: BuildContext,
  kind: SitePart,
  plan: PatchPlan,
): { kind: SitePart; input: SiteInput } | undefined {
  const fresh = new Set(plan.departments);
  if (plan.catalogue) {
    const reports = ctx.content.reports.map((r) => (fresh.has(r.data.department) ? r : { file: r.file, data: r.data }));
    return { kind: 'web', input: inputFor(ctx, 'web', reports, ctx.content.departments) };
  }
  if (!plan.reports.length) return undefined;
  // A print part's pages are print pages; a report part's, report and department pages.
  const pagesKind: SitePart = kind === 'print' ? 'print' : 'reports';
  const byFile = new Map(ctx.content.reports.map((r) => [r.file, r]));
  const reports = plan.reports.flatMap((f) => byFile.get(f) ?? []);
  const departments = ctx.content.departments.filter((d) => fresh.has(d.id));
  return { kind: pagesKind, input: inputFor(ctx, pagesKind, reports, departments) };
}

/**
 * Makes the part `b` in `temp` from `base`: renders what the plan says (in
 * `work`, a folder the caller removes), takes the rest from the base. Returns
 * the part's files with their hashes, or undefined when a render gave a
 * shared file that differs from the base's (then the part is rendered whole).
 */
export async function patchPart(
  ctx: BuildContext,
  b: PlannedBuild & { digest: PartDigest },
  base: PatchBase,
  temp: string,
  work: string,
  timing: Pick<Timing, 'kept'>,
): Promise<Map<string, string> | undefined> {
  const { plan } = base;
  const { printPages } = b.digest;
  const render = patchRender(ctx, b.job.kind, plan);
  const out = join(work, 'pages');
  const baseRenderer = rendererOf(base.dir);
  // Goes on to the patched part: the bundle of the same code and config.
  let renderer = baseRenderer;
  if (render) {
    await mkdir(work, { recursive: true });
    const { file: inputFile } = await writeInput(work, render.kind, render.input);
    // Within the limits of the part it patches.
    const job = { job: { kind: render.kind, id: b.job.id, inputFile }, key: b.key, files: plan.reports };
    const wanted = { departments: plan.departments, catalogue: plan.catalogue };
    const kept =
      baseRenderer !== undefined &&
      (await renderedWithKept(ctx, job, out, b.job.kind, { rendererDir: baseRenderer, wanted }));
    if (kept) timing.kept++;
    else {
      await renderPart(job, out, ctx.settings.site, b.job.kind);
      // This build's, not the one that failed.
      renderer = adoptRenderer(
        ctx.settings.site.cacheDir,
        out,
        ctx.content.site && (await rendererKey(ctx.content.site)),
      );
    }
  }
  const files = render ? await partFiles(out) : [];

  const baseSums = (await readManifest(partSums(base.dir))).hashes;
  const anew = (file: string) => renderedAnew(file, plan);
  const made = new Map<string, { from: string; hash: string }>();
  for (const file of files) {
    if (!partOwns(render?.kind ?? b.job.kind, file, printPages)) continue;
    const hash = await sha256File(join(out, file));
    if (anew(file)) made.set(file, { from: join(out, file), hash });
    // Shared assets, and the print pages' common files: the same as the base's, or the part is rendered whole.
    else if (baseSums.get(file) !== hash) return undefined;
  }
  const taken = [...baseSums].filter(([file]) => !anew(file));
  linkOrCopyAll(taken.map(([file]) => [join(base.dir, file), join(temp, file)] as const));
  linkOrCopyAll([...made].map(([file, { from }]) => [from, join(temp, file)] as const));
  if (renderer) linkRenderer(temp, renderer);
  const sums = new Map([...taken, ...[...made].map(([file, { hash }]) => [file, hash] as const)]);
  return new Map([...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
