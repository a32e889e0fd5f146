// Grading bands of 财预〔2020〕10号 for a self-evaluation score out of 100.
import { compare } from './decimal.ts';

export const GRADES = ['优', '良', '中', '差'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_BANDS: readonly { grade: Grade; min: string; label: string }[] = [
  { grade: '优', min: '90', label: '90（含）—100 分' },
  { grade: '良', min: '80', label: '80（含）—90 分' },
  { grade: '中', min: '60', label: '60（含）—80 分' },
  { grade: '差', min: '0', label: '60 分以下' },
];

export function gradeFor(score: string): Grade {
  for (const band of GRADE_BANDS) if (compare(score, band.min) >= 0) return band.grade;
  return '差';
}
