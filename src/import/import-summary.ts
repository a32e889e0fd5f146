// What the importer tells the person who ran it: every value it took and
// where it took it from (the sentence, the form line, the table row), what it
// could not find or could not decide, which tables it could not read and why,
// and what it changed in the layout (fields, joined paragraphs, page numbers),
// so nothing is accepted unseen.
import { formatKeyPath } from '../lib/key-path.ts';
import type { Draft } from './draft.ts';
import type { Evidence } from './extract.ts';

const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text);

function source(d: Draft, e: Evidence): string {
  const where = e.offset !== undefined ? `草稿第 ${d.lineOf(e.offset)} 行` : `原件${e.where ?? ''}`;
  return `${where}：“${clip(e.text)}”`;
}

export function importReport(d: Draft, shownPath: string): string {
  const s = d.structured;
  const x = d.extraction;
  const missing: string[] = [];
  const lines = [
    `已生成草稿 ${shownPath}（${d.year} 年度，单位 ${d.department}）`,
    '',
    '提取到的数据（请逐项与原文核对）：',
  ];
  const item = (what: string, value: string, from: string) => lines.push(`  ${what} = ${value}`, `      ← ${from}`);
  if (s.title) item('title（报告标题）', s.title.text, `原件${s.title.where}`);
  if (d.issued) item('issued（成文日期）', d.issued.iso, d.issued.from);
  if (s.cover.department) item('单位（封面）', s.cover.department.text, `原件${s.cover.department.where}`);
  if (s.cover.budgetCode)
    item('预算编码（封面，保留在正文中）', s.cover.budgetCode.text, `原件${s.cover.budgetCode.where}`);
  if (d.basis) item('basis（评价依据）', d.basis, '正文开头');
  else missing.push('  basis（评价依据）：正文开头没有“按照《……》”这样的通知名称（可选，原文写了时请补上）');
  if (d.duties.length)
    item('duties（职责）', `${d.duties.length} 项`, '“职责”一节的编号段落，正文中以 <Duties /> 显示');
  if (d.units.length) item('units（内设机构）', `${d.units.length} 个：${clip(d.units.join('、'), 40)}`, '“机构”一节');
  if (d.issuedProblem) missing.push(`  issued（成文日期）：${d.issuedProblem}`);
  else if (!d.issued) missing.push('  issued（成文日期）：原文中没有找到（落款或封面的报告日期）');
  for (const f of x.figures) {
    const key = `${formatKeyPath(f.figure.key)}（${f.figure.title}）`;
    const first = f.candidates[0];
    if (f.value !== undefined && first) {
      const unit = f.figure.kind === 'amount' ? x.budgetUnit : first.unit;
      const more = f.candidates.length > 1 ? `（另有 ${f.candidates.length - 1} 处写法相同）` : '';
      const converted = f.convertedFrom ? `（原文 ${f.convertedFrom}，已按${x.budgetUnit}换算）` : '';
      item(
        key,
        `${f.value}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}${converted}`,
        `${source(d, first.evidence)}${more}`,
      );
    } else if (f.conflict) {
      missing.push(`  ${key}：原文中有不同的值，未采用任何一个，请核对：`);
      for (const c of f.candidates) missing.push(`      ${c.value}${c.unit} ← ${source(d, c.evidence)}`);
    } else if (f.unused.length) {
      missing.push(`  ${key}：只在无法对齐的表格中出现，未采用，请对照原件：`);
      for (const u of f.unused) missing.push(`      原件${u.where}：“${clip(u.row)}”`);
    } else if (f.figure.key[0] !== 'budget' || !['personnel', 'public', 'income'].includes(String(f.figure.key[1]))) {
      missing.push(`  ${key}：原文中没有找到`);
    }
  }
  if (x.fullCoverage) item('budget.full_coverage（自评全覆盖）', 'true', source(d, x.fullCoverage));
  x.indicators.forEach((i, n) => {
    const parts = [
      i.target !== undefined ? `目标 ${i.target}${i.unit}` : '',
      `完成 ${i.actual}${i.unit}`,
      i.rate !== undefined ? `完成率 ${i.rate}%` : '',
    ].filter(Boolean);
    item(`indicators[${n}]（${i.name}）`, parts.join('，'), source(d, i.evidence));
    if (i.target === undefined && i.rate !== undefined)
      missing.push(`  indicators[${n}].target（“${i.name}”的任务数）：原文只写了完成率 ${i.rate}%，没有写任务数`);
  });
  if (x.scoreSheet) {
    const rows = x.scoreSheet.rows;
    item(
      'score_sheet（自评得分表）',
      `${rows.length} 行`,
      `原件${x.scoreSheet.where}的表格，正文中以 <ScoreSheet /> 显示`,
    );
    rows.forEach((r, i) => {
      if (r.weight === undefined || r.score === undefined)
        missing.push(`  score_sheet[${i}]（${r.name}）：${r.weight === undefined ? '分值' : '得分'}一格为空或不是数字`);
    });
  }
  if (s.review) item('review（审核意见表）', `${s.review.rows.length} 行`, `原件${s.review.where}`);
  if (!x.indicators.length)
    missing.push('  indicators（绩效指标）：没有找到“X家，完成任务数的Y%”这类写法，需要时按正文填写（可选）');
  missing.push('  projects（项目支出情况）：导入不提取，需要时按正文填写（可选）');
  lines.push(
    '',
    '没有找到或无法确定（草稿中写为【待填】；原文写了的照原文填写，原文确实没有写的填 原文未载，不要估算）：',
    ...missing,
  );
  const problems = [
    ...x.tables.flatMap((t) => t.analysis.problems),
    ...d.forms.refused.map((r) => `原件${r.where}：${r.reason}，这几行保持原样，未从中取数`),
  ];
  if (problems.length)
    lines.push('', '未能读取的表格和表单（请对照原件核对这些位置）：', ...problems.map((p) => `  ${p}`));
  const fields = d.forms.paired + d.forms.fromTables;
  if (fields) lines.push('', `表单：${fields} 项分行或分格写的“标签”和“值”写成了“标签：值”（各占一行）。`);
  if (s.joins.length) {
    lines.push('', `接续的段落（共 ${s.joins.length} 处，请核对）：`);
    const why = { page: '换页处', clause: '断在句中', run: '编号之间' } as const;
    for (const j of s.joins) lines.push(`  原件${j.where}（${why[j.why]}）：“…${j.end}” + “${j.start}…”`);
  }
  if (s.pageMarks) lines.push('', `页码：删去了 ${s.pageMarks} 处页码或换页符。`);
  if (s.boldFixes)
    lines.push('', `加粗：${s.boldFixes} 处加粗小标题末尾的标点移到了加粗之外（Markdown 排版需要，文字未改）。`);
  if (d.notes.length) lines.push('', '转换提示：', ...d.notes.map((n) => `  ${n}`));
  lines.push('', '下一步：打开草稿核对上面的每一项，填写【待填】，然后运行 npm run check。');
  return `${lines.join('\n')}\n`;
}
