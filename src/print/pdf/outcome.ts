// What a run of the PDF renderer comes to: counts for the summary line, one
// Chinese line per failed report, and the exit code.
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

export function outcomeOf(results: readonly JobResult[]): Outcome {
  const rendered = results.filter((r) => r.status === 'rendered').length;
  const cached = results.filter((r) => r.status === 'cached').length;
  const failed = results.filter((r) => r.status === 'failed');
  const ok = rendered + cached;
  const summary = `${ok} 份 PDF（新生成 ${rendered}，缓存 ${cached}）${failed.length ? `，${failed.length} 份失败` : ''}`;
  const exitCode = failed.some((r) => r.failure?.kind === 'infrastructure')
    ? EXIT_BROWSER
    : failed.length
      ? EXIT.problems
      : EXIT.ok;
  return { rendered, cached, failed, summary, exitCode };
}
