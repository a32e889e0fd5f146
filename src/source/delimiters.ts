// A cheap count of emphasis delimiters (*, _, ~) per block, before the
// Markdown parser sees the text: resolving them takes time growing with the
// square of their number in one paragraph (10,000 runs of “*a” take seconds,
// 50,000 a minute). A real paragraph or table has a few dozen.
import { MAX_DELIMITER_RUNS } from './limits.ts';
import type { SourceProblem } from './problem.ts';

export function checkDelimiters(text: string, firstLine = 1): SourceProblem | undefined {
  let runs = 0;
  let blockStart = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.trim()) {
      runs = 0;
      blockStart = i + 1;
      continue;
    }
    runs += line.match(/[*_~]+/g)?.length ?? 0;
    if (runs > MAX_DELIMITER_RUNS)
      return {
        rule: 'source.too-complex',
        message: `一段文字中成串的 *、_、~ 符号超过 ${MAX_DELIMITER_RUNS} 处，无法在合理时间内解析`,
        hint: '报告正文一段中通常只有几处加粗。请检查是否误粘贴了大量符号；要写这些符号本身，请写成 \\*、\\_ 或全角“＊”“＿”。',
        at: { line: firstLine + blockStart, column: 1 },
      };
  }
  return undefined;
}
