import { addDays, DomainError, daysBetween, type visitsApi } from '@jingzhun/types';
import type { Helper, HouseholdRecord, RegisterStatus } from './household.js';
import type { Command } from './machine.js';
import { MONITORING_LIMIT_DAYS } from './monitoring.js';

/**
 * 入户走访 (issue 15) as pure rules. The documents set the duty without a number: one helper per
 * household (一户一策一干部, 000 ID-13 L546–550; 每户贫困户明确1名机关党员干部联系包保, 004 ID-65
 * L185), regular visits (健全定期走访、联系贫困户工作机制, 000 EX-16 L3893; 定期组织党员干部对包保的
 * 贫困户进行入户走访, 004 L1288), town and village Party secretaries visit every poor household
 * (遍访, 002 O-2 L161), and the visits feed 返贫 monitoring (000 EX-16 L3887–3928). The interval is
 * ours (docs/decisions.md, Identification: visit duties).
 */

/** A visit is due one month after the last one [PROP]: the monthly dispatch counts coverage by month. */
export const VISIT_INTERVAL_DAYS = 30;

/** A visit recorded offline may be sent days later; older than this it is a back-dated record, refused. */
export const MAX_BACKDATE_DAYS = 60;

/** Households a visit duty applies to: in the register, monitored, or exited still on policy. */
const VISITED_STATUSES: readonly RegisterStatus[] = ['REGISTERED', 'RE_REGISTERED', 'MONITORED', 'EXITED_WITH_POLICY', 'APPLYING'];

export function hasVisitDuty(status: RegisterStatus): boolean {
  return VISITED_STATUSES.includes(status);
}

/** The 帮扶责任人 in charge today: the handover without an end date. */
export function currentHelper(helpers: readonly Helper[]): Helper | undefined {
  return helpers.find((helper) => !helper.to);
}

export function assertVisitDate(date: string, today: string): void {
  if (date > today) throw new DomainError('VISIT_DATE_IN_FUTURE', '走访日期不能晚于今天', 400, { date, today });
  if (daysBetween(date, today) > MAX_BACKDATE_DAYS) {
    throw new DomainError('VISIT_DATE_TOO_OLD', `走访日期不能早于 ${MAX_BACKDATE_DAYS} 天前，请如实登记走访当天的记录`, 400, { date, today });
  }
}

/** When the next visit is due: the last visit + the interval; today when the household was never visited. */
export function visitDue(lastVisitOn: string | undefined, today: string): { visitDueOn: string; visitOverdue: boolean } {
  if (!lastVisitOn) return { visitDueOn: today, visitOverdue: true };
  const visitDueOn = addDays(lastVisitOn, VISIT_INTERVAL_DAYS);
  return { visitDueOn, visitOverdue: visitDueOn < today };
}

/** Statuses from which a monitoring signal can start (the SIGNAL guard in actions.ts, workflows.md §1.4). */
const SIGNALLABLE: readonly RegisterStatus[] = ['EXITED_WITH_POLICY', 'EXITED_NO_POLICY', 'RISK_ELIMINATED', 'REJECTED'];

export type MonitoringDecision = { outcome: 'start'; command: Command } | { outcome: 'already-monitored' | 'in-register' | 'not-eligible'; message: string };

/**
 * What a visit's risk signal does (workflows.md §1.4 D0, 003 EX-5 L737): an exited (or rejected,
 * edge) household not in another workflow starts monitoring — SIGNAL with the visit as its hardship
 * report; a monitored household is already watched; a household in the register is already helped;
 * a household in another workflow keeps it (the signal stays on the visit for the town to act on).
 */
export function monitoringFor(household: Pick<HouseholdRecord, 'status' | 'workflow'>, risk: visitsApi.VisitBody['risk'], visitId: string): MonitoringDecision | undefined {
  if (!risk) return undefined;
  if (household.status === 'MONITORED' || household.workflow?.kind === 'monitoring') {
    return { outcome: 'already-monitored', message: '该户已是监测对象或正在监测识别中，风险情况已记入走访记录' };
  }
  if (household.status === 'REGISTERED' || household.status === 'RE_REGISTERED' || household.status === 'APPLYING') {
    return { outcome: 'in-register', message: '该户在册帮扶中（或正在识别），不纳入返贫监测；风险情况已记入走访记录' };
  }
  if (!SIGNALLABLE.includes(household.status) || household.workflow) {
    return { outcome: 'not-eligible', message: '该户正在办理其他流程，暂不能发起监测；风险情况已记入走访记录，请镇（街）跟进' };
  }
  return {
    outcome: 'start',
    command: { action: 'SIGNAL', monitorType: risk.monitorType, evidence: [{ kind: 'hardship-report', ref: `visit:${visitId}`, note: risk.note }], reason: risk.note },
  };
}

export function startedMessage(signalledOn: string): { outcome: 'started'; message: string; dueDate: string } {
  const dueDate = addDays(signalledOn, MONITORING_LIMIT_DAYS);
  return { outcome: 'started', message: `已发起返贫监测，须在 ${MONITORING_LIMIT_DAYS} 天内（${dueDate} 前）完成识别`, dueDate };
}

/** The parts of a visit the phone sent: a second PUT with the same id must carry the same ones. */
export function sameSubmission(stored: { visitor: { sub: string } } & visitsApi.VisitBody, body: visitsApi.VisitBody, sub: string): boolean {
  const pick = (v: visitsApi.VisitBody) => JSON.stringify([v.householdId, v.date, v.found, v.done, v.photoIds, v.location ?? null, v.risk ?? null]);
  return stored.visitor.sub === sub && pick(stored) === pick(body);
}

export function daysLeft(dueDate: string, today: string): number {
  return daysBetween(today, dueDate);
}
