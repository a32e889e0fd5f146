// Files that give staff completion and inline errors in VS Code, generated
// from the code they describe: the JSON Schemas of the frontmatter and the
// YAML data files (from the zod schemas, through src/schema/json-schema.ts),
// and the MDX snippets of the authoring components (from their allow-list).
// `npm run docs` writes them; a test keeps them current.
import { AUTHORING_COMPONENTS } from '../schema/body-allow-list.ts';
import { departmentSchema } from '../schema/department.ts';
import { formatKeyPath } from '../lib/key-path.ts';
import { FIGURE_LABELS } from '../figures/labels.ts';
import { reportJsonSchema, toEditorJsonSchema } from '../schema/json-schema.ts';
import { siteSchema } from '../schema/site.ts';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Path (relative to the project) → content. */
export function editorFiles(): Record<string, string> {
  return {
    '.vscode/schemas/report.schema.json': json(reportJsonSchema('draft-7')),
    '.vscode/schemas/department.schema.json': json(toEditorJsonSchema(departmentSchema, 'draft-7')),
    '.vscode/schemas/site.schema.json': json(toEditorJsonSchema(siteSchema, 'draft-7')),
    '.vscode/gongkai.code-snippets': json(snippets()),
  };
}

interface Snippet {
  scope: string;
  prefix: string[];
  body: string[];
  description: string;
}

/** The standard figures a <Fig> usually shows, offered as a choice. */
const FIGURE_KEYS = FIGURE_LABELS.map((f) => formatKeyPath(f.key));

export function snippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const [name, component] of Object.entries(AUTHORING_COMPONENTS)) {
    let stop = 1;
    const props = Object.entries(component.props as Record<string, { required: boolean }>)
      .filter(([, spec]) => spec.required)
      .map(([prop]) => {
        const choices = name === 'Fig' && prop === 'k' ? `|${FIGURE_KEYS.join(',')}|` : `:${prop}`;
        return ` ${prop}="\${${stop++}${choices}}"`;
      })
      .join('');
    const body = component.children ? `<${name}${props}>\${${stop}}</${name}>` : `<${name}${props} />`;
    out[`gongkai ${name}`] = {
      scope: 'mdx,markdown',
      prefix: [name, name.toLowerCase()],
      body: [body],
      description: component.description,
    };
  }
  // Frontmatter entries staff add by hand, with every field the schema knows.
  out['gongkai 绩效指标'] = {
    scope: 'mdx,markdown,yaml',
    prefix: ['indicator', '指标'],
    body: ['- name: ${1:指标名称}', '  unit: ${2:家}', '  target: ${3:80}', '  actual: ${4:81}', '  rate: ${5:101.25}'],
    description: 'indicators 中的一项绩效指标：名称、单位、目标值、完成值、完成率（没有的项可删去）',
  };
  out['gongkai 已确认的问题'] = {
    scope: 'mdx,markdown,yaml',
    prefix: ['acknowledged', '已确认'],
    body: [
      '- rule: ${1:budget.sum}',
      '  match: ${2:原文中的一段文字}',
      '  reason: ${3:原文如此，按原文公布，未作更正。}',
    ],
    description: 'acknowledged 中的一条：原文已公布的已知问题（规则编号、匹配文字、说明）',
  };
  return out;
}
