import type { Position } from './position.ts';

/** Something wrong with a source file itself, before any rule runs. */
export interface SourceProblem {
  rule: string;
  message: string;
  hint?: string;
  at: Position;
}
