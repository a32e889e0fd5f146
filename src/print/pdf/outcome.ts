// What a run of the PDF renderer comes to: counts for the summary line, one
// Chinese line per failed report and per warning, and the exit code. A report
// that is too long or too large for the time and memory limits is a content
// failure (exit 1); 69 is left for the browser itself failing.
import { EXIT } from '../../cli/run.ts';
import type { JobResult } from './render-pdfs.ts';

/** 69 (EX_UNAVAILABLE): the browser failed, not the content; running again may succeed. */
export const EXIT_BROWSER = 69;

export interface Outcome {
  rendered: number;
  cached: number;
  failed: JobResult[];
  summary: string;
  exitCode: number;
}

export function failureLine(r: JobResult): string {
  const kind = r.failure?.kind === 'content' ? '内容' : '浏览器';
  return `✗ ${r.job.id}（${r.job.source}）[${kind}]：${r.failure?.message ?? '未知错误'}`;
}

export const warningLines = (r: JobResult): string[] =>
  (r.warnings ?? []).map((w) => `! ${r.job.id}（${r.job.source}）[警告]：${w}`);

/** Printed once after the warnings: they mean something got past the checks and the renderer. */
export const WARNING_NOTE =
  '以上警告说明有内容绕过了检查与净化（打印页不应访问别处，也不应有不允许的链接）：被阻止的部分不在 PDF 中，PDF 已生成。请报告维护人员。';

export function outcomeOf(results: readonly JobResult[]): Outcome {
  const rendered = results.filter((r) => r.status === 'rendered').length;
  const cached = results.filter((r) => r.status === 'cached').length;
  const failed = results.filter((r) => r.status === 'failed');
  const ok = rendered + cached;
  const warned = results.filter((r) => r.warnings?.length).length;
  const summary =
    `${ok} 份 PDF（新生成 ${rendered}，缓存 ${cached}）` +
    `${failed.length ? `，${failed.length} 份失败` : ''}${warned ? `，${warned} 份有警告` : ''}`;
  const exitCode = failed.some((r) => r.failure?.kind === 'infrastructure')
    ? EXIT_BROWSER
    : failed.length
      ? EXIT.problems
      : EXIT.ok;
  return { rendered, cached, failed, summary, exitCode };
}
