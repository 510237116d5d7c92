import { DomainError, type Role } from '@jingzhun/types';
import { type Command, checkStep, findStep, type NoticeType, type Step } from './machine.js';
import { assertWindowOpen, type NsysWindow, policyUntil } from './policy.js';

/**
 * Village exit 贫困村退出 (workflows.md §2.3; 000 EX-7…EX-11 L1072–1103): 初审评估 = PRELIM_REVIEWED,
 * VILLAGE_NOTICE; 测评验收 = EVALUATED; 公告退出 = APPROVED, ANNOUNCED; 备案销号 = FILED, DEREGISTERED.
 * Fallback: NOT_EXITED (stays a key village, may re-apply next year; §4.1).
 */
export type VillageExitState =
  | 'PRELIM_REVIEWED'
  | 'VILLAGE_NOTICE'
  | 'NOTICE_CLEARED'
  | 'EVALUATED'
  | 'APPROVED'
  | 'ANNOUNCED'
  | 'ANNOUNCEMENT_CLEARED'
  | 'FILED'
  | 'DEREGISTERED'
  | 'NOT_EXITED';

export interface VillageExitRecord {
  village: string;
  year: number;
  state: VillageExitState;
  ruralPopulation: number;
  poorPersons: number;
  incidencePercent: number;
  checklist: { infrastructure: boolean; publicServices: boolean; industry: boolean; collectiveIncomeFen: number };
  exception?: string;
  /** The notice posted for the current step: one request per posting region (the announcement at district and town). */
  notice?: { requestIds: string[]; cleared: string[]; type: string; held: boolean };
  lastDecision?: { action: string; at: string; reason?: string };
  deregisteredAt?: string;
  policyUntil?: string;
}

/** `village.incidence_max` = 2.0 %, inclusive [PROP] (000 EX-7 L1072–1077 "降至2%以下"; 以下 includes). */
export const INCIDENCE_MAX_PERCENT = 2;

/** Incidence = not-exited registered persons ÷ the village's rural population, in percent to 2 decimals (half up): for display only. */
export function incidencePercent(poorPersons: number, ruralPopulation: number): number {
  assertPopulation(poorPersons, ruralPopulation);
  return Math.floor((2 * poorPersons * 10000 + ruralPopulation) / (2 * ruralPopulation)) / 100;
}

/**
 * The exit standard on the exact ratio, in integers (seed 000 EX-7 L1072–1077 "降至2%以下", 以下
 * includes the bound): poor × 100 ≤ 2 × population. The rounded percentage is never compared, so a
 * village at 2.004% does not pass as "2.00%".
 */
export function incidenceWithinMax(poorPersons: number, ruralPopulation: number): boolean {
  assertPopulation(poorPersons, ruralPopulation);
  return poorPersons * 100 <= INCIDENCE_MAX_PERCENT * ruralPopulation;
}

function assertPopulation(poorPersons: number, ruralPopulation: number): void {
  if (ruralPopulation <= 0) throw new DomainError('POPULATION_INVALID', '农村人口须大于0', 400);
  if (poorPersons > ruralPopulation) throw new DomainError('POPULATION_INVALID', '贫困人口不能多于农村人口', 400);
}

/**
 * What differs between jurisdictions in a village exit, by region-code prefix (longest wins):
 * the collective-income floor, where it is checked at all (002 T-11 L101 ≥ 3万, 003 EX-3 L99 ≥ 15万;
 * 000 names collective income only as a factor, EX-7 L1072–1077), and where the exit is announced
 * (000 EX-10 L1095 在区、镇（街）公告退出; 001 E-6 L186 在县内公告退出).
 */
export interface VillageExitRule {
  prefix: string;
  nameZh: string;
  minCollectiveIncomeFen?: number;
  announceAt: readonly ('county' | 'town')[];
  source: string;
}

export const VILLAGE_EXIT_RULES: readonly VillageExitRule[] = [
  { prefix: '37', nameZh: '山东省', announceAt: ['county', 'town'], source: 'seed 000 EX-10 L1093–1097 (在区、镇（街）公告退出)' },
  { prefix: '370405', nameZh: '台儿庄区', announceAt: ['county', 'town'], source: 'seed 000 EX-7 L1072–1077; EX-10 L1093–1097 (在区、镇（街）公告退出，公告期5天)' },
  { prefix: '370404', nameZh: '峄城区', minCollectiveIncomeFen: 3_000_000, announceAt: ['county', 'town'], source: 'seed 002 T-11 L101 (重点村集体收入不低于3万元)' },
  { prefix: '370323', nameZh: '沂源县', announceAt: ['county'], source: 'seed 001 E-6 L186 (在县内公告退出)' },
  { prefix: '3702', nameZh: '青岛市', minCollectiveIncomeFen: 15_000_000, announceAt: ['county', 'town'], source: 'seed 003 EX-3 L99 (村集体经济年收入达到15万元以上)' },
];

export function villageExitRuleOf(village: string): VillageExitRule {
  const rule = VILLAGE_EXIT_RULES.filter((r) => village.startsWith(r.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (!rule) throw new DomainError('VILLAGE_EXIT_RULES_UNKNOWN', `区划 ${village} 未设定贫困村退出规则`, 409, { village });
  return rule;
}

/** Where a village-exit notice is posted: the 公示 in the village; the 公告 where the jurisdiction announces exits. */
export function noticeRegionsOf(village: string, type: NoticeType): string[] {
  if (type !== 'village-exit-announcement') return [village];
  return villageExitRuleOf(village).announceAt.map((level) => (level === 'county' ? `${village.slice(0, 6)}000000` : `${village.slice(0, 9)}000`));
}

/** Persons counted as poor for the incidence: registered households not queued for 销号 this year (§2.3 [PROP]). */
export function countPoorPersons(households: readonly { status: string; size: number; workflow?: { kind: string; state: string } | undefined }[]): number {
  return households
    .filter((h) => (h.status === 'REGISTERED' || h.status === 'RE_REGISTERED') && !(h.workflow?.kind === 'exit' && h.workflow.state === 'FILED'))
    .reduce((sum, h) => sum + h.size, 0);
}

const S = (step: Step<VillageExitState>) => step;
export const VILLAGE_EXIT_STEPS: readonly Step<VillageExitState>[] = [
  S({
    action: 'POST_NOTICE',
    from: 'PRELIM_REVIEWED',
    to: 'VILLAGE_NOTICE',
    roles: ['town'],
    evidence: [],
    notice: { type: 'village-exit-notice', days: 7 },
    citation: 'seed 000 EX-8 L1083–1085; PN-3',
  }),
  S({ action: 'EVALUATE', from: 'NOTICE_CLEARED', to: 'EVALUATED', roles: ['county'], evidence: ['acceptance-report'], citation: 'seed 000 EX-9 L1085–1093' }),
  S({
    action: 'REJECT',
    from: 'NOTICE_CLEARED',
    to: 'NOT_EXITED',
    roles: ['county'],
    evidence: ['acceptance-report'],
    reasonRequired: true,
    citation: 'seed 000 EX-9 L1085–1093 (是否退出)',
  }),
  S({ action: 'APPROVE', from: 'EVALUATED', to: 'APPROVED', roles: ['leading_group'], evidence: ['approval'], citation: 'seed 000 EX-10 L1093–1097' }),
  S({ action: 'REJECT', from: 'EVALUATED', to: 'NOT_EXITED', roles: ['leading_group'], evidence: ['approval'], reasonRequired: true, citation: 'seed 000 EX-10' }),
  S({
    action: 'POST_NOTICE',
    from: 'APPROVED',
    to: 'ANNOUNCED',
    roles: ['county'],
    evidence: [],
    notice: { type: 'village-exit-announcement', days: 5 },
    citation: 'seed 000 EX-10 L1093–1097 (公告期5天); PN-4',
  }),
  S({ action: 'FILE', from: 'ANNOUNCEMENT_CLEARED', to: 'FILED', roles: ['leading_group'], evidence: ['filing'], citation: 'seed 000 EX-11 L1099–1103' }),
  S({ action: 'DEREGISTER', from: 'FILED', to: 'DEREGISTERED', roles: ['county'], evidence: ['nsys-receipt'], citation: 'seed 000 EX-11 L1099–1103 (开放调整期内…退出并销号)' }),
];

const NOTICE_STATES: Partial<Record<VillageExitState, VillageExitState>> = { VILLAGE_NOTICE: 'NOTICE_CLEARED', ANNOUNCED: 'ANNOUNCEMENT_CLEARED' };

/** 初审评估 (000 EX-8 L1079–1083): the town checks the standard; incidence above 2% needs a written exception for LG. */
export function openVillageExit(input: Omit<VillageExitRecord, 'state' | 'incidencePercent'>, role: Role, evidence: Command['evidence'], today: string): VillageExitRecord {
  checkStep({ action: 'PRELIM_REVIEW', from: null, to: 'PRELIM_REVIEWED', roles: ['town'], evidence: ['review-form'], citation: 'seed 000 EX-8' }, role, {
    action: 'PRELIM_REVIEW',
    evidence,
  });
  const incidence = incidencePercent(input.poorPersons, input.ruralPopulation);
  if (!incidenceWithinMax(input.poorPersons, input.ruralPopulation) && !input.exception) {
    throw new DomainError('INCIDENCE_TOO_HIGH', `贫困发生率 ${incidence}% 高于 2%，不符合退出标准（确需退出须写明例外理由，报领导小组）`, 409, { incidencePercent: incidence });
  }
  const rule = villageExitRuleOf(input.village);
  if (rule.minCollectiveIncomeFen !== undefined && input.checklist.collectiveIncomeFen < rule.minCollectiveIncomeFen && !input.exception) {
    throw new DomainError(
      'COLLECTIVE_INCOME_TOO_LOW',
      `村集体经济收入 ${input.checklist.collectiveIncomeFen / 100} 元低于${rule.nameZh}标准 ${rule.minCollectiveIncomeFen / 100} 元（确需退出须写明例外理由，报领导小组）`,
      409,
      { collectiveIncomeFen: input.checklist.collectiveIncomeFen, minimumFen: rule.minCollectiveIncomeFen, source: rule.source },
    );
  }
  return { ...input, state: 'PRELIM_REVIEWED', incidencePercent: incidence, lastDecision: { action: 'PRELIM_REVIEW', at: today } };
}

export function applyVillageExitAction(
  record: VillageExitRecord,
  command: Command,
  ctx: { role: Role; today: string; window: NsysWindow | undefined; poorPersons: number },
): { record: VillageExitRecord; notice?: { type: NoticeType; days: number }; exited: boolean } {
  if (NOTICE_STATES[record.state]) throw new DomainError('NOTICE_PENDING', '正在公示，须等公示期结束', 409);
  const step = findStep(VILLAGE_EXIT_STEPS, record.state, command.action, '贫困村退出流程');
  checkStep(step, ctx.role, command);
  const decision = { action: step.action, at: ctx.today, ...(command.reason ? { reason: command.reason } : {}) };
  let next: VillageExitRecord = { ...record, state: step.to as VillageExitState, lastDecision: decision };
  delete next.notice;
  if (step.action === 'EVALUATE') {
    // 测评验收 computes the incidence again from the register (000 EX-9).
    const incidence = incidencePercent(ctx.poorPersons, record.ruralPopulation);
    if (!incidenceWithinMax(ctx.poorPersons, record.ruralPopulation) && !record.exception) {
      throw new DomainError('INCIDENCE_TOO_HIGH', `测评时贫困发生率 ${incidence}% 高于 2%`, 409, { incidencePercent: incidence });
    }
    next = { ...next, poorPersons: ctx.poorPersons, incidencePercent: incidence };
  }
  if (step.action === 'APPROVE' && record.exception && !command.reason) {
    throw new DomainError('REASON_REQUIRED', '贫困发生率高于2%的例外退出须由领导小组写明批准理由', 400);
  }
  if (step.action === 'DEREGISTER') {
    assertWindowOpen(ctx.window, ctx.today);
    next = { ...next, deregisteredAt: ctx.today, policyUntil: policyUntil(ctx.today) };
  }
  return { record: next, ...(step.notice ? { notice: step.notice } : {}), exited: step.action === 'DEREGISTER' };
}

export function applyVillageNoticeOutcome(
  record: VillageExitRecord,
  requestId: string,
  outcome: 'clear' | 'held' | 'upheld',
  source: 'window-closed' | 'objection-decided',
  today: string,
): VillageExitRecord | undefined {
  const clearTo = NOTICE_STATES[record.state];
  const notice = record.notice;
  if (!clearTo || !notice?.requestIds.includes(requestId)) return undefined;
  if (source === 'objection-decided' && !notice.held) return undefined;
  if (outcome === 'held') return notice.held ? undefined : { ...record, notice: { ...notice, held: true } };
  const { notice: _n, ...rest } = record;
  if (outcome === 'upheld') return { ...rest, state: 'NOT_EXITED', lastDecision: { action: 'OBJECTION_UPHELD', at: today, reason: '公示期间异议成立' } };
  // Posted in several regions (district and town): the step moves on once every posting has closed clear.
  const cleared = [...new Set([...notice.cleared, requestId])];
  if (notice.requestIds.some((id) => !cleared.includes(id))) return { ...record, notice: { ...notice, cleared } };
  return { ...rest, state: clearTo };
}
