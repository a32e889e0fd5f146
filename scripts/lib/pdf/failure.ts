// Why a report has no PDF. A content failure is something staff can fix in
// the report (an element that cannot fit, a character no font has); an
// infrastructure failure is the browser's (crash, timeout, missing Chromium).
import type { LayoutProblem } from '../../../src/scripts/print/check-layout.ts';

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
  overflow: '超出版心（放不进一页的宽度或高度），请拆分或缩小',
  layout: '无法排入页面（比一整页还大）',
};

export function describeProblems(problems: readonly LayoutProblem[]): string {
  return problems
    .map((p) => `${p.page ? `第 ${p.page} 页，` : ''}${p.element}${PROBLEM[p.kind]}`)
    .join('；');
}
