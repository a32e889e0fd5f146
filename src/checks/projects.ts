// 项目支出: breakdowns by category, budget type and fund source add up to 项目支出.
import { signed } from '../lib/decimal.ts';
import { figureText } from '../figures/figure.ts';
import { allStated } from '../figures/not-stated.ts';
import { checkRate, checkSum } from './sums.ts';
import type { Hit, ReportInput, ReportRule } from './types.ts';

const BUDGET_TYPE_NAMES = {
  general: '一般公共预算',
  government_fund: '政府性基金预算',
  state_capital: '国有资本经营预算',
  social_insurance: '社会保险基金预算',
} as const;

type BudgetTypeKey = keyof typeof BUDGET_TYPE_NAMES;

function budgetTypes(report: ReportInput) {
  const types = report.data.projects?.budget_types ?? {};
  return (Object.keys(BUDGET_TYPE_NAMES) as BudgetTypeKey[]).flatMap((key) => {
    const entry = types[key];
    return entry ? [{ key, name: BUDGET_TYPE_NAMES[key], ...entry }] : [];
  });
}

function sumHit(
  what: string,
  parts: string[],
  names: string[],
  total: string,
  unit: string,
  key: (string | number)[],
): Hit[] {
  const r = checkSum(parts, total);
  if (r.ok) return [];
  return [
    {
      at: { key },
      message: `${what}：${names.map((n, i) => `${n} ${figureText(parts[i] ?? '', unit)}`).join(' + ')} = ${figureText(r.sum, unit)}，与项目支出 ${figureText(total, unit)} 不一致（相差 ${signed(r.difference)}）`,
      hint: '请核对各项金额与项目支出合计。',
      excerpt: `${parts.join(' + ')} ≠ ${total}`,
    },
  ];
}

export const projectsCategorySum: ReportRule = {
  id: 'projects.category-sum',
  severity: 'error',
  title: '各项目类别金额之和 = 项目支出',
  reads: ['projects.categories.*.amount', 'budget.project'],
  check(report) {
    const categories = report.data.projects?.categories ?? [];
    const amounts = allStated(...categories.map((c) => c.amount));
    const { budget } = report.data;
    if (categories.length === 0 || !amounts || budget.project === null) return [];
    return sumHit(
      '按项目类别',
      amounts,
      categories.map((c) => c.name),
      budget.project,
      budget.unit,
      ['projects', 'categories'],
    );
  },
};

export const projectsBudgetTypeSum: ReportRule = {
  id: 'projects.budget-type-sum',
  severity: 'error',
  title: '各预算类型项目支出之和 = 项目支出',
  reads: ['projects.budget_types.*.amount', 'budget.project'],
  check(report) {
    const types = budgetTypes(report);
    const amounts = allStated(...types.map((t) => t.amount));
    const { budget } = report.data;
    if (types.length === 0 || !amounts || budget.project === null) return [];
    return sumHit(
      '按预算类型',
      amounts,
      types.map((t) => t.name),
      budget.project,
      budget.unit,
      ['projects', 'budget_types'],
    );
  },
};

export const projectsSourceSum: ReportRule = {
  id: 'projects.source-sum',
  severity: 'error',
  title: '上级资金 + 本级财政资金 = 项目支出',
  reads: ['projects.sources.superior', 'projects.sources.local', 'budget.project'],
  check(report) {
    const sources = report.data.projects?.sources;
    const { budget } = report.data;
    const stated = allStated(sources?.superior, sources?.local);
    if (!stated || budget.project === null) return [];
    return sumHit('按资金来源', stated, ['上级资金', '本级财政资金'], budget.project, budget.unit, [
      'projects',
      'sources',
    ]);
  },
};

export const projectsShare: ReportRule = {
  id: 'projects.share',
  severity: 'error',
  title: '预算类型的占比 = 该类金额 ÷ 项目支出',
  reads: ['projects.budget_types.*.share', 'projects.budget_types.*.amount', 'budget.project'],
  check(report) {
    const { budget } = report.data;
    const project = budget.project;
    if (project === null) return [];
    return budgetTypes(report).flatMap((raw): Hit[] => {
      if (raw.share === undefined || raw.share === null || raw.amount === null) return [];
      const t = { ...raw, share: raw.share, amount: raw.amount };
      const r = checkRate(t.share, t.amount, project);
      if (r.ok) return [];
      return [
        {
          at: { key: ['projects', 'budget_types', t.key, 'share'] },
          message: `${t.name}项目支出占比写的是 ${figureText(t.share, '%')}，按 ${figureText(t.amount, budget.unit)} ÷ 项目支出 ${figureText(project, budget.unit)} 计算应为 ${r.computed === null ? '（项目支出为 0，无法计算）' : figureText(r.computed, '%')}`,
          excerpt: figureText(t.share, '%'),
        },
      ];
    });
  },
};

export const projectsCount: ReportRule = {
  id: 'projects.count',
  severity: 'error',
  title: '各类别项目个数之和 = 各预算类型项目个数之和',
  reads: ['projects.categories.*.count', 'projects.budget_types.*.count'],
  check(report) {
    const categories = report.data.projects?.categories ?? [];
    const types = budgetTypes(report);
    const byCategory = categories.map((c) => c.count);
    const byType = types.map((t) => t.count);
    if (!categories.length || !types.length || [...byCategory, ...byType].some((n) => n === undefined || n === null))
      return [];
    const a = byCategory.reduce((s, n) => s + Number(n), 0);
    const b = byType.reduce((s, n) => s + Number(n), 0);
    if (a === b) return [];
    return [
      {
        at: { key: ['projects', 'categories'] },
        message: `按类别共 ${a} 个项目，按预算类型共 ${b} 个项目，两者不一致`,
        hint: '请核对各类别和各预算类型的项目个数。',
        excerpt: `${a} ≠ ${b}`,
      },
    ];
  },
};
