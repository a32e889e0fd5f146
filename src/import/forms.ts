// Forms copied as text: every cell on its own line, “联系人 / 张某 / 联络电话 /
// 0743-1234567 …”. A known label followed by its value becomes one field
// (“联系人：张某”), never a paragraph glued from many; a line already written
// “标签：值” is a field too. A run of k labels followed by k values (a table's
// header row and its data row, flattened) pairs them in order; when the counts
// differ, or a figure's label is followed by something that is not a number,
// nothing is paired and the lines stay as they are, with a note: never read
// by guesswork.
import { figureByLabel, formFieldByLabel } from '../figures/labels.ts';
import { cellNumber } from '../source/labelled-figures.ts';
import type { SourceBlock } from './source-block.ts';
import { LEVEL1, LEVEL2 } from './structure.ts';

export interface FormNotes {
  /** Lines that were paired into fields. */
  paired: number;
  /** Runs of labels that could not be paired, for the import report. */
  refused: { where: string; reason: string }[];
}

/** A line that is only a known label (“联系人”, “人员编制”, “年初预算数（万元）”, “报告日期：”). */
export function isLabelLine(text: string): boolean {
  const t = text.trim();
  return t.length <= 24 && (figureByLabel(t) !== undefined || formFieldByLabel(t) !== undefined);
}

const LABEL_VALUE = /^(.{2,20}?)\s*[：:]\s*(\S.*)$/;

/** “部门（单位）名称：测试县农业农村局” → the label and its value, when the label is a known one. */
export function labelValue(text: string): { label: string; value: string } | undefined {
  const m = LABEL_VALUE.exec(text.trim());
  if (!m?.[1] || !m[2] || !isLabelLine(m[1])) return undefined;
  return { label: m[1].trim(), value: m[2].trim() };
}

const isText = (b: SourceBlock | undefined): b is SourceBlock => b?.kind === 'text';
const startsSection = (text: string) => LEVEL1.test(text) || LEVEL2.test(text);

/** A value for this label: any text for a form field, a number for a figure. */
function fits(label: string, value: SourceBlock | undefined): boolean {
  if (!isText(value) || isLabelLine(value.text) || labelValue(value.text) || startsSection(value.text)) return false;
  return figureByLabel(label) ? cellNumber(value.text) !== undefined : true;
}

const field = (label: SourceBlock, value: SourceBlock): SourceBlock => {
  const l = label.text.trim().replace(/[：:]+$/, '');
  return { kind: 'field', text: `${l}：${value.text}`, field: { label: l, value: value.text }, where: label.where };
};

export function findForms(blocks: readonly SourceBlock[]): { blocks: SourceBlock[]; notes: FormNotes } {
  const out: SourceBlock[] = [];
  const notes: FormNotes = { paired: 0, refused: [] };
  for (let i = 0; i < blocks.length;) {
    const b = blocks[i] as SourceBlock;
    const lv = isText(b) ? labelValue(b.text) : undefined;
    if (lv) {
      out.push({ kind: 'field', text: `${lv.label}：${lv.value}`, field: lv, where: b.where });
      i++;
      continue;
    }
    if (!isText(b) || !isLabelLine(b.text)) {
      out.push(b);
      i++;
      continue;
    }
    let k = 0;
    while (isText(blocks[i + k]) && isLabelLine((blocks[i + k] as SourceBlock).text)) k++;
    const labels = blocks.slice(i, i + k);
    const values = blocks.slice(i + k, i + 2 * k);
    if (values.length === k && labels.every((l, j) => fits(l.text, values[j]))) {
      labels.forEach((l, j) => out.push(field(l, values[j] as SourceBlock)));
      notes.paired += k;
      i += 2 * k;
      continue;
    }
    if (k > 1 || fits(b.text, blocks[i + 1]) === false) {
      const available = values.filter((v, j) => fits((labels[j] as SourceBlock).text, v)).length;
      if (k > 1 || isText(blocks[i + 1]))
        notes.refused.push({
          where: `${labels[0]?.where ?? ''}—${(labels.at(-1) ?? b).where}`,
          reason:
            k > 1
              ? `${k} 个标签（${labels.map((l) => l.text).join('、')}）之后只有 ${available} 个能与之对应的值，无法一一对应`
              : `“${b.text}”之后不是它的值`,
        });
    }
    out.push(...labels);
    i += k;
  }
  return { blocks: out, notes };
}
