// docs/检查规则.md is generated from the rule registry, so the list staff read
// is the list the checks run. `npm run docs` rewrites it; a test keeps it current.
import { ALL_RULES, REPORT_RULES, SCHEMA_RULES, SOURCE_RULES } from '../checks/index.ts';
import { ACK_RULES } from '../checks/acknowledgements.ts';
import { BODY_RULES } from '../checks/mdx-safety.ts';
import { ALLOWED_HTML, AUTHORING_COMPONENTS, FORBIDDEN_ELEMENTS } from '../schema/body-allow-list.ts';
import { IMAGE_FOLDER } from '../schema/url-policy.ts';
import { MAX_FILE_BYTES, MAX_IMAGE_BYTES, MAX_NESTING, PARSE_HEAP_MB, PARSE_TIMEOUT_MS } from '../source/limits.ts';
import { COLLECTION_RULES } from '../checks/collection.ts';
import type { RuleInfo } from '../checks/types.ts';

const SEVERITY = { error: '错误', warning: '警告', info: '信息' } as const;

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
- **信息**：不是问题，例如原文未载的数字（写为 \`原文未载\`，网页显示“原文未写”）以及因此没有核对的规则；从不导致失败，\`--strict\` 也不算；
- **已确认**：原文已公布的已知问题，在报告 frontmatter 的 \`acknowledged\` 中写明规则编号和原因（可用 \`match\` 限定到某段文字），照原文保留，网页上显示说明，不算失败。

${groups.map(([title, rules]) => `## ${title}\n\n${table(rules)}`).join('\n\n')}

## 数字的核对方法

- 金额用精确小数计算，不用浮点数：\`520.97 + 304.78 = 825.75\`。
- 合计与分项之和允许的差额只来自四舍五入：n 个分项最多差 ⌊(n + 1) / 2⌋ 个末位单位（两个分项时为 0.01）。
- 比率（执行率、完成率、占比）按原文写出的小数位数重新计算，四舍五入或截断得到的值都算正确。
- 正文中“年终决算数825.75万元”“编制人数23人”这类写法与 frontmatter 对照；单位为元、亿元时先换算；frontmatter 写 \`原文未载\` 而正文写了这个数，是错误。
- 写为 \`原文未载\` 的数不参与核对：用到它的规则跳过，\`figure.not-stated\` 逐项说明跳过了哪些规则。
- 自评得分表：分值之和应为 100；每项得分不超过分值；各项得分之和按自评得分的小数位数四舍五入后应等于自评得分；实际完成值未达到年度指标值（“≥95%”“100%”“≤5%”等可比较的写法）却得满分的，给出警告。

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
  return `<!-- 本文件由 npm run docs 根据 src/schema/body-allow-list.ts、src/schema/url-policy.ts 和 src/checks/mdx-safety.ts 生成，请勿手工修改。 -->

# 报告正文可以写什么

报告文件（\`.mdx\`）是数据，不是程序。正文可以使用 Markdown（标题、段落、加粗、列表、链接、图片）、GFM 表格，以及下面列出的组件和少量 HTML 元素。其他写法在发布前就会被 \`npm run check\` 拒绝，并指出文件和行号。

## 正文怎样变成网页和 PDF

报告文件从不作为程序编译或导入。\`npm run check\` 解析正文（remark + GFM + MDX 语法），按下面的规则检查；同一棵语法树再经我们自己的渲染器（\`src/render/\`）变成 HTML：组件由渲染器按 frontmatter 中的数字生成，允许的 HTML 元素只保留允许的属性，每个地址都经过同一个地址规则，最后由 \`hast-util-sanitize\` 按允许清单再过滤一遍。网页、PDF、全文搜索用的都是这一份 HTML。

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
- \`.md\` 文件中的 HTML 标签（\`<br>\` 和注释除外）。

## 链接和图片的地址

所有地址（Markdown 链接和图片、引用式链接的定义 \`[名]: 地址\`、自动链接、HTML 元素的 \`href\`/\`src\`，包括写在 \`{'…'}\` 中的）都按同一规则检查。检查前先按浏览器的方式规范化：解码字符实体，去掉首尾空白；地址中间有换行、制表符、控制字符或反斜杠“\\”的一律拒绝。

- **链接**只能是 \`https://\`、\`http://\`、\`mailto:\`、\`tel:\`、以 \`/\` 开头的本站地址或以 \`#\` 开头的页内位置。\`javascript:\`、\`vbscript:\`、\`data:\`、\`file:\` 等其他地址，以 \`//\` 开头的地址和相对地址都不允许。
- **图片**只能是内容目录 \`${IMAGE_FOLDER}/\` 文件夹中的 PNG、JPEG、GIF、WebP 文件，用相对于报告文件的路径引用，例如 \`![单位印章](../../${IMAGE_FOLDER}/印章.png)\`。文件内容必须与扩展名相符，不能是符号链接，不超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB。构建时图片按内容的哈希值复制到网站的 \`/media/\` 下，不会被当作程序导入；其他网站的图片、\`data:\` 图片和 SVG 都不允许（网站和 PDF 不向任何其他网站发请求）。

## 大小与复杂度的上限

| 项目 | 上限 |
| --- | --- |
| 单个文件 | ${MAX_FILE_BYTES / 1024 / 1024} MB |
| 列表、引用的嵌套层数 | ${MAX_NESTING} 层 |
| 单份报告正文的解析时间 | ${PARSE_TIMEOUT_MS / 1000} 秒 |
| 单份报告正文解析所用内存 | ${PARSE_HEAP_MB} MB |
| frontmatter 中的 YAML 别名（* 引用） | 50 次 |

文件必须是 UTF-8 编码的纯文本（可带 BOM），不能含空字符；\`site.yaml\`、\`departments/\`、\`reports/\`、图片和字体文件都必须是内容目录中的普通文件：符号链接（包括链接到别处的文件夹）、管道和设备文件一律拒绝。
`;
}
