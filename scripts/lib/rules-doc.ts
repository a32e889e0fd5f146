// docs/检查规则.md is generated from the rule registry, so the list staff read
// is the list the checks run. `npm run docs` rewrites it; a test keeps it current.
import { ALL_RULES, REPORT_RULES, SCHEMA_RULES, SOURCE_RULES } from '../../src/checks/index.ts';
import { ACK_RULES } from '../../src/checks/acknowledgements.ts';
import { COLLECTION_RULES } from '../../src/checks/collection.ts';
import type { RuleInfo } from '../../src/checks/types.ts';

const SEVERITY = { error: '错误', warning: '警告' } as const;

function table(rules: readonly RuleInfo[]): string {
  return [
    '| 规则编号 | 级别 | 检查内容 |',
    '| --- | --- | --- |',
    ...rules.map((r) => `| \`${r.id}\` | ${SEVERITY[r.severity]} | ${r.title} |`),
  ].join('\n');
}

export function rulesDoc(): string {
  const groups: [string, readonly RuleInfo[]][] = [
    ['文件与内容目录', SOURCE_RULES],
    ['数据格式（frontmatter）', SCHEMA_RULES],
    ['跨文件', COLLECTION_RULES],
    ['报告内容', REPORT_RULES],
    ['已确认的问题', ACK_RULES],
  ];
  const count = groups.reduce((n, [, rules]) => n + rules.length, 0);
  if (count !== ALL_RULES.length) throw new Error('rules-doc: a rule group is missing');
  return `<!-- 本文件由 npm run docs 根据 src/checks/ 生成，请勿手工修改。 -->

# 检查规则

\`npm run check\` 和 \`npm run build\` 对每份报告运行以下规则。每条问题都给出“文件:行:列”、规则编号和修改建议。

- **错误**：必须改正，否则 \`npm run check\` 以退出码 1 结束，\`npm run build\` 不发布；
- **警告**：请核实；加 \`--strict\` 时也视为失败（合并请求的检查建议使用）；
- **已确认**：原文已公布的已知问题，在报告 frontmatter 的 \`acknowledged\` 中写明规则编号和原因（可用 \`match\` 限定到某段文字），照原文保留，网页上显示说明，不算失败。

${groups.map(([title, rules]) => `## ${title}\n\n${table(rules)}`).join('\n\n')}

## 数字的核对方法

- 金额用精确小数计算，不用浮点数：\`520.97 + 304.78 = 825.75\`。
- 合计与分项之和允许的差额只来自四舍五入：n 个分项最多差 ⌊(n + 1) / 2⌋ 个末位单位（两个分项时为 0.01）。
- 比率（执行率、完成率、占比）按原文写出的小数位数重新计算，四舍五入或截断得到的值都算正确。
- 正文中“年终决算数825.75万元”“编制人数23人”这类写法与 frontmatter 对照；单位为元、亿元时先换算。

## 已确认问题的写法

\`\`\`yaml
acknowledged:
  - rule: budget.evaluated-coverage
    reason: 原文自评金额为 827.75 万元，与决算数 825.75 万元不一致；按原文公布，未作更正。
  - rule: text.latin-word
    match: and # 只确认包含这段文字的那一条
    reason: 原文“投资规模 and 方向”中夹有英文单词，按原文照录。
\`\`\`

若问题已改正，\`ack.unused\` 会提醒删除这一条，以免它将来掩盖新的问题。
`;
}
