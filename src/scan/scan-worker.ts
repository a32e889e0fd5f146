// One report per task, start to finish in a worker: read, validate, parse,
// check, and render when asked. Only the validated data, the findings and
// the rendered body travel back. (Results are cached for the whole tree by
// the scan itself: tree-cache.ts.)
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

export default async function scan({ file }: ScanRequest): Promise<ScanResponse> {
  const { root, departments, render } = workerData as WorkerSetup;
  return check(syncDiskSource(root), file, departments, render);
}
