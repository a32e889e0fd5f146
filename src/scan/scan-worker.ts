// One report per task, start to finish in a worker: read, validate, parse,
// check, and render when asked. Only the validated data, the findings and
// the rendered body travel back. (Results are cached for the whole tree by
// the scan itself: tree-cache.ts.) A task says which tree it reads, so one
// pool can serve several scans (the tests scan a hundred trees).
import { checkReportFile } from '../checks/report-findings.ts';
import { inThreadParser } from '../source/bounded-parse.ts';
import { syncDiskSource, type ContentSource } from '../source/content-source.ts';
import { loadReport, type FileProblem } from '../source/load.ts';
import { renderBody } from '../render/render-body.ts';
import type { ScanRequest, ScanResponse } from './scan.ts';

async function check(source: ContentSource, { file, render, prose }: ScanRequest): Promise<ScanResponse> {
  const problems: FileProblem[] = [];
  const report = await loadReport(source, file, inThreadParser, problems);
  const findings = checkReportFile(report, problems);
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
      parsed: body !== undefined,
      ...(prose ? { prose: report.prose.map(({ kind, text, section }) => ({ kind, text, section })) } : {}),
      positions: { year: report.frontmatter.locate(['year']), department: report.frontmatter.locate(['department']) },
      ...rendered,
    },
  };
}

export default async function scan(request: ScanRequest): Promise<ScanResponse> {
  return check(syncDiskSource(request.root), request);
}
