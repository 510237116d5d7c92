import { daysBetween } from '@jingzhun/types';
import type { ProjectState } from './project.js';
import { BENEFICIARY_STATUSES } from './project.js';

/**
 * Monitoring of funds, projects and assets: what the special inspections of seed 004 look for
 * (L411 "重点关注扶贫资金闲置、挪用、损失浪费、虚报冒领、贪污侵占"; L774 audit of 截留、挤占挪用、
 * 滞留、延压 "造成大量资金闲置", 虚增工程量; SUB-92 L780 虚假人员名单) and the monthly expenditure
 * dispatch (004 SCH-02 L408 "严格落实扶贫资金支出月调度制度…督促各地加快资金支出进度").
 *
 * The documents set no day counts for these, so the limits are the project's (Funds decision 6),
 * in one place here.
 */
export const LIMITS = {
  /** Money allocated to a pot and not committed to any project this many days after it arrived is idle (闲置). */
  idleDays: 90,
  /** An approved project must start (实施方案, contract) within a month (seed 004 SUB-90 L776: 实施方案 within one month). */
  startDays: 30,
  /** An accepted project is handed over to the collective promptly (seed 002 S-12 L103 "及时办理移交"). */
  handoverDays: 30,
} as const;

export type FlagCode = 'EXPENDITURE_BEHIND' | 'IDLE_FUNDS' | 'STEP_OVERDUE' | 'ASSET_NO_OPERATOR' | 'DIVERSION' | 'FALSE_CLAIM';

export const FLAG_NAMES: Record<FlagCode, string> = {
  EXPENDITURE_BEHIND: '支出进度滞后',
  IDLE_FUNDS: '资金闲置',
  STEP_OVERDUE: '项目环节超期',
  ASSET_NO_OPERATOR: '资产未明确运管主体',
  DIVERSION: '疑似挪用',
  FALSE_CLAIM: '疑似虚报冒领',
};

export const FLAG_RULES: Record<FlagCode, string> = {
  EXPENDITURE_BEHIND: 'seed 004 SCH-02 L408 支出月调度；workflows.md §7 进度 <80% 为滞后',
  IDLE_FUNDS: `seed 004 L411、L774 资金闲置：到位 ${LIMITS.idleDays} 天仍未安排项目`,
  STEP_OVERDUE: `seed 004 SUB-90 L776 立项后 ${LIMITS.startDays} 天内编制实施方案开工；计划完工日期已过；seed 002 S-12 L103 验收后 ${LIMITS.handoverDays} 天内移交`,
  ASSET_NO_OPERATOR: 'seed 002 S-9 L51 明确运管主体，落实管护责任',
  DIVERSION: 'seed 004 L411、L774 挤占挪用：拨付对象不是项目实施单位',
  FALSE_CLAIM: 'seed 004 L774 虚增工程量套取资金（拨付超过已报进度）；SUB-92 L780 虚假人员名单（受益户不符合条件）',
};

export interface Flag {
  code: FlagCode;
  nameZh: string;
  rule: string;
  subject: string;
  region: string;
  detail: string;
}

export interface PotView {
  potId: string;
  fundTitle: string;
  region: string;
  year: number;
  /** Into this pot (received or allocated to it). */
  inFen: number;
  availableFen: number;
  /** Passed on to lower pots. */
  allocatedOutFen: number;
  committedFen: number;
  disbursedFen: number;
  arrivedOn: string;
  lastCommittedOn: string | null;
}

export interface ProjectView {
  projectId: string;
  name: string;
  region: string;
  state: ProjectState;
  stateSince: string;
  plannedEnd: string;
  implementer: string;
  budgetFen: number;
  disbursedFen: number;
  progressPercent: number;
  beneficiaries: string[];
}

export interface PaymentView {
  projectId: string;
  paymentId: string;
  payee: string;
  amountFen: number;
  paidOn: string;
}

export interface AssetView {
  assetId: string;
  name: string;
  region: string;
  operator: string | null;
}

export type ProgressStatus = 'on-track' | 'at-risk' | 'behind';

/**
 * Expenditure progress of money that stays in a pot's region (received minus passed on):
 * disbursed against the part of the year elapsed, as workflows.md §7 compares progress
 * (expected = the whole × months elapsed / 12; ≥100% on track, ≥80% at risk, below behind).
 */
export function expenditureProgress(pot: Pick<PotView, 'inFen' | 'allocatedOutFen' | 'disbursedFen' | 'year'>, today: string) {
  const baseFen = pot.inFen - pot.allocatedOutFen;
  const year = Number(today.slice(0, 4));
  const monthsElapsed = year > pot.year ? 12 : year < pot.year ? 0 : Number(today.slice(5, 7));
  const expectedFen = Math.floor((baseFen * monthsElapsed) / 12);
  const progressPermille = baseFen === 0 ? 1000 : Math.floor((pot.disbursedFen * 1000) / baseFen);
  const ratio = expectedFen === 0 ? 1 : pot.disbursedFen / expectedFen;
  const status: ProgressStatus = ratio >= 1 ? 'on-track' : ratio >= 0.8 ? 'at-risk' : 'behind';
  return { baseFen, expectedFen, progressPermille, status };
}

export interface MonitoringInput {
  today: string;
  pots: readonly PotView[];
  projects: readonly ProjectView[];
  payments: readonly PaymentView[];
  assets: readonly AssetView[];
  householdStatus: ReadonlyMap<string, string>;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

export function monitoringFlags(input: MonitoringInput): Flag[] {
  const flags: Flag[] = [];
  const flag = (code: FlagCode, subject: string, region: string, detail: string) => flags.push({ code, nameZh: FLAG_NAMES[code], rule: FLAG_RULES[code], subject, region, detail });

  for (const pot of input.pots) {
    const progress = expenditureProgress(pot, input.today);
    if (progress.baseFen > 0 && progress.status === 'behind') {
      flag('EXPENDITURE_BEHIND', pot.potId, pot.region, `${pot.fundTitle}：已支出 ${yuan(pot.disbursedFen)} 元，按时序应支出 ${yuan(progress.expectedFen)} 元`);
    }
    const since = pot.lastCommittedOn ?? pot.arrivedOn;
    if (pot.availableFen > 0 && daysBetween(since, input.today) > LIMITS.idleDays) {
      flag('IDLE_FUNDS', pot.potId, pot.region, `${pot.fundTitle}：${yuan(pot.availableFen)} 元自 ${since} 起 ${daysBetween(since, input.today)} 天未安排项目`);
    }
  }

  const projects = new Map(input.projects.map((p) => [p.projectId, p]));
  for (const project of input.projects) {
    const days = daysBetween(project.stateSince, input.today);
    if (project.state === 'APPROVED' && days > LIMITS.startDays) flag('STEP_OVERDUE', project.projectId, project.region, `${project.name}：立项 ${days} 天仍未开工实施`);
    if (project.state === 'IN_PROGRESS' && project.plannedEnd < input.today)
      flag('STEP_OVERDUE', project.projectId, project.region, `${project.name}：计划 ${project.plannedEnd} 完工，至今未验收`);
    if (project.state === 'ACCEPTED' && days > LIMITS.handoverDays) flag('STEP_OVERDUE', project.projectId, project.region, `${project.name}：验收 ${days} 天仍未移交资产`);
    if (project.state === 'IN_PROGRESS' && project.disbursedFen > Math.floor((project.budgetFen * project.progressPercent) / 100)) {
      flag(
        'FALSE_CLAIM',
        project.projectId,
        project.region,
        `${project.name}：已拨付 ${yuan(project.disbursedFen)} 元，超过已报进度 ${project.progressPercent}% 对应的 ${yuan(Math.floor((project.budgetFen * project.progressPercent) / 100))} 元`,
      );
    }
    const ineligible = project.beneficiaries.filter((id) => !BENEFICIARY_STATUSES.has(input.householdStatus.get(id) ?? 'UNKNOWN'));
    if (ineligible.length > 0 && project.state !== 'REJECTED')
      flag('FALSE_CLAIM', project.projectId, project.region, `${project.name}：${ineligible.length} 户受益户已不符合受益条件`);
  }

  for (const payment of input.payments) {
    const project = projects.get(payment.projectId);
    if (project && payment.payee.trim() !== project.implementer.trim()) {
      flag(
        'DIVERSION',
        payment.paymentId,
        project.region,
        `${project.name}：${payment.paidOn} 拨付 ${yuan(payment.amountFen)} 元给「${payment.payee}」，不是实施单位「${project.implementer}」`,
      );
    }
  }

  for (const asset of input.assets) {
    if (!asset.operator?.trim()) flag('ASSET_NO_OPERATOR', asset.assetId, asset.region, `${asset.name}：未明确运营管护主体`);
  }
  return flags;
}
