import { fundsApi, isWithinRegion } from '@jingzhun/types';
import type { HouseholdRecord } from './household.js';
import type { Income } from './income.js';
import { assertPlausibleIncome } from './income.js';

/**
 * Asset income paid to households by funds (issue 16; `funds.income.distributed`), as identification
 * keeps it: one benefit fact per household and distribution, and, where it counts, an addition to the
 * household's income (decision Identification 42):
 *
 * - it is household income: seed 000 L1431 (资产收益 "增加贫困家庭财产性收益"), L1435 (土地流转
 *   "土地财产性收入"), L1458 ("确保资产收益及时回馈持股贫困户"); seed 002 S-14 L109 (for those who can
 *   work, asset income is paid "主要采取参加公益劳动补助形式": pay for work, 工资性收入);
 * - in the category funds named on the line (`incomeKind`, decision Funds 5): wage → 工资性收入,
 *   property → 财产性收入;
 * - in the year of the distribution's period, and only on the income record of that year;
 * - never silently while a workflow is running (its meetings, notices and tests judge the income as
 *   surveyed): the fact is kept, shown as not counted with its reason, for the cadre to enter.
 */

export type IncomeKind = 'wage' | 'property';

/** Where a distribution's amount lands in the household's income (identificationApi.IncomeInput). */
export const INCOME_CATEGORY: Record<IncomeKind, 'wageFen' | 'propertyFen'> = { wage: 'wageFen', property: 'propertyFen' };
export const INCOME_CATEGORY_ZH: Record<IncomeKind, string> = { wage: '工资性收入', property: '财产性收入' };

/** Why a recorded benefit did not change the household's income. */
export type NotCountedReason = 'workflow-running' | 'other-year' | 'implausible' | 'zero-amount';
export type NotCounted = { counted: false; reason: NotCountedReason; workflowKind?: string; incomeYear?: number };

const WORKFLOW_ZH: Record<string, string> = { entry: '识别', exit: '退出', monitoring: '监测', 'no-policy': '不再享受政策' };

/** The card's explanation of a benefit not counted: what holds it and what the village does (none when counted). */
export function notCountedZh(fact: Pick<BenefitFact, 'year' | 'income'>): string | undefined {
  if (fact.income.counted) return undefined;
  switch (fact.income.reason) {
    case 'workflow-running':
      return `该户正在办理${WORKFLOW_ZH[fact.income.workflowKind ?? ''] ?? ''}流程，收入不自动变更；请核实后通过“修改信息”计入`;
    case 'other-year':
      return `该户登记的是${fact.income.incomeYear ?? ''}年收入，本次分配属${fact.year}年，未自动计入；请在${fact.year}年收入调查时计入`;
    case 'implausible':
      return '计入后收入数据不合理，未自动计入，请核实';
    case 'zero-amount':
      return '分配金额为零';
  }
}

/** Why a line was refused: nothing but the refusal's audit is written. */
export type RefusalReason = 'HOUSEHOLD_UNKNOWN' | 'HOUSEHOLD_OUT_OF_REGION';
export const REFUSAL_ZH: Record<RefusalReason, string> = {
  HOUSEHOLD_UNKNOWN: '收益分配名单中的农户不在建档立卡登记中',
  HOUSEHOLD_OUT_OF_REGION: '收益分配名单中的农户不在该资产所在区划内',
};

export interface DistributionLine {
  distributionId: string;
  assetId: string;
  assetName: string;
  /** The asset's village or town. */
  region: string;
  period: string;
  distributedOn: string;
  householdId: string;
  amountFen: number;
  link: string;
  incomeKind: IncomeKind;
}

export interface BenefitFact extends Omit<DistributionLine, 'region'> {
  assetRegion: string;
  year: number;
  income: { counted: true; year: number; category: IncomeKind } | NotCounted;
}

/** A line may be recorded only for a household in the register and inside the asset's region. */
export function refusalOf(household: Pick<HouseholdRecord, 'region'> | undefined, line: Pick<DistributionLine, 'region'>): RefusalReason | undefined {
  if (!household) return 'HOUSEHOLD_UNKNOWN';
  if (!isWithinRegion(household.region, line.region)) return 'HOUSEHOLD_OUT_OF_REGION';
  return undefined;
}

/** The income with the amount added to its category. */
export function addToIncome(income: Income, kind: IncomeKind, amountFen: number): Income {
  const category = INCOME_CATEGORY[kind];
  return { ...income, [category]: income[category] + amountFen };
}

/**
 * What a line does to the household: the fact to keep and, when it counts, the new income. The
 * caller refreshes the household (per-capita income, standard, colour) from the new income.
 */
export function countLine(household: Pick<HouseholdRecord, 'income' | 'workflow' | 'members'>, line: DistributionLine, year: number): { fact: BenefitFact; income?: Income } {
  const { region, ...rest } = line;
  const base = { ...rest, assetRegion: region, year };
  const notCounted = (reason: NotCountedReason, detail: Omit<NotCounted, 'counted' | 'reason'> = {}) => ({
    fact: { ...base, income: { counted: false as const, reason, ...detail } },
  });
  if (line.amountFen <= 0) return notCounted('zero-amount');
  if (household.workflow) return notCounted('workflow-running', { workflowKind: household.workflow.kind });
  if (household.income.year !== year) return notCounted('other-year', { incomeYear: household.income.year });
  const income = addToIncome(household.income, line.incomeKind, line.amountFen);
  try {
    assertPlausibleIncome(income, household.members.filter((m) => m.status === 'active').length);
  } catch {
    return notCounted('implausible');
  }
  return { fact: { ...base, income: { counted: true, year, category: line.incomeKind } }, income };
}

/** The link's Chinese name (the funds contract's names); an unknown link reads 其他. */
export function linkNameOf(link: string): string {
  return (fundsApi.LINK_TYPE_NAMES as Record<string, string>)[link] ?? '其他';
}
