// The vocabulary of the checks: a rule has a stable id, a severity and a
// Chinese title; running it on a report yields hits that say where (a key in
// the frontmatter or a place in the text), what is wrong and what to do.
import type { KeyPath } from '../lib/key-path.ts';
import type { Report } from '../schema/report.ts';
import type { Root } from 'mdast';
import type { ProseBlock } from '../source/prose.ts';

/** 'info' is what a reader should know but nothing to fix (原文未载); it never fails a check. */
export type Severity = 'error' | 'warning' | 'info';

export type Locator = { key: KeyPath } | { offset: number };

export interface Hit {
  message: string;
  hint?: string;
  at: Locator;
  /** The text the finding is about, shown to people and matched by acknowledgements. */
  excerpt?: string;
}

/** What a report rule sees: the validated figures and the readable text. */
export interface ReportInput {
  data: Report;
  body: Root;
  prose: readonly ProseBlock[];
}

export interface RuleInfo {
  id: string;
  severity: Severity;
  /** What the rule checks, in Chinese, for docs and the JSON output. */
  title: string;
  /**
   * The figures it compares (registry patterns: budget.final, indicators.*.target).
   * Where one is 原文未载 the rule cannot check, and figure.not-stated names it.
   */
  reads?: readonly string[];
}

export interface ReportRule extends RuleInfo {
  check(report: ReportInput): Hit[];
}

/** A rule on the parsed body alone: runs even when the frontmatter is invalid. */
export interface BodyRule extends RuleInfo {
  check(tree: Root, source: { kind: 'md' | 'mdx'; file: string }): Hit[];
}

export interface Finding {
  /** Path relative to the content root. */
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
  hint?: string;
  excerpt?: string;
  /** The reason given in the report's `acknowledged` list, when this is a known, published discrepancy. */
  acknowledged?: string;
}
