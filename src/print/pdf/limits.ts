// Time and memory a report may take in the browser. A report whose layout
// does not finish in time, or whose page runs out of memory, fails as a
// content problem (exit 1, the report named): it is the report that is too
// long or too large, and the other reports are still printed.
import { RenderFailure } from './failure.ts';
import type { PrintPage } from './print-page.ts';

/** JavaScript heap of each page of the PDF browser (MB); a 40-page report needs about a tenth of it. */
export const RENDERER_HEAP_MB = 1024;

export const HEAP_ARGS = [`--js-flags=--max-old-space-size=${RENDERER_HEAP_MB}`];

/** How long to wait for a hung page to say how far it got. */
const PROGRESS_WAIT_MS = 2000;

export function outOfTime(seconds: number, progress: string): RenderFailure {
  return new RenderFailure(
    'content',
    `排版超过 ${seconds} 秒仍未完成，已停止${progress ? `（${progress}）` : ''}。` +
      '请检查是否有特别长的表格或段落，拆分后重试；报告并不特别长时，多半是机器太忙，可用 --timeout（或环境变量 GONGKAI_PDF_TIMEOUT）放宽时限',
  );
}

export function outOfMemory(): RenderFailure {
  return new RenderFailure(
    'content',
    `排版时浏览器页面崩溃（多半是内存超过了 ${RENDERER_HEAP_MB} MB 的上限），已停止。` +
      '请检查是否有特别长的表格或特别大的图片，拆分或压缩后重试；报告并不特别大时，请重新运行，仍失败请报告维护人员',
  );
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Runs the browser work of one report within `ms`. The page is left as it
 * is when the time runs out or it crashes: the caller closes it.
 * `progress` says how far a page that ran out of time got.
 */
export async function withinLimits<T>(
  target: PrintPage,
  ms: number,
  work: () => Promise<T>,
  progress: () => Promise<string>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => (timer = setTimeout(() => resolve('expired'), ms)));
  const crashed = target.crashed.then(() => 'crashed' as const);
  const running = work().then((value) => ({ value }));
  running.catch(() => {}); // once given up on, its failure is of no interest
  try {
    const first = await Promise.race([running, expired, crashed]);
    if (first === 'crashed') throw outOfMemory();
    if (first === 'expired')
      throw outOfTime(ms / 1000, await Promise.race([progress(), wait(PROGRESS_WAIT_MS).then(() => '')]));
    return first.value;
  } catch (error) {
    if (error instanceof RenderFailure) throw error;
    if (target.hasCrashed() || /Target crashed|Page crashed/i.test(String(error))) throw outOfMemory();
    // Playwright's TimeoutError, told by its name (its class would load the driver with this module).
    if (error instanceof Error && error.name === 'TimeoutError') throw outOfTime(ms / 1000, '');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
