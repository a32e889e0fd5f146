// One synthetic report: the structure, length and figure density of the seed,
// with figures that agree with each other and with the prose (so it passes
// the checks), unless a fault is asked for.
import { gradeFor } from '../../src/lib/grade.ts';
import { percent, subtract } from '../../src/lib/decimal.ts';
import type { Random } from './random.ts';
import { CATEGORIES, DEPARTMENT_KINDS, DUTIES, IMPROVEMENTS, INDICATORS, PRACTICES, UNITS, WORK } from './words.ts';

export type Fault = 'budget-sum' | 'repeated-sentence' | 'execution-rate';
export const FAULTS: readonly Fault[] = ['budget-sum', 'repeated-sentence', 'execution-rate'];

export interface SyntheticDepartment {
  id: string;
  name: string;
  shortName: string;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** a × (pct / 100) in cents, cut to two places: amounts without floats. */
function share(amount: string, pct: number): string {
  const cents = BigInt(amount.replace('.', ''));
  const part = (cents * BigInt(Math.round(pct * 100))) / 10000n;
  return `${part / 100n}.${String(part % 100n).padStart(2, '0')}`;
}

const yamlString = (s: string) => (/^[\w\u4e00-\u9fff（“]/.test(s) && !/[:#]/.test(s) ? s : JSON.stringify(s));

export function syntheticReport(rng: Random, dept: SyntheticDepartment, year: number, fault?: Fault): string {
  const total = rng.decimal(80, 6000, 2);
  const final = share(total, rng.int(8500, 10000) / 100);
  const initial = share(total, rng.int(4000, 10000) / 100);
  const basic = share(final, rng.int(35, 85));
  const project = subtract(final, basic);
  const executionRate = percent(final, total, 2) ?? '0.00';
  const superior = share(project, rng.int(0, 100));
  const local = subtract(project, superior);
  const authorized = rng.int(8, 90);
  const actual = rng.int(Math.max(1, authorized - 8), authorized);
  const duties = rng.sample(DUTIES, rng.int(10, 16));
  const units = rng.sample(UNITS, rng.int(3, 10));
  const categories = rng.sample(CATEGORIES, rng.int(2, 3)).map((name) => ({ name, count: rng.int(1, 6) }));
  const projectCount = categories.reduce((n, c) => n + c.count, 0);
  const indicators = rng.sample(INDICATORS, rng.int(8, 20)).map((ind) => {
    const target = rng.int(ind.min, ind.max);
    const short = rng.chance(0.08);
    const actualValue = short
      ? rng.int(Math.floor(target * 0.7), target - 1)
      : rng.int(target, Math.ceil(target * 1.2));
    return { ...ind, target, actual: actualValue, rate: percent(String(actualValue), String(target), 2) ?? '0.00' };
  });
  const shortfalls = indicators.filter((i) => i.actual < i.target);
  const score = String(shortfalls.length ? rng.int(75, 92) : rng.int(88, 99));
  const longTable = rng.chance(0.1) ? rng.int(60, 250) : 0;

  const writtenBasic = fault === 'budget-sum' ? subtract(basic, '-1.00') : basic;
  const writtenRate = fault === 'execution-rate' ? '99.99' : executionRate;

  const fm = [
    '---',
    `# 合成数据（npm run bench:corpus 生成），不是真实报告`,
    `title: ${dept.shortName} ${year} 年度整体支出绩效自评报告`,
    `department: ${dept.id}`,
    `year: ${year}`,
    `issued: ${year + 1}-0${rng.int(3, 9)}-${String(rng.int(10, 28))}`,
    `basis: 《示例县财政局关于开展 ${year} 年度部门预算支出绩效评价工作的通知》`,
    'duties:',
    ...duties.map((d) => `  - ${yamlString(d)}`),
    'units:',
    ...units.map((u) => `  - ${u}`),
    'staffing:',
    `  authorized: ${authorized}`,
    `  actual: ${actual}`,
    'budget:',
    `  initial: ${initial}`,
    `  total: ${total}`,
    `  final: ${final}`,
    `  basic: ${writtenBasic}`,
    `  project: ${project}`,
    `  execution_rate: ${writtenRate}`,
    `  evaluated: ${final}`,
    '  full_coverage: true',
    'projects:',
    '  categories:',
    ...categories.flatMap((c) => [`    - name: ${c.name}`, `      count: ${c.count}`]),
    '  budget_types:',
    '    general:',
    `      amount: ${project}`,
    `      count: ${projectCount}`,
    '      share: 100',
    '    government_fund:',
    '      amount: 0',
    '      count: 0',
    '  sources:',
    `    superior: ${superior}`,
    `    local: ${local}`,
    'indicators:',
    ...indicators.flatMap((i) => [
      `  - name: ${i.name}`,
      `    unit: ${i.unit}`,
      `    target: ${i.target}`,
      `    actual: ${i.actual}`,
      `    rate: ${i.rate}`,
    ]),
    `score: ${score}`,
    `grade: ${gradeFor(score)}`,
    'review:',
    '  - opinion: 预算单位上报意见',
    '    conclusion: 盖章 负责人签字： 年 月 日',
    '  - opinion: 财政预算管理股室意见',
    '    conclusion: 盖章 负责人签字： 年 月 日',
    '---',
  ];

  const work = rng.sample(WORK, WORK.length);
  const practices = rng.sample(PRACTICES, 6);
  const body: string[] = [
    `为客观评价我单位 ${year} 年度财政拨款资金使用效益，进一步提高预算绩效管理水平，按照示例县财政局有关文件要求，现将本单位 ${year} 年度整体支出绩效自评情况报告如下：`,
    '## 一、部门基本情况',
    '### （一）职责简述。',
    '<Duties />',
    '### （二）机构简述。',
    `${dept.name}内设股室${units.length}个，分别为：${units.join('、')}。`,
    '### （三）编制简述。',
    `${dept.name}编制人数${authorized}人，年末实有人数${actual}人。`,
    '## 二、资金拨付及执行情况',
    `${year}年我单位年初预算批复数${initial}万元，全年预算数${total}万元，年终决算数${final}万元，预算总体执行率为${writtenRate}%。其中基本支出${writtenBasic}万元，项目支出${project}万元，按照绩效自评全覆盖原则，本次绩效自评金额共计${final}万元。`,
    '## 三、绩效自评情况',
    '### （一）部门整体支出绩效情况',
    `为顺利完成年初本单位总体绩效目标，我单位重点完成了以下工作：${work[0]}${work[1]}`,
    ...indicators.map(
      (ind, i) =>
        `${i + 1}、${ind.name}：全年目标${ind.target}${ind.unit}，实际完成${ind.actual}${ind.unit}，完成任务数的${ind.rate}%。${work[i + 2] ?? ''}`,
    ),
    '### （二）项目支出绩效情况',
    `1、组织对${year}年一般公共预算项目支出全面开展绩效自评。其中：${categories.map((c) => `${c.name}项目${c.count}个`).join('、')}，共涉及资金${project}万元，占一般公共预算项目支出总额的100%。`,
    `2、${year}年无政府性基金项目支出。`,
  ];
  if (longTable) {
    body.push(
      '项目明细如下：',
      ['| 序号 | 项目名称 | 项目类别 |', '| --- | --- | --- |']
        .concat(
          Array.from(
            { length: longTable },
            (_, i) => `| ${i + 1} | ${dept.shortName}第${i + 1}号专项 | ${rng.pick(categories).name} |`,
          ),
        )
        .join('\n'),
    );
  }
  body.push(
    '### （三）项目绩效自评结果',
    `项目支出中上级资金${superior}万元，本级财政资金${local}万元，资金使用符合规定，项目均按计划完成。`,
    '## 四、本单位预算绩效管理主要经验及做法',
    ...[0, 1, 2].map((i) => `${i + 1}、${practices[2 * i] ?? ''}${practices[2 * i + 1] ?? ''}`),
    '## 五、预算绩效管理存在的问题及改进措施',
    shortfalls.length
      ? shortfalls
          .map(
            (s) =>
              `指标“${s.name}”完成${s.actual}${s.unit}，未达到目标${s.target}${s.unit}，主要原因是项目实施进度滞后。`,
          )
          .join('')
      : '我单位未出现未完成绩效目标或偏离绩效目标较大项目。',
    ...rng.sample(IMPROVEMENTS, 2),
    `综上我单位履职完成情况与财政拨款金额基本匹配，较好地履行了部门职责，本单位整体支出绩效自评得分 ${score} 分。`,
  );
  if (fault === 'repeated-sentence') body.push(body[body.length - 1] ?? '');
  return `${fm.join('\n')}\n\n${body.join('\n\n')}\n`;
}

export function departmentName(index: number, rng: Random): SyntheticDepartment {
  const kind = rng.pick(DEPARTMENT_KINDS);
  const county = `示例${NUMERALS[index % 10]}县`;
  return {
    id: `d${String(index + 1).padStart(5, '0')}`,
    name: `${county}${kind}（${index + 1}）`,
    shortName: `${kind.replace(/局$/, '')}${index + 1}`,
  };
}
