// Why a report has no PDF. A content failure is something staff can fix in
// the report (an element that cannot fit, a character no font has, a report
// too long or too large for the time and memory limits); an infrastructure
// failure is the browser's (an error of its own, missing Chromium).
import type { LayoutProblem } from '../paged/check-layout.ts';

export type FailureKind = 'content' | 'infrastructure';

export class RenderFailure extends Error {
  override name = 'RenderFailure';
  readonly kind: FailureKind;
  constructor(kind: FailureKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

const PROBLEM: Record<LayoutProblem['kind'], string> = {
  lost: '排版后丢失（没有出现在任何一页上）',
  duplicated: '在两页上重复出现',
  overflow: '超出版心（一页放不下它的宽度或高度），请拆分表格或减少列数',
  layout: '无法排入页面（比一整页还大）',
};

const ORDER: LayoutProblem['kind'][] = ['overflow', 'layout', 'lost', 'duplicated'];
const SHOWN = 3;

/** The problems that explain the others first (an element too wide also ends up split and doubled). */
export function describeProblems(problems: readonly LayoutProblem[]): string {
  const first = ORDER.find((kind) => problems.some((p) => p.kind === kind));
  const relevant = problems.filter((p) => p.kind === first);
  const unique = relevant.filter((p, i) => relevant.findIndex((q) => q.element === p.element) === i);
  const lines = unique.slice(0, SHOWN).map((p) => `${p.page ? `第 ${p.page} 页，` : ''}${p.element}${PROBLEM[p.kind]}`);
  const more = unique.length > SHOWN ? `；另有 ${unique.length - SHOWN} 处` : '';
  return lines.join('；') + more;
}
