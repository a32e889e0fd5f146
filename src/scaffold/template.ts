// A new department's first report: the standard sections of a
// 部门整体支出绩效自评报告, every value 【待填】, figures in the prose written once
// through <Fig> so the text and the data cannot disagree.
import { placeholder, PLACEHOLDER } from '../checks/placeholders.ts';
import type { Department } from '../schema/department.ts';

const P = PLACEHOLDER;

export function templateReport(department: Department, year: number, header: string): string {
  const name = department.name;
  const short = department.short_name ?? name;
  const comment = header
    .split('\n')
    .map((l) => `#${l}`)
    .join('\n');
  return `---
${comment}
title: ${short} ${year} 年度整体支出绩效自评报告
department: ${department.id}
year: ${year}
issued: ${placeholder('成文日期，如 2025-06-20')} # 成文日期（YYYY-MM-DD）
basis: ${placeholder('评价依据（财政局通知名称及文号）')}

duties: # 职责简述：每项一行
  - ${placeholder('职责')}
units: # 内设机构：每个一行
  - ${placeholder('内设机构')}

staffing:
  authorized: ${P} # 编制人数
  actual: ${P} # 年末实有人数

budget: # 金额单位：万元
  initial: ${P} # 年初预算批复数
  total: ${P} # 全年预算数
  final: ${P} # 年终决算数
  basic: ${P} # 基本支出
  project: ${P} # 项目支出
  execution_rate: ${P} # 预算总体执行率（%），只写数字
  evaluated: ${P} # 绩效自评金额

# 绩效指标：每项写 name（名称）、unit（单位）、actual（完成值），有任务数的写 target、rate。例如：
#  - name: 科技型中小企业备案
#    unit: 家
#    target: 80
#    actual: 81
#    rate: 101.25
indicators: []

score: ${P} # 整体支出绩效自评得分

review: # 审核意见表
  - opinion: 预算单位上报意见
    conclusion: 盖章 负责人签字： 年 月 日
  - opinion: 财政预算管理股室意见
    conclusion: 盖章 负责人签字： 年 月 日
---

${placeholder('开头段：评价目的和依据')}，现将本单位 ${year} 年度整体支出绩效自评情况报告如下：

## 一、部门基本情况

### （一）职责简述。

<Duties />

### （二）机构简述。

${name}内设${placeholder('机构个数及名称')}。

### （三）编制简述。

${name}编制人数<Fig k="staffing.authorized" />，年末实有人数<Fig k="staffing.actual" />。

## 二、资金拨付及执行情况

${year}年我单位年初预算批复数<Fig k="budget.initial" />，全年预算数<Fig k="budget.total" />，年终决算数<Fig k="budget.final" />，预算总体执行率为<Fig k="budget.execution_rate" />。其中基本支出<Fig k="budget.basic" />，项目支出<Fig k="budget.project" />，本次绩效自评金额共计<Fig k="budget.evaluated" />。

## 三、绩效自评情况

### （一）部门整体支出绩效情况

${placeholder('重点工作完成情况，逐项写明数量、任务数和完成率')}

### （二）项目支出绩效情况

${placeholder('按预算类型和项目类别说明项目支出绩效自评情况')}

### （三）项目绩效自评结果

${placeholder('项目绩效自评结果')}

## 四、本单位预算绩效管理主要经验及做法

${placeholder('经验及做法')}

## 五、预算绩效管理存在的问题及改进措施

${placeholder('存在的问题及改进措施；未完成目标的指标须在此说明')}

综上，本单位整体支出绩效自评得分<Fig k="score" />。
`;
}
