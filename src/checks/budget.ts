// 资金拨付及执行情况: the budget figures must agree with each other.
import { equals, signed, subtract } from '../lib/decimal.ts';
import { figureText } from '../figures/figure.ts';
import { allStated } from '../figures/not-stated.ts';
import { checkRate, checkSum } from './sums.ts';
import type { ReportRule } from './types.ts';

export const budgetSum: ReportRule = {
  id: 'budget.sum',
  severity: 'error',
  title: '基本支出 + 项目支出 = 年终决算数',
  reads: ['budget.basic', 'budget.project', 'budget.final'],
  check({ data: { budget } }) {
    const stated = allStated(budget.basic, budget.project, budget.final);
    if (!stated) return [];
    const [basic, project, final] = stated;
    const r = checkSum([basic, project], final);
    if (r.ok) return [];
    const u = budget.unit;
    return [
      {
        at: { key: ['budget', 'basic'] },
        message: `基本支出 ${figureText(basic, u)} + 项目支出 ${figureText(project, u)} = ${figureText(r.sum, u)}，与年终决算数 ${figureText(final, u)} 不一致（相差 ${signed(r.difference)}）`,
        hint: '请对照决算报表核对这三个数；若原文如此，在 acknowledged 中说明。',
        excerpt: `${basic} + ${project} ≠ ${final}`,
      },
    ];
  },
};

export const budgetBasicParts: ReportRule = {
  id: 'budget.basic-parts',
  severity: 'error',
  title: '人员经费 + 公用经费 = 基本支出',
  reads: ['budget.personnel', 'budget.public', 'budget.basic'],
  check({ data: { budget } }) {
    const stated = allStated(budget.personnel, budget.public, budget.basic);
    if (!stated) return [];
    const [personnel, pub, basic] = stated;
    const r = checkSum([personnel, pub], basic);
    if (r.ok) return [];
    const u = budget.unit;
    return [
      {
        at: { key: ['budget', 'personnel'] },
        message: `人员经费 ${figureText(personnel, u)} + 公用经费 ${figureText(pub, u)} = ${figureText(r.sum, u)}，与基本支出 ${figureText(basic, u)} 不一致（相差 ${signed(r.difference)}）`,
        hint: '请对照决算报表核对这三个数；若原文如此，在 acknowledged 中说明。',
        excerpt: `${personnel} + ${pub} ≠ ${basic}`,
      },
    ];
  },
};

export const budgetExecutionRate: ReportRule = {
  id: 'budget.execution-rate',
  severity: 'error',
  title: '预算执行率 = 年终决算数 ÷ 全年预算数',
  reads: ['budget.execution_rate', 'budget.final', 'budget.total'],
  check({ data }) {
    const stated = allStated(data.budget.execution_rate, data.budget.final, data.budget.total);
    if (!stated) return [];
    const [execution_rate, final, total] = stated;
    const budget = { execution_rate, final, total };
    const r = checkRate(execution_rate, final, total);
    if (r.ok) return [];
    const u = data.budget.unit;
    return [
      {
        at: { key: ['budget', 'execution_rate'] },
        message:
          r.computed === null
            ? `全年预算数为 0，无法计算执行率，但填写了 ${figureText(budget.execution_rate, '%')}`
            : `预算执行率写的是 ${figureText(budget.execution_rate, '%')}，按决算数 ${figureText(budget.final, u)} ÷ 全年预算数 ${figureText(budget.total, u)} 计算应为 ${figureText(r.computed, '%')}`,
        hint: '执行率按原文的小数位数核对（四舍五入或截断均可）。',
        excerpt: figureText(budget.execution_rate, '%'),
      },
    ];
  },
};

export const budgetEvaluatedCoverage: ReportRule = {
  id: 'budget.evaluated-coverage',
  severity: 'error',
  title: '声明“全覆盖”时，绩效自评金额 = 年终决算数',
  reads: ['budget.evaluated', 'budget.final'],
  check({ data, prose }) {
    const stated = allStated(data.budget.evaluated, data.budget.final);
    if (!stated) return [];
    const [evaluated, final] = stated;
    const budget = { evaluated, final };
    const claimed = data.budget.full_coverage ?? prose.some((b) => /全覆盖/.test(b.text) && /自评/.test(b.text));
    if (!claimed || equals(evaluated, final)) return [];
    const u = data.budget.unit;
    return [
      {
        at: { key: ['budget', 'evaluated'] },
        message: `报告称按全覆盖原则自评，但绩效自评金额 ${figureText(budget.evaluated, u)} 与年终决算数 ${figureText(budget.final, u)} 不一致（相差 ${signed(subtract(budget.evaluated, budget.final))}）`,
        hint: '全覆盖时两数应相等。请核对自评金额；若原文如此，在 acknowledged 中说明。',
        excerpt: `${budget.evaluated} ≠ ${budget.final}`,
      },
    ];
  },
};
