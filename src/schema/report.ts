// The frontmatter of content/reports/<year>/<department>.mdx: every figure of
// a 部门整体支出绩效自评报告, typed. Strict objects throughout, so a misspelt
// key is an error (with a suggestion) rather than a silently ignored figure.
import { z } from 'astro/zod';
import { MONEY_UNITS } from '../figures/money.ts';
import { figureDef } from '../figures/registry.ts';
import { GRADES } from '../lib/grade.ts';
import { calendarDate, statedDate } from './date.ts';
import { departmentId, fiscalYear } from './ids.ts';
import { amount, count, percentage, quantity, signedPercentage } from './money.ts';
import { cellText, text } from './text.ts';

/** A figure's title from the registry (src/figures/), so a figure has one name everywhere. */
const t = (pattern: string) => figureDef(pattern).title;

const budgetSchema = z
  .strictObject({
    unit: z.enum(MONEY_UNITS).default('万元').meta({ title: '金额单位', description: '本节金额的单位，默认 万元' }),
    initial: amount(t('budget.initial')),
    total: amount(t('budget.total'), '全年预算数（含年中调整）'),
    final: amount(t('budget.final')),
    basic: amount(t('budget.basic')),
    personnel: amount(t('budget.personnel'), '人员经费（基本支出的一部分），原文写了才填').optional(),
    public: amount(t('budget.public'), '公用经费（基本支出的一部分），原文写了才填').optional(),
    project: amount(t('budget.project')),
    income: amount(t('budget.income'), '本年收入合计，原文写了才填').optional(),
    execution_rate: percentage(t('budget.execution_rate'), '预算总体执行率，按原文写，例如 100 表示 100%'),
    evaluated: amount(t('budget.evaluated')).optional(),
    full_coverage: z
      .boolean({ error: () => '应填写 true 或 false' })
      .optional()
      .meta({ title: '自评全覆盖', description: '原文是否声明“按照绩效自评全覆盖原则”' }),
  })
  .meta({ title: '资金拨付及执行情况' });

const budgetTypeSchema = z
  .strictObject({
    amount: amount(t('projects.budget_types.general.amount')),
    count: count(t('projects.budget_types.general.count')).optional(),
    share: percentage(t('projects.budget_types.general.share')).optional(),
  })
  .meta({ title: '预算类型' });

const projectsSchema = z
  .strictObject({
    categories: z
      .array(
        z.strictObject({
          name: text('项目类别', '例如 事业发展类、奖补类'),
          count: count(t('projects.categories.*.count')).optional(),
          amount: amount(t('projects.categories.*.amount')).optional(),
        }),
      )
      .default([])
      .meta({ title: '按项目类别' }),
    budget_types: z
      .strictObject({
        general: budgetTypeSchema.optional().meta({ title: '一般公共预算' }),
        government_fund: budgetTypeSchema.optional().meta({ title: '政府性基金预算' }),
        state_capital: budgetTypeSchema.optional().meta({ title: '国有资本经营预算' }),
        social_insurance: budgetTypeSchema.optional().meta({ title: '社会保险基金预算' }),
      })
      .optional()
      .meta({ title: '按预算类型', description: '金额为 0 表示原文声明“无此类项目支出”' }),
    sources: z
      .strictObject({
        superior: amount(t('projects.sources.superior')).optional(),
        local: amount(t('projects.sources.local')).optional(),
      })
      .optional()
      .meta({ title: '按资金来源' }),
    funds: z.array(text('资金名称')).default([]).meta({ title: '原文列举的项目资金' }),
  })
  .meta({ title: '项目支出情况' });

const indicatorSchema = z
  .strictObject({
    name: text('指标名称'),
    unit: text('计量单位', '例如 家、个、座、万元、%'),
    target: quantity(t('indicators.*.target')).optional(),
    actual: quantity(t('indicators.*.actual')),
    rate: percentage(t('indicators.*.rate'), '原文所写完成率（%），例如 101.25').optional(),
    growth: signedPercentage(t('indicators.*.growth')).optional(),
    approx: z.boolean().optional().meta({ title: '约数', description: '原文为约数，例如“600余册”' }),
    note: text('说明').optional(),
  })
  .meta({ title: '绩效指标' });

const scoreSheetRowSchema = z
  .strictObject({
    level1: text('一级指标').optional(),
    level2: text('二级指标').optional(),
    name: text('指标名称', '三级指标；没有三级指标时写二级指标'),
    weight: percentage(t('score_sheet.*.weight'), '这一项的分值（满分），例如 10'),
    score: percentage(t('score_sheet.*.score'), '这一项的得分，例如 9.5'),
    target: cellText('年度指标值', '照录原文，例如 ≥95%、100%、按时完成').optional(),
    actual: cellText('实际完成值', '照录原文，例如 72.74%').optional(),
    note: text('偏差原因及改进措施').optional(),
  })
  .meta({ title: '自评得分表的一行' });

const reviewRowSchema = z
  .strictObject({
    opinion: text('审核意见'),
    conclusion: z.string().default('').meta({ title: '审核结论' }),
  })
  .meta({ title: '审核意见表的一行' });

const acknowledgementSchema = z
  .strictObject({
    rule: z
      .string({ error: () => '应填写检查规则编号，例如 budget.sum' })
      .regex(/^[a-z]+(?:\.[a-z][a-z-]*)+$/, { error: () => '规则编号形如 budget.sum、text.repeated-sentence' })
      .meta({ title: '检查规则编号' }),
    match: text('匹配文字', '只确认包含这段文字的那一条问题').optional(),
    reason: text('说明', '为什么按原文保留，将作为说明在网页上显示'),
  })
  .meta({ title: '已确认的问题', description: '原文已公布的已知问题：按原文保留，并在网页上说明' });

const disclosureSchema = z
  .strictObject({
    index_no: text('索引号').optional(),
    doc_no: text('文号').optional(),
    publisher: text('发布机构', '默认为本单位全称').optional(),
    published: calendarDate('发布日期').optional(),
    validity: z.enum(['有效', '失效', '废止']).default('有效').meta({ title: '时效性' }),
  })
  .meta({ title: '公开信息', description: '政府信息公开目录的元数据' });

export const reportSchema = z
  .strictObject({
    title: text('报告标题'),
    department: departmentId('单位代码'),
    year: fiscalYear,
    issued: statedDate('成文日期'),
    basis: text('评价依据', '开展自评所依据的通知文件').optional(),
    disclosure: disclosureSchema.optional(),
    duties: z.array(text('职责')).default([]).meta({ title: '职责简述' }),
    units: z.array(text('内设机构')).default([]).meta({ title: '内设机构' }),
    staffing: z
      .strictObject({ authorized: count(t('staffing.authorized')), actual: count(t('staffing.actual')) })
      .meta({ title: '人员编制' }),
    budget: budgetSchema,
    projects: projectsSchema.optional(),
    indicators: z.array(indicatorSchema).default([]).meta({ title: '绩效指标' }),
    score: percentage(t('score'), '整体支出绩效自评得分（满分 100）'),
    grade: z
      .enum(GRADES, { error: () => `自评等级应为 ${GRADES.join('、')} 之一` })
      .optional()
      .meta({ title: '自评等级', description: '90 分及以上为优，80—89 良，60—79 中，60 以下差' }),
    score_sheet: z.array(scoreSheetRowSchema).default([]).meta({
      title: '自评得分表',
      description: '部门整体支出绩效自评得分表，逐行照录；正文中用 <ScoreSheet /> 显示',
    }),
    review: z.array(reviewRowSchema).default([]).meta({ title: '审核意见' }),
    signoff: z
      .strictObject({ issuer: text('落款单位') })
      .optional()
      .meta({ title: '落款', description: '默认为单位全称' }),
    acknowledged: z.array(acknowledgementSchema).default([]).meta({ title: '已确认的问题' }),
    transcription: text('录入说明', '原文录入时的处理，例如分页处断开的段落已接续').optional(),
  })
  .meta({ title: '部门整体支出绩效自评报告', description: '报告正文前的数据（frontmatter）' });

export type Report = z.output<typeof reportSchema>;
export type Indicator = Report['indicators'][number];
export type Acknowledgement = Report['acknowledged'][number];
export type ScoreSheetRow = Report['score_sheet'][number];
