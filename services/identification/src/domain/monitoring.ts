import { addDays, daysBetween } from '@jingzhun/types';
import type { NoticeStage, Step } from './machine.js';

/**
 * Monitoring objects 返贫/边缘 (workflows.md §1.4, ANC §1 §3 [NAT]; 002 I-5 L29–31; 003 EX-5 L737,
 * EX-6 L739): signal → … → MONITORED within 15 calendar days, one village 公示 of ≥ 5 days.
 * Fallback: a new household → REJECTED; an exited household keeps its status (§4.1).
 */
export type MonitoringState = 'SIGNALLED' | 'APPLIED' | 'CHECKED' | 'COMPARED' | 'REVIEWED' | 'NOTICED' | 'NOTICE_CLEARED' | 'TOWN_REVIEWED' | 'COUNTY_DECIDED';

const S = (step: Step<MonitoringState>) => step;

export const MONITORING_LIMIT_DAYS = 15;

export const MONITORING_STEPS: readonly Step<MonitoringState>[] = [
  S({ action: 'SIGNAL', from: null, to: 'SIGNALLED', roles: ['village', 'town', 'county'], evidence: ['hardship-report'], citation: 'workflows.md §1.4 D0; 003 EX-5 L737' }),
  S({ action: 'APPLY', from: 'SIGNALLED', to: 'APPLIED', roles: ['village'], evidence: ['authorisation'], citation: 'workflows.md §1.4 D1' }),
  S({ action: 'CHECK', from: 'APPLIED', to: 'CHECKED', roles: ['village'], evidence: ['survey'], citation: 'workflows.md §1.4 D2' }),
  S({ action: 'COMPARE', from: 'CHECKED', to: 'COMPARED', roles: ['county'], evidence: ['comparison'], citation: 'workflows.md §1.4 D5' }),
  S({ action: 'REVIEW', from: 'COMPARED', to: 'REVIEWED', roles: ['village'], evidence: ['minutes'], meeting: true, citation: 'workflows.md §1.4 D6' }),
  S({
    action: 'POST_NOTICE',
    from: 'REVIEWED',
    to: 'NOTICED',
    roles: ['village'],
    evidence: [],
    notice: { type: 'monitoring', days: 5 },
    citation: 'workflows.md §1.4 D7–D11, §4.2',
  }),
  S({ action: 'TOWN_REVIEW', from: 'NOTICE_CLEARED', to: 'TOWN_REVIEWED', roles: ['town'], evidence: ['review-form'], citation: 'workflows.md §1.4 D12' }),
  S({ action: 'COUNTY_DECIDE', from: 'TOWN_REVIEWED', to: 'COUNTY_DECIDED', roles: ['county'], evidence: ['decision'], citation: 'workflows.md §1.4 D14' }),
  S({ action: 'CONFIRM', from: 'COUNTY_DECIDED', to: null, roles: ['town'], evidence: ['nsys-receipt'], citation: 'workflows.md §1.4 D15' }),
  ...(['CHECKED', 'COMPARED', 'REVIEWED', 'NOTICE_CLEARED', 'TOWN_REVIEWED'] as const).map((from) =>
    S({ action: 'REJECT', from, to: null, roles: ['county'], evidence: ['decision'], reasonRequired: true, citation: 'workflows.md §4.1 fallbacks' }),
  ),
];

export const MONITORING_NOTICES: readonly NoticeStage<MonitoringState>[] = [{ state: 'NOTICED', clearTo: 'NOTICE_CLEARED' }];

/** The day by which each state should be left (workflows.md §1.4 table, per-step split [PROP]). */
const STEP_DAY: Record<MonitoringState, number> = {
  SIGNALLED: 1,
  APPLIED: 2,
  CHECKED: 5,
  COMPARED: 6,
  REVIEWED: 7,
  NOTICED: 12,
  NOTICE_CLEARED: 12,
  TOWN_REVIEWED: 14,
  COUNTY_DECIDED: 15,
};

export type MonitoringAlert = 'none' | 'orange' | 'red';

/**
 * Overdue alerts (workflows.md §1.4, Anhui practice ANC §3): a step past its day → orange to the
 * county; passing day 15 → red.
 */
export function monitoringAlert(state: MonitoringState, signalledOn: string, today: string): MonitoringAlert {
  const day = daysBetween(signalledOn, today);
  if (day > MONITORING_LIMIT_DAYS) return 'red';
  return day > STEP_DAY[state] ? 'orange' : 'none';
}

export function monitoringDueDate(signalledOn: string): string {
  return addDays(signalledOn, MONITORING_LIMIT_DAYS);
}
