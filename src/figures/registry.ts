// Every figure of a report, described once: where it sits in the frontmatter,
// what it is called (and the other names published reports give it), what
// kind of number it is, which unit it is read in, and its open-data column.
// The schema titles, <Fig>, the key-figure panel, the tables, open data, the
// diff, the check messages and the importer all ask this table (figure.ts).

export type FigureKind =
  /** An amount in the report's money unit (budget.unit: 万元, 元 or 亿元). */
  | 'money'
  /** A whole count with a counting word: 23人, 3个. */
  | 'count'
  /** A rate in per cent, written without the sign: 100 → 100%. */
  | 'percent'
  /** The self-evaluation score: 98分. */
  | 'score'
  /** An indicator's value, in the unit the indicator states (家, 座, 万元, %…). */
  | 'quantity';

export type UnitRule =
  /** The report's money unit. */
  | { from: 'budget' }
  /** The `unit` field of the list item the figure belongs to (an indicator). */
  | { from: 'item' }
  | { fixed: string };

export interface FigureDef {
  /** The key path, one notation everywhere; `*` stands for a list index: indicators.*.actual. */
  pattern: string;
  /** What staff and readers call it: 年终决算数. */
  title: string;
  /**
   * What it belongs to, when the title alone is ambiguous: a fixed name
   * (一般公共预算) or the `name` of its list item (事业发展类, an indicator).
   * The full label is then “一般公共预算·金额”.
   */
  owner?: string | { item: 'name' };
  kind: FigureKind;
  unit: UnitRule;
  /** A rate that may fall (同比增长 −1.5%). */
  signed?: boolean;
  /** Other names published reports use for it, for the prose check and the importer; the title included. */
  variants?: readonly string[];
  /**
   * Names too short or too general to be read in running text (执行率, 总分):
   * recognised only as a whole form label or table cell (“执行率 | 100%”).
   */
  formVariants?: readonly string[];
  /** May the site compute it when the original does not state it (derived.ts)? */
  derivable?: boolean;
  /** Its column in /data/reports.json and reports.csv. */
  column?: string;
}

const MONEY: UnitRule = { from: 'budget' };
const PERCENT: UnitRule = { fixed: '%' };

const BUDGET_TYPES = [
  ['general', '一般公共预算'],
  ['government_fund', '政府性基金预算'],
  ['state_capital', '国有资本经营预算'],
  ['social_insurance', '社会保险基金预算'],
] as const;

export const FIGURES: readonly FigureDef[] = [
  {
    pattern: 'budget.initial',
    title: '年初预算批复数',
    kind: 'money',
    unit: MONEY,
    variants: ['年初预算批复数', '年初预算批复', '年初预算数', '年初批复数'],
    column: 'budget_initial',
  },
  {
    pattern: 'budget.total',
    title: '全年预算数',
    kind: 'money',
    unit: MONEY,
    variants: ['全年预算数', '调整后预算数', '全年预算'],
    formVariants: ['调整后预算'],
    column: 'budget_total',
  },
  {
    pattern: 'budget.final',
    title: '年终决算数',
    kind: 'money',
    unit: MONEY,
    variants: [
      '年终决算数',
      '全年决算数',
      '决算数',
      '全年支出数',
      '全年执行数',
      '预算执行数',
      '本年支出合计',
      '支出合计',
    ],
    formVariants: ['支出总计', '决算支出', '全年支出'],
    column: 'budget_final',
  },
  {
    pattern: 'budget.execution_rate',
    title: '预算执行率',
    kind: 'percent',
    unit: PERCENT,
    variants: ['预算总体执行率', '预算执行率'],
    formVariants: ['执行率'],
    column: 'execution_rate',
    derivable: true,
  },
  {
    pattern: 'budget.basic',
    title: '基本支出',
    kind: 'money',
    unit: MONEY,
    variants: ['基本支出'],
    column: 'budget_basic',
    derivable: true,
  },
  {
    pattern: 'budget.personnel',
    title: '人员经费',
    kind: 'money',
    unit: MONEY,
    variants: ['人员经费支出', '人员经费'],
    column: 'budget_personnel',
  },
  {
    pattern: 'budget.public',
    title: '公用经费',
    kind: 'money',
    unit: MONEY,
    variants: ['日常公用经费', '公用经费支出', '公用经费'],
    column: 'budget_public',
  },
  {
    pattern: 'budget.project',
    title: '项目支出',
    kind: 'money',
    unit: MONEY,
    variants: ['项目支出'],
    column: 'budget_project',
  },
  {
    pattern: 'budget.income',
    title: '本年收入合计',
    kind: 'money',
    unit: MONEY,
    variants: ['本年收入合计', '收入合计', '收入总计', '本年收入'],
    column: 'budget_income',
  },
  {
    pattern: 'budget.evaluated',
    title: '绩效自评金额',
    kind: 'money',
    unit: MONEY,
    variants: ['绩效自评金额', '自评金额'],
    column: 'budget_evaluated',
  },
  {
    pattern: 'staffing.authorized',
    title: '编制人数',
    kind: 'count',
    unit: { fixed: '人' },
    variants: ['编制人数', '核定编制数', '核定编制', '人员编制数', '人员编制', '编制数'],
    column: 'staffing_authorized',
  },
  {
    pattern: 'staffing.actual',
    title: '年末实有人数',
    kind: 'count',
    unit: { fixed: '人' },
    variants: ['年末实有人数', '实有在职人员', '实有在职人数', '实有人数', '在职人数'],
    column: 'staffing_actual',
  },
  {
    pattern: 'score',
    title: '自评得分',
    kind: 'score',
    unit: { fixed: '分' },
    variants: ['绩效自评得分', '自评得分', '自评总分', '综合评分', '综合得分'],
    formVariants: ['总分', '得分合计', '自评分'],
    column: 'score',
  },
  {
    pattern: 'projects.categories.*.count',
    title: '项目个数',
    owner: { item: 'name' },
    kind: 'count',
    unit: { fixed: '个' },
  },
  { pattern: 'projects.categories.*.amount', title: '金额', owner: { item: 'name' }, kind: 'money', unit: MONEY },
  ...BUDGET_TYPES.flatMap(([key, name]): FigureDef[] => [
    { pattern: `projects.budget_types.${key}.amount`, title: '金额', owner: name, kind: 'money', unit: MONEY },
    {
      pattern: `projects.budget_types.${key}.count`,
      title: '项目个数',
      owner: name,
      kind: 'count',
      unit: { fixed: '个' },
    },
    {
      pattern: `projects.budget_types.${key}.share`,
      title: '占项目支出比例',
      owner: name,
      kind: 'percent',
      unit: PERCENT,
    },
  ]),
  { pattern: 'projects.sources.superior', title: '上级资金', kind: 'money', unit: MONEY },
  { pattern: 'projects.sources.local', title: '本级财政资金', kind: 'money', unit: MONEY },
  {
    pattern: 'indicators.*.target',
    title: '目标值',
    owner: { item: 'name' },
    kind: 'quantity',
    unit: { from: 'item' },
  },
  {
    pattern: 'indicators.*.actual',
    title: '完成值',
    owner: { item: 'name' },
    kind: 'quantity',
    unit: { from: 'item' },
  },
  {
    pattern: 'indicators.*.rate',
    title: '完成率',
    owner: { item: 'name' },
    kind: 'percent',
    unit: PERCENT,
    derivable: true,
  },
  {
    pattern: 'indicators.*.growth',
    title: '同比增长',
    owner: { item: 'name' },
    kind: 'percent',
    unit: PERCENT,
    signed: true,
  },
  { pattern: 'score_sheet.*.weight', title: '分值', owner: { item: 'name' }, kind: 'score', unit: { fixed: '分' } },
  { pattern: 'score_sheet.*.score', title: '得分', owner: { item: 'name' }, kind: 'score', unit: { fixed: '分' } },
];

const byPattern = new Map(FIGURES.map((f) => [f.pattern, f]));

/** The definition for a pattern written in code ('budget.final'); throws for a typo. */
export function figureDef(pattern: string): FigureDef {
  const def = byPattern.get(pattern);
  if (!def) throw new Error(`no figure ${pattern} in src/figures/registry.ts`);
  return def;
}

/** The unit of a figure whose unit never varies (自评得分: 分); throws for one whose unit does. */
export function fixedUnit(pattern: string): string {
  const { unit } = figureDef(pattern);
  if (!('fixed' in unit)) throw new Error(`figure ${pattern} has no fixed unit`);
  return unit.fixed;
}

/** The definition a key path falls under (indicators.3.actual → indicators.*.actual). */
export function figureDefAt(path: readonly (string | number)[]): FigureDef | undefined {
  return byPattern.get(path.map((k) => (typeof k === 'number' ? '*' : k)).join('.'));
}
