import { caseworkApi } from '@jingzhun/types';
import type { Who } from '../../../access.js';

type CaseActionName = caseworkApi.CaseAction['action'];
type AidActionName = 'AID_FIRST' | 'APPROVE' | 'PAY' | 'REJECT';

export const CASE_ACTION_ZH: Record<CaseActionName, string> = {
  VERIFY: '入户核查',
  FILE: '备案',
  APPRAISE: '民主评议',
  NOTICE: '张榜公示',
  APPROVE: '审批纳入',
  REJECT: '不予纳入',
  REVIEW: '定期复核',
  MARK_INELIGIBLE: '核实不再符合条件',
  CANCEL: '取消待遇',
  EXTEND_GRADUAL_EXIT: '延长渐退期',
  CHANGE_CARE: '调整供养方式',
};

/** The history's action names (the case's own steps, the opening and the daily job's). */
export const CASE_HISTORY_ZH: Record<string, string> = {
  ...CASE_ACTION_ZH,
  APPLY: '受理申请',
  MIGRATE: '存量纳入',
  VERIFY_INELIGIBLE: '核实不再符合条件',
  GRADUAL_EXIT_ENDED: '渐退期满',
};

export const CASE_KIND_ZH: Record<(typeof caseworkApi.CASE_KINDS)[number], string> = { dibao: '低保', tekun: '特困' };
/** The filter's names: the contracts' table, the same the server's `stateZh` comes from. */
export const CASE_STATE_ZH = caseworkApi.CASE_STATE_NAMES;

export const AID_ACTION_ZH: Record<AidActionName, string> = { AID_FIRST: '先行救助', APPROVE: '审批', PAY: '发放', REJECT: '不予救助' };
export const AID_HISTORY_ZH: Record<string, string> = { ...AID_ACTION_ZH, APPLY: '受理申请', DOCUMENT: '补齐手续' };
export const AID_STATE_ZH: Record<(typeof caseworkApi.AID_STATES)[number], string> = {
  APPLIED: '已受理',
  AIDED: '已先行救助（待补手续）',
  APPROVED: '已审批待发放',
  PAID: '已发放',
  REJECTED: '不予救助',
};

/** The role a step names: the county 民政 is a department user of 民政. */
function stepRole(who: Who): 'village' | 'town' | 'minzheng' | undefined {
  if (who.role === 'department') return who.department === 'minzheng' ? 'minzheng' : undefined;
  return who.role === 'village' || who.role === 'town' ? who.role : undefined;
}

/**
 * The steps a case offers this user now: those its state admits (the case rules, 004 ID-29…ID-39)
 * and that the user's role takes (CASE_STEP_ROLES, the handler's own table). The server still decides.
 */
export function caseOffers(c: caseworkApi.AssistanceCase, who: Who): CaseActionName[] {
  const open = ['APPLIED', 'VERIFIED', 'APPRAISED', 'NOTICED'].includes(c.state);
  const byState: CaseActionName[] = [];
  if (c.state === 'APPLIED') byState.push('VERIFY');
  if (c.state === 'VERIFIED' && c.verification?.qualifies) byState.push('APPRAISE');
  if (c.state === 'APPRAISED') byState.push('NOTICE');
  if (c.state === 'NOTICED') byState.push('APPROVE');
  if (open && c.relatedOfficials.length > 0 && !c.filing) byState.push('FILE');
  if (open) byState.push('REJECT');
  if (c.state === 'IN_CARE' || c.state === 'GRADUAL_EXIT') byState.push('REVIEW');
  if (c.state === 'IN_CARE') byState.push('MARK_INELIGIBLE');
  if (c.state === 'IN_CARE' && c.kind === 'tekun') byState.push('CHANGE_CARE');
  if (c.state === 'GRADUAL_EXIT') byState.push('EXTEND_GRADUAL_EXIT');
  if (c.state === 'CANCELLATION_PENDING') byState.push('CANCEL');
  const role = stepRole(who);
  return byState.filter((action) => role !== undefined && (caseworkApi.CASE_STEP_ROLES[action] as readonly string[]).includes(role));
}

/** The steps a temporary aid offers this user (004 ID-46…ID-48 L329): the town decides small aid, the county 民政 the rest. */
export function aidOffers(a: caseworkApi.AidCase, who: Who): AidActionName[] {
  const role = stepRole(who);
  if (role !== 'town' && role !== 'minzheng') return [];
  const mayDecide = role === 'minzheng' || a.approver === 'town';
  const offers: AidActionName[] = [];
  if (a.state === 'APPLIED' && a.emergency) offers.push('AID_FIRST');
  if (mayDecide && ((a.state === 'APPLIED' && !a.emergency) || a.state === 'AIDED')) offers.push('APPROVE');
  if (a.state === 'APPROVED') offers.push('PAY');
  if (mayDecide && a.state === 'APPLIED') offers.push('REJECT');
  return offers;
}
