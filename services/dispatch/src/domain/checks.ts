/**
 * The budget checks of workflows.md §6 "Budget checks" on the finance bureau's budget filing
 * (figures `budget.fen`, `budget.previous.fen`, `rate.revenue.growth`):
 * - not less than the previous year (seed 002 T-14 L131; seed 004 SUB-84 L401, L405);
 * - growth above the growth of fiscal revenue by 20 or more (seed 001 S-64 L510). The text
 *   "增幅高于本级财政收入增长幅度20%以上" is read as 20 percentage points (seed 001 ambiguity 19;
 *   decision Dispatch 24), configurable here.
 */
export const GROWTH_MARGIN_POINTS = 20;

export interface BudgetCheck {
  rule: string;
  passed: boolean | null;
  detail: string;
  source: string;
}

export function budgetChecks(figures: Readonly<Record<string, number>>): BudgetCheck[] {
  const budget = figures['budget.fen'];
  const previous = figures['budget.previous.fen'];
  const revenueGrowth = figures['rate.revenue.growth'];
  const known = budget !== undefined && previous !== undefined;
  const growthPct = known && previous > 0 ? Math.round(((budget - previous) / previous) * 10000) / 100 : null;
  return [
    {
      rule: '扶贫资金预算不少于上年',
      passed: known ? budget >= previous : null,
      detail: known ? `本年 ${budget} 分，上年 ${previous} 分` : '未填报 budget.fen 或 budget.previous.fen',
      source: 'seed 002 T-14 L131; seed 004 SUB-84 L401, L405',
    },
    {
      rule: `增幅高于财政收入增幅 ${GROWTH_MARGIN_POINTS} 个百分点以上`,
      passed: growthPct !== null && revenueGrowth !== undefined ? growthPct >= revenueGrowth + GROWTH_MARGIN_POINTS : null,
      detail: growthPct !== null && revenueGrowth !== undefined ? `预算增幅 ${growthPct}%，财政收入增幅 ${revenueGrowth}%` : '未填报上年预算或 rate.revenue.growth',
      source: 'seed 001 S-64 L510',
    },
  ];
}
