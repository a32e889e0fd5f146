// One report per task, start to finish in a worker: read, validate, parse,
// check. Only the validated data and the findings travel back, so the main
// thread stays small however large the tree is. Results are cached by the
// file's path and bytes (and the code version), so an unchanged report is
// not checked twice.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkReportFile } from '../checks/report-findings.ts';
import { workerData } from 'node:worker_threads';
import type { Department } from '../schema/department.ts';
import { inThreadParser } from '../source/body-parser.ts';
import { syncDiskSource, type ContentSource } from '../source/content-source.ts';
import { loadReport, type FileProblem } from '../source/load.ts';
import { renderBody } from '../render/render-body.ts';
import type { ScanRequest, ScanResponse } from './scan.ts';

export interface WorkerSetup {
  root: string;
  departments: Department[];
  /** Render each valid report's body too (see src/render/). */
  render: boolean;
  /** Where results are cached, or undefined to always check afresh. */
  cacheDir: string | undefined;
}

async function check(
  source: ContentSource,
  file: string,
  departments: Department[],
  render: boolean,
): Promise<ScanResponse> {
  const problems: FileProblem[] = [];
  const report = await loadReport(source, file, inThreadParser, problems);
  const department = departments.find((d) => d.id === report?.data?.department);
  const findings = checkReportFile(report, problems, department);
  if (!report) return { findings };
  const { data, pathYear, pathDepartment, kind, body, media } = report;
  // The tree the rules just checked is the one rendered: one parse feeds every renderer.
  const rendered = render && data && body ? { body: renderBody(body, { file, data, media }), media } : {};
  return {
    findings,
    ...(media.length || findings.some((f) => f.rule === 'content.image') ? { usesImages: true } : {}),
    report: {
      file,
      data,
      pathYear,
      pathDepartment,
      kind,
      positions: { year: report.frontmatter.locate(['year']), department: report.frontmatter.locate(['department']) },
      ...rendered,
    },
  };
}

let departmentsKey: string | undefined;

export default async function scan({ file }: ScanRequest): Promise<ScanResponse> {
  const { root, departments, cacheDir, render } = workerData as WorkerSetup;
  const disk = syncDiskSource(root);
  if (!cacheDir) return check(disk, file, departments, render);
  const bytes = await disk.read(file).catch(() => undefined); // a refused file is explained by check()
  if (!bytes) return check(disk, file, departments, render);
  departmentsKey ??= JSON.stringify(departments);
  const key = createHash('sha256')
    .update(file)
    .update('\0')
    .update(bytes)
    .update('\0')
    .update(departmentsKey)
    .update(render ? '\0render' : '')
    .digest('hex');
  const entry = join(cacheDir, key.slice(0, 2), `${key}.json`);
  try {
    const cached = JSON.parse(await readFile(entry, 'utf8')) as ScanResponse;
    // Images are other files, not in the key: a report that uses any is checked afresh.
    if (!cached.usesImages) return cached;
  } catch {
    // not cached yet
  }
  // Serve the bytes already read, so the file is read once.
  const source: ContentSource = { ...disk, read: async (f) => (f === file ? bytes : disk.read(f)) };
  const response = await check(source, file, departments, render);
  await mkdir(join(cacheDir, key.slice(0, 2)), { recursive: true });
  const temp = `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(temp, JSON.stringify(response));
  await rename(temp, entry);
  return response;
}
