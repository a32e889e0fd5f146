// What `npm run diff` reports, as data: the JSON output is this shape
// (version 1), and the Markdown for a pull request is rendered from it.

/** One side of the comparison. */
export interface Side {
  /** As given: "main", "HEAD~1", or "工作区" for the work tree. */
  revision: string;
  /** The commit id, or null for the work tree. */
  commit: string | null;
}

/** A figure whose value changed, appeared or disappeared. */
export interface FigureChange {
  /** Key path as written in frontmatter: "budget.final", "indicators[0].actual". */
  key: string;
  /** What staff call it: "年终决算数". */
  label: string;
  unit: string;
  /** The unit of `before` when it differs (the report changed 万元 to 元). */
  unitBefore: string | null;
  /** As written: a decimal, 原文未载 (shown 原文未写), or null when the figure is absent on that side. */
  before: string | null;
  after: string | null;
  /** after − before in `unit`, signed ("+0.25"), when both are stated. */
  difference: string | null;
}

export interface IndicatorChange {
  name: string;
  status: 'added' | 'removed' | 'changed';
  unit: string;
  changes: FigureChange[];
}

export interface ScoreChange {
  before: string | null;
  after: string | null;
  difference: string | null;
  gradeBefore: string | null;
  gradeAfter: string | null;
}

/** Any other frontmatter value: titles, dates, lists of duties… */
export interface FieldChange {
  key: string;
  label: string;
  before: string | null;
  after: string | null;
  /** For lists: which items came and went. */
  detail: string | null;
}

export interface FindingRef {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  /** Where, in the side it belongs to (head for new findings, base for resolved ones). */
  file: string;
  line: number;
}

export interface ProseExcerpt {
  kind: 'changed' | 'added' | 'removed';
  /** The headings above it: "三、绩效自评情况 › (一) 部门整体支出绩效情况". */
  section: string;
  /** Before and after, shortened around the change. */
  before: string | null;
  after: string | null;
  /** Markdown with deletions as ~~x~~ and insertions as **y**. */
  markdown: string;
}

export interface ProseChange {
  changed: number;
  added: number;
  removed: number;
  excerpts: ProseExcerpt[];
}

export interface Validity {
  valid: boolean;
  /** Why not: the first problems of that side, with lines. */
  problems: FindingRef[];
}

export interface ReportDiff {
  status: 'added' | 'removed' | 'renamed' | 'changed';
  /** Path relative to the content root on the head side (base side for removed reports). */
  file: string;
  /** The base path of a renamed or moved report. */
  previousFile: string | null;
  year: number;
  department: string;
  title: string | null;
  base: Validity | null;
  head: Validity | null;
  figures: FigureChange[];
  indicators: IndicatorChange[];
  score: ScoreChange | null;
  fields: FieldChange[];
  findings: { new: FindingRef[]; resolved: FindingRef[] };
  prose: ProseChange;
}

export interface OtherFileChange {
  file: string;
  status: 'added' | 'removed' | 'changed';
}

export interface DiffResult {
  version: 1;
  base: Side;
  head: Side;
  summary: {
    added: number;
    removed: number;
    renamed: number;
    changed: number;
    unchanged: number;
    invalid: number;
    newFindings: number;
    resolvedFindings: number;
  };
  reports: ReportDiff[];
  otherFiles: OtherFileChange[];
}
