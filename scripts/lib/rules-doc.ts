// docs/检查规则.md is generated from the rule registry, so the list staff read
// is the list the checks run. `npm run docs` rewrites it; a test keeps it current.
import { ALL_RULES, REPORT_RULES, SCHEMA_RULES, SOURCE_RULES } from '../../src/checks/index.ts';
import { ACK_RULES } from '../../src/checks/acknowledgements.ts';
import { ALLOWED_HTML, BODY_RULES, FORBIDDEN_ELEMENTS } from '../../src/checks/mdx-safety.ts';
import { AUTHORING_COMPONENTS } from '../../src/components/authoring/allow-list.ts';
import { MAX_FILE_BYTES, MAX_NESTING, PARSE_HEAP_MB, PARSE_TIMEOUT_MS } from '../../src/source/limits.ts';
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
    ['正文安全（受限的 MDX）', BODY_RULES],
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

/** docs/报告可用的组件.md: what a report body may contain, from the allow-list itself. */
export function componentsDoc(): string {
  const components = Object.entries(AUTHORING_COMPONENTS)
    .map(([name, spec]) => {
      const props = Object.entries(spec.props as Record<string, { required: boolean; description: string }>);
      const usage = `<${name}${props.map(([p]) => ` ${p}="…"`).join('')} />`;
      return `### \`${usage}\`\n\n${spec.description}。${
        props.length
          ? `\n\n${props.map(([p, d]) => `- \`${p}\`${d.required ? '（必填）' : ''}：${d.description}`).join('\n')}`
          : ''
      }`;
    })
    .join('\n\n');
  const html = Object.entries(ALLOWED_HTML)
    .map(([tag, attrs]) => `| \`<${tag}>\` | ${attrs.length ? attrs.map((a) => `\`${a}\``).join('、') : '—'} |`)
    .join('\n');
  return `<!-- 本文件由 npm run docs 根据 src/components/authoring/allow-list.ts 和 src/checks/mdx-safety.ts 生成，请勿手工修改。 -->

# 报告正文可以写什么

报告文件（\`.mdx\`）是数据，不是程序。正文可以使用 Markdown（标题、段落、加粗、列表、链接）、GFM 表格，以及下面列出的组件和少量 HTML 元素。其他写法在发布前就会被 \`npm run check\` 拒绝，并指出文件和行号。

## 组件

${components}

组件的属性只能是固定的文字（\`k="budget.final"\`）或数字（\`n={3}\`），不能是程序表达式。

## 允许的 HTML 元素

| 元素 | 允许的属性 |
| --- | --- |
${html}

## 不允许的内容

- \`import\`、\`export\` 语句，以及花括号中的程序表达式（\`{1 + 1}\`、\`{process.env}\`）。需要写花括号或小于号时，写成 \`\\{\`、\`\\<\` 或全角“｛”“＜”，也可以写 \`{'{'}\`。
- 这些元素：${[...FORBIDDEN_ELEMENTS].map((t) => `\`<${t}>\``).join('、')}。
- 任何 \`on…\` 事件属性（\`onclick\` 等）和 \`style\` 属性。
- \`javascript:\`、\`vbscript:\`、\`data:\` 等地址（图片可用 PNG、JPEG、GIF、WebP 格式的 \`data:\` 地址）；图片不能引用其他网站（公开网站不向第三方发请求），请放在 \`public/\` 下。
- \`.md\` 文件中的 HTML 标签（\`<br>\` 除外）。

## 大小与复杂度的上限

| 项目 | 上限 |
| --- | --- |
| 单个文件 | ${MAX_FILE_BYTES / 1024 / 1024} MB |
| 列表、引用的嵌套层数 | ${MAX_NESTING} 层 |
| 单份报告正文的解析时间 | ${PARSE_TIMEOUT_MS / 1000} 秒 |
| 单份报告正文解析所用内存 | ${PARSE_HEAP_MB} MB |
| frontmatter 中的 YAML 别名（* 引用） | 50 次 |

文件必须是 UTF-8 编码的纯文本（可带 BOM），不能含空字符；内容目录中不能有符号链接。
`;
}
