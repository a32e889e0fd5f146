// The diff as a pull-request comment: short, in Chinese, figures first, so a
// reviewer at the finance bureau sees at a glance what a change does.
import { figureText } from '../figures/figure.ts';
import { figureDef } from '../figures/registry.ts';
import { escapeMarkdown } from './prose-changes.ts';
import type {
  DiffResult,
  FieldChange,
  FigureChange,
  IndicatorChange,
  ReportDiff,
  ScoreChange,
  Side,
} from './diff-types.ts';

/** Marks the comment so CI can update it instead of adding another. */
export const COMMENT_MARKER = '<!-- gongkai-diff -->';
/** GitHub refuses comments over 65 536 characters. */
const MAX_LENGTH = 60_000;

const SEVERITY = { error: '错误', warning: '警告' } as const;
const STATUS = { added: '新增', removed: '删除', renamed: '改名或移动', changed: '修改' } as const;

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

function side(s: Side): string {
  return s.commit ? `${code(s.revision)}（${s.commit.slice(0, 7)}）` : s.revision;
}

/** “825.75万元 → 826.00万元（+0.25万元）”, “100% → 99.5%（-0.5 个百分点）”: figures written as everywhere else. */
export function changeText(c: FigureChange): string {
  const percent = c.unit === '%';
  if (c.before === null) return `${figureText(c.after ?? '', c.unit)}（新填）`;
  if (c.after === null) return `${figureText(c.before, c.unitBefore ?? c.unit)} →（已删去）`;
  const diff = c.difference ? `（${percent ? `${c.difference} 个百分点` : figureText(c.difference, c.unit)}）` : '';
  return `${figureText(c.before, c.unitBefore ?? c.unit)} → ${figureText(c.after, c.unit)}${diff}`;
}

/** “98分 → 99分（+1分）”. */
export function scoreText(s: ScoreChange): string {
  const unit = figureDef('score').unit;
  const u = 'fixed' in unit ? unit.fixed : '';
  if (s.before === null) return figureText(s.after ?? '', u);
  const after = s.after === null ? '（无）' : figureText(s.after, u);
  return `${figureText(s.before, u)} → ${after}${s.difference ? `（${figureText(s.difference, u)}）` : ''}`;
}

function figureLine(c: FigureChange): string {
  return `- ${c.label} ${code(c.key)}：${changeText(c)}`;
}

function indicatorLine(i: IndicatorChange): string {
  const parts = i.changes.map((c) => `${c.label} ${changeText(c)}`);
  if (i.status === 'added') return `- 新增指标“${escapeMarkdown(i.name)}”：${parts.join('；') || '（无数字）'}`;
  if (i.status === 'removed') return `- 删除指标“${escapeMarkdown(i.name)}”`;
  return `- “${escapeMarkdown(i.name)}”：${parts.join('；') || `计量单位改为 ${i.unit}`}`;
}

function fieldLine(f: FieldChange): string {
  const from = f.before === null ? '（无）' : escapeMarkdown(f.before);
  const to = f.after === null ? '（已删去）' : escapeMarkdown(f.after);
  const detail = f.detail ? `（${escapeMarkdown(f.detail)}）` : '';
  return `- ${f.label} ${code(f.key)}：${from} → ${to}${detail}`;
}

function heading(d: ReportDiff): string {
  const where = d.previousFile ? `${code(d.previousFile)} → ${code(d.file)}` : code(d.file);
  const title = d.title ? ` — ${escapeMarkdown(d.title)}` : '';
  return `### ${STATUS[d.status]}：${where}${title}`;
}

function invalidBlock(d: ReportDiff): string[] {
  const v = d.head;
  if (v?.valid && d.base && !d.base.valid)
    return ['', '> 旧版本未通过校验，这次改动使它恢复有效；数字无法与旧版本比较。'];
  if (!v || v.valid) return [];
  const lines = [
    '',
    `> **这份报告的新版本未通过校验，数字无法读取和比较。** 请先按下列提示修改（运行 ${code('npm run check')} 可看到全部问题）：`,
    '>',
    ...v.problems.map((p) => `> - 第 ${p.line} 行 ${code(p.rule)}：${escapeMarkdown(p.message)}`),
  ];
  return lines;
}

function reportSection(d: ReportDiff): string[] {
  const out = [heading(d)];
  if (d.status === 'removed') {
    out.push('', '这份报告已删除。');
    return out;
  }
  out.push(...invalidBlock(d));
  if (d.figures.length) {
    out.push('', d.status === 'added' ? '**主要数字**' : '**数字**', '', ...d.figures.map(figureLine));
  }
  if (d.indicators.length) out.push('', '**绩效指标**', '', ...d.indicators.map(indicatorLine));
  if (d.score) {
    const s = d.score;
    const score = scoreText(s);
    const grade =
      s.gradeBefore === s.gradeAfter || s.gradeBefore === null
        ? `等级 ${s.gradeAfter ?? '—'}`
        : `等级 ${s.gradeBefore} → ${s.gradeAfter ?? '—'}`;
    out.push('', `**自评得分**：${score}，${grade}`);
  }
  if (d.fields.length) out.push('', '**其他数据**', '', ...d.fields.map(fieldLine));
  const { new: added, resolved } = d.findings;
  if (added.length || resolved.length) {
    out.push('', `**检查结果**：新问题 ${added.length} 个，已解决 ${resolved.length} 个`, '');
    for (const f of added)
      out.push(`- 新${SEVERITY[f.severity]} ${code(f.rule)}（第 ${f.line} 行）：${escapeMarkdown(f.message)}`);
    for (const f of resolved) out.push(`- 已解决 ${code(f.rule)}：${escapeMarkdown(f.message)}`);
  }
  const p = d.prose;
  const total = p.changed + p.added + p.removed;
  if (total) {
    const parts = [
      p.changed ? `修改 ${p.changed} 段` : '',
      p.added ? `新增 ${p.added} 段` : '',
      p.removed ? `删除 ${p.removed} 段` : '',
    ].filter(Boolean);
    out.push('', `**正文**：${total} 段有改动（${parts.join('，')}）`, '');
    for (const e of p.excerpts) out.push(`> ${e.section ? `${escapeMarkdown(e.section)}：` : ''}${e.markdown}`, '>');
    if (out.at(-1) === '>') out.pop();
  }
  return out;
}

function summaryLine(r: DiffResult): string {
  const s = r.summary;
  const parts = [
    s.changed ? `修改 ${s.changed} 份` : '',
    s.added ? `新增 ${s.added} 份` : '',
    s.removed ? `删除 ${s.removed} 份` : '',
    s.renamed ? `改名或移动 ${s.renamed} 份` : '',
  ].filter(Boolean);
  const findings = `检查：新问题 ${s.newFindings} 个，已解决 ${s.resolvedFindings} 个`;
  return `**${parts.length ? `报告${parts.join('，')}` : '报告内容没有改动'}**${s.unchanged ? `（另有 ${s.unchanged} 份未改动）` : ''}；${findings}。`;
}

export function renderMarkdown(r: DiffResult): string {
  const head = [COMMENT_MARKER, '## 报告改动摘要', '', `对比 ${side(r.base)} → ${side(r.head)}`, '', summaryLine(r)];
  if (r.summary.invalid)
    head.push('', `> **注意：${r.summary.invalid} 份报告的新版本未通过校验**，其数字无法比较，详见下文。`);
  const sections = r.reports.map((d) => reportSection(d).join('\n'));
  if (r.otherFiles.length) {
    const names = { added: '新增', removed: '删除', changed: '修改' } as const;
    sections.push(
      ['### 其他文件', '', ...r.otherFiles.map((f) => `- ${code(f.file)}（${names[f.status]}）`)].join('\n'),
    );
  }
  const foot = '\n\n<sub>由 `npm run diff` 生成。数字按原文的精确小数计算；“新问题”指这次改动带来的检查结果。</sub>\n';
  let body = head.join('\n');
  let shown = 0;
  for (const section of sections) {
    if (body.length + section.length + foot.length > MAX_LENGTH) break;
    body += `\n\n${section}`;
    shown++;
  }
  if (shown < sections.length)
    body += `\n\n（内容过长，其余 ${sections.length - shown} 项改动未列出；完整结果见 ${code('npm run diff -- --format=json')}。）`;
  return body + foot;
}
