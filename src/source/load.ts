// Reads a whole content tree once: site identity, the department registry and
// every report, each validated against its schema. Problems are collected, not
// thrown, so one bad file never hides the others.
import { mapLimited } from '../lib/map-limited.ts';
import type { Nodes, Root } from 'mdast';
import { departmentSchema, type Department } from '../schema/department.ts';
import { parseWithFriendlyErrors, type SchemaProblem } from '../schema/errors.ts';
import { reportSchema, type Report } from '../schema/report.ts';
import { siteSchema, type Site } from '../schema/site.ts';
import { countReportFiles, LAYOUT, REPORT_PATH } from './content-root.ts';
import { bodyUrls } from './body-urls.ts';
import { diskSource, syncDiskSource, UnsafeContentFile, type ContentSource, type Listing } from './content-source.ts';
import { loadMedia, type MediaFile } from './media.ts';
import { parseFrontmatter, splitFrontmatter, type Frontmatter } from './frontmatter.ts';
import { createBodyParser, type BodyParser } from './body-parser.ts';
import { lineIndex, type Position } from './position.ts';
import type { SourceProblem } from './problem.ts';
import { fieldBlock, proseBlocks, type ProseBlock } from './prose.ts';
import { fontFileProblems } from './font-files.ts';
import { decodeSource, tooLargeProblem, type ReadResult } from './read.ts';

/** A problem tied to a file of the tree (path relative to the content root). */
export interface FileProblem extends SourceProblem {
  file: string;
  severity: 'error' | 'warning';
}

export interface SourceFile<T> {
  /** Path relative to the content root, with forward slashes. */
  file: string;
  text: string;
  frontmatter: Frontmatter;
  /** The validated data; undefined when the schema rejected it. */
  data: T | undefined;
}

export interface ReportFile extends SourceFile<Report> {
  /** Year and department as given by the path reports/<year>/<department>.mdx. */
  pathYear: number;
  pathDepartment: string;
  kind: 'md' | 'mdx';
  body: Root | undefined;
  /** The images the body uses, read and hashed (see media.ts). */
  media: MediaFile[];
  prose: ProseBlock[];
  position(offset: number): Position;
}

export interface ContentTree {
  root: string;
  site: SourceFile<Site> | undefined;
  departments: SourceFile<Department>[];
  reports: ReportFile[];
  /** Report files found, including those that could not be read. */
  reportFiles: number;
  problems: FileProblem[];
}

async function readText(source: ContentSource, file: string): Promise<ReadResult> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await source.read(file);
  } catch (error) {
    if (!(error instanceof UnsafeContentFile)) throw error;
    if (error.why === 'too-large') return { ok: false, problem: tooLargeProblem(error.size ?? 0) };
    return { ok: false, problem: unsafeFileProblem(file, error.why) };
  }
  if (bytes) return decodeSource(bytes);
  return {
    ok: false,
    problem: { rule: 'content.missing', message: `找不到文件 ${file}`, at: { line: 1, column: 1 } },
  };
}

function unsafeFileProblem(file: string, why: 'link' | 'other'): FileProblem {
  return why === 'link'
    ? {
        file,
        severity: 'error',
        rule: 'content.symlink',
        message: '内容目录中有符号链接，不会被读取',
        hint: '请把链接换成文件本身（文件夹也一样）。符号链接可能指向内容目录之外的文件。',
        at: { line: 1, column: 1 },
      }
    : {
        file,
        severity: 'error',
        rule: 'content.special-file',
        message: '这不是普通文件（而是管道、设备或套接字），不会被读取',
        hint: '请换成普通的文本文件。',
        at: { line: 1, column: 1 },
      };
}

const refusedIn = (listing: Listing): FileProblem[] => [
  ...listing.links.map((f) => unsafeFileProblem(f, 'link')),
  ...(listing.others ?? []).map((f) => unsafeFileProblem(f, 'other')),
];

function schemaProblems(file: string, frontmatter: Frontmatter, problems: SchemaProblem[]): FileProblem[] {
  return problems.map((p) => ({
    file,
    severity: 'error',
    rule: p.rule,
    message: p.message,
    ...(p.hint ? { hint: p.hint } : {}),
    at: frontmatter.locate(p.path),
  }));
}

/**
 * The duties as prose blocks at their place in the file. A plain YAML string
 * is found as written, in order; only one that is not (quoted, escaped, folded)
 * needs the YAML document's ranges.
 */
function dutyBlocks(duties: readonly string[], text: string, from: number, frontmatter: Frontmatter): ProseBlock[] {
  let cursor = from;
  return duties.map((duty, i) => {
    const at = text.indexOf(duty, cursor);
    const offset = at >= 0 ? at : frontmatter.textOffset(['duties', i]);
    cursor = at >= 0 ? at + duty.length : cursor;
    return fieldBlock(duty, offset, ['职责简述']);
  });
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Moves every position offset of a tree by `delta` (lines and columns stay). */
function shiftOffsets(tree: Root, delta: number): void {
  if (delta === 0) return;
  const visit = (node: Nodes): void => {
    const p = node.position;
    if (p?.start.offset !== undefined) p.start.offset += delta;
    if (p?.end.offset !== undefined) p.end.offset += delta;
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')
      for (const attr of node.attributes) {
        if (attr.position?.start.offset !== undefined) attr.position.start.offset += delta;
        if (attr.position?.end.offset !== undefined) attr.position.end.offset += delta;
      }
  };
  visit(tree);
}

/** A YAML data file (site.yaml, departments/*.yaml). */
function loadYamlFile<T>(
  file: string,
  read: ReadResult,
  schema: Parameters<typeof parseWithFriendlyErrors>[0],
  problems: FileProblem[],
): SourceFile<T> | undefined {
  if (!read.ok) {
    problems.push({ file, severity: 'error', ...read.problem });
    return undefined;
  }
  const position = lineIndex(read.text);
  const parsed = parseFrontmatter(read.text, { offset: 0, position });
  if (!parsed.ok) {
    problems.push({
      file,
      severity: 'error',
      ...parsed.problem,
      message: parsed.problem.message.replace('frontmatter 的 ', ''),
    });
    return undefined;
  }
  const result = parseWithFriendlyErrors(schema, parsed.frontmatter.data);
  if (!result.ok) problems.push(...schemaProblems(file, parsed.frontmatter, result.problems));
  return { file, text: read.text, frontmatter: parsed.frontmatter, data: result.ok ? (result.data as T) : undefined };
}

export async function loadReport(
  source: ContentSource,
  file: string,
  parser: BodyParser,
  problems: FileProblem[],
): Promise<ReportFile | undefined> {
  const m = REPORT_PATH.exec(file);
  if (!m) {
    const isReport = /\.mdx?$/.test(file);
    problems.push({
      file,
      severity: isReport ? 'error' : 'warning',
      rule: 'content.path',
      message: isReport
        ? '报告文件的位置或文件名不对，应为 reports/<年度>/<单位代码>.mdx'
        : '报告目录中有非报告文件，发布时会被忽略',
      hint: isReport
        ? '年度为四位数字；单位代码用小写字母、数字和连字符，与 departments/ 中的文件名一致，例如 reports/2023/kgxj.mdx。'
        : 'Word、PDF 等原件请用 npm run import 转换，或放到 content/ 之外。',
      at: { line: 1, column: 1 },
    });
    return undefined;
  }
  const read = await readText(source, file);
  if (!read.ok) {
    problems.push({ file, severity: 'error', ...read.problem });
    return undefined;
  }
  const { text } = read;
  const position = lineIndex(text);
  const split = splitFrontmatter(text);
  if (!split) {
    problems.push({
      file,
      severity: 'error',
      rule: 'source.frontmatter',
      message: text.startsWith('---')
        ? 'frontmatter 没有结束：缺少单独一行的 ---'
        : '文件开头缺少 frontmatter（两行 --- 之间的报告数据）',
      hint: '报告文件以 --- 开头，写完数据后再用一行 --- 结束，其后是正文。可参照 content/reports/2023/kgxj.mdx。',
      at: { line: 1, column: 1 },
    });
    return undefined;
  }
  const fm = parseFrontmatter(split.yaml, { offset: split.yamlOffset, position });
  if (!fm.ok) {
    problems.push({ file, severity: 'error', ...fm.problem });
    return undefined;
  }
  const result = parseWithFriendlyErrors(reportSchema, fm.frontmatter.data);
  if (!result.ok) problems.push(...schemaProblems(file, fm.frontmatter, result.problems));

  // The body is parsed behind as many newlines as the frontmatter has, so its
  // lines and columns are the file's; offsets are then moved by the difference.
  const lines = countNewlines(text, split.bodyOffset);
  const kind = m[3] === 'md' ? 'md' : 'mdx';
  const body = await parser.parse('\n'.repeat(lines) + text.slice(split.bodyOffset), kind);
  if (body.ok) shiftOffsets(body.tree, split.bodyOffset - lines);
  if (!body.ok) problems.push({ file, severity: 'error', ...body.problem });
  const fields = result.ok ? dutyBlocks(result.data.duties, text, split.yamlOffset, fm.frontmatter) : [];
  const loaded = body.ok ? await loadMedia(source, file, bodyUrls(body.tree), position) : undefined;
  for (const p of loaded?.problems ?? []) problems.push({ file, severity: 'error', ...p });
  return {
    file,
    text,
    frontmatter: fm.frontmatter,
    data: result.ok ? result.data : undefined,
    pathYear: Number(m[1]),
    pathDepartment: m[2] ?? '',
    kind,
    body: body.ok ? body.tree : undefined,
    media: loaded?.media ?? [],
    prose: [...fields, ...(body.ok ? proseBlocks(body.tree) : [])],
    position,
  };
}

/**
 * Loads the content tree at `root`. Files come from the disk unless another
 * source is given (the diff tool passes a git revision); `root` then only names
 * the tree in messages.
 */
export interface Registry {
  site: SourceFile<Site> | undefined;
  departments: SourceFile<Department>[];
  /** Report files under reports/ (any extension), and the problems met so far. */
  reportPaths: string[];
  problems: FileProblem[];
}

/**
 * What reading one department file came to, kept by the check's cache
 * (src/scan/tree-cache.ts) under the file's path and text: parsing 10,000
 * registry files with positions took about 1.5 s of every cached check.
 */
export interface CachedDepartment {
  /** It parsed (a registry entry, valid or not). */
  loaded: boolean;
  data: Department | undefined;
  problems: FileProblem[];
}

export interface DepartmentCache {
  get(file: string, text: string): CachedDepartment | undefined;
  set(file: string, text: string, value: CachedDepartment): void;
}

/** A department file read from the cache: its positions are parsed again only if a finding needs them. */
function parsedWhenAsked(file: string, text: string, data: Department | undefined): SourceFile<Department> {
  let frontmatter: Frontmatter | undefined;
  return {
    file,
    text,
    data,
    get frontmatter() {
      if (!frontmatter) {
        const parsed = parseFrontmatter(text, { offset: 0, position: lineIndex(text) });
        if (!parsed.ok) throw new Error(`${file} 在缓存中是可解析的，再次解析却失败`);
        frontmatter = parsed.frontmatter;
      }
      return frontmatter;
    },
  };
}

/**
 * Site identity, the department registry and the list of report files:
 * everything but the reports. `reportListing`: reports/ as the caller listed
 * it, when it has (the scan counts the reports before it reads the registry).
 */
export async function loadRegistry(
  root: string,
  source: ContentSource = syncDiskSource(root),
  departmentCache?: DepartmentCache,
  reportListing?: Listing,
): Promise<Registry> {
  const problems: FileProblem[] = [];
  const siteKind = await source.kind(LAYOUT.site);
  if (siteKind === 'link' || siteKind === 'other') problems.push(unsafeFileProblem(LAYOUT.site, siteKind));
  const site =
    siteKind === 'file'
      ? loadYamlFile<Site>(LAYOUT.site, await readText(source, LAYOUT.site), siteSchema, problems)
      : undefined;
  if (!siteKind) {
    problems.push({
      file: LAYOUT.site,
      severity: 'error',
      rule: 'content.missing',
      message: `内容目录 ${root} 中没有 site.yaml（网站名称、主办单位、备案号等）`,
      hint: '从项目的 content/site.yaml 复制一份并修改；或检查 GONGKAI_CONTENT 是否指向了正确的目录。',
      at: { line: 1, column: 1 },
    });
  }
  if (site?.data) problems.push(...(await fontFileProblems(source, LAYOUT.site, site.data, site.frontmatter)));
  const departments: SourceFile<Department>[] = [];
  const departmentFiles = await source.list(LAYOUT.departments);
  problems.push(...refusedIn(departmentFiles));
  // Read side by side (at 10,000 departments, one at a time was mostly waiting), kept in order.
  const texts = await mapLimited(
    departmentFiles.files.filter((file) => /\.ya?ml$/.test(file)),
    32,
    async (file) => ({ file, text: await readText(source, file) }),
  );
  for (const { file, text } of texts) {
    const hit = text.ok ? departmentCache?.get(file, text.text) : undefined;
    if (hit && text.ok) {
      problems.push(...hit.problems);
      if (hit.loaded) departments.push(parsedWhenAsked(file, text.text, hit.data));
      continue;
    }
    const own: FileProblem[] = [];
    const dep = loadYamlFile<Department>(file, text, departmentSchema, own);
    problems.push(...own);
    if (text.ok) departmentCache?.set(file, text.text, { loaded: dep !== undefined, data: dep?.data, problems: own });
    if (dep) departments.push(dep);
  }
  const reports = reportListing ?? (await source.list(LAYOUT.reports));
  problems.push(...refusedIn(reports));
  return { site, departments, reportPaths: reports.files, problems };
}

/** The registered departments whose files passed their schema. */
export const validDepartments = (registry: Registry): Department[] =>
  registry.departments.flatMap((d) => (d.data ? [d.data] : []));

/** How many of the files under reports/ are meant as reports. */
/**
 * Loads the content tree at `root`, every report with its parsed body, in this
 * thread (for tools and tests; \`npm run check\` and the build scan large trees
 * in workers, see src/scan/scan.ts). Files come from the disk unless another
 * source is given (the diff tool passes a git revision); `root` then only names
 * the tree in messages.
 */
export async function loadContent(root: string, source: ContentSource = diskSource(root)): Promise<ContentTree> {
  const { site, departments, reportPaths, problems } = await loadRegistry(root, source);
  const reportFiles = countReportFiles(reportPaths);
  const parser = createBodyParser(reportFiles);
  try {
    const loaded = await mapLimited(reportPaths, 32, (file) => loadReport(source, file, parser, problems));
    const reports = loaded.filter((r): r is ReportFile => r !== undefined);
    return { root, site, departments, reports, reportFiles, problems };
  } finally {
    await parser.close();
  }
}
