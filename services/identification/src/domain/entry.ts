import type { NoticeStage, Step } from './machine.js';

/**
 * Entry 两评议两公示一比对一公告 (workflows.md §1.3, ANC §3 [NAT]; the seeds give no entry
 * procedure, 000 A-1 / ID-9 L1019–1021). A notice state waits for the notices service; a clear
 * window moves to the `_CLEARED` state, an upheld objection falls back to REJECTED (§4.1).
 */
export type EntryState =
  | 'APPLIED'
  | 'SURVEYED'
  | 'GROUP_REVIEWED'
  | 'NOTICE1'
  | 'NOTICE1_CLEARED'
  | 'COMPARED'
  | 'ASSEMBLY_REVIEWED'
  | 'NOTICE2'
  | 'NOTICE2_CLEARED'
  | 'TOWN_REVIEWED'
  | 'COUNTY_APPROVED'
  | 'ANNOUNCED'
  | 'AWAITING_WINDOW';

const S = (step: Step<EntryState>) => step;

export const ENTRY_STEPS: readonly Step<EntryState>[] = [
  S({ action: 'SURVEY', from: 'APPLIED', to: 'SURVEYED', roles: ['village'], evidence: ['survey', 'photos'], citation: 'workflows.md §1.3 #2' }),
  S({ action: 'GROUP_REVIEW', from: 'SURVEYED', to: 'GROUP_REVIEWED', roles: ['village'], evidence: ['minutes', 'vote'], citation: 'workflows.md §1.3 #3' }),
  S({ action: 'REJECT', from: 'SURVEYED', to: null, roles: ['village'], evidence: ['minutes'], reasonRequired: true, citation: 'workflows.md §1.3 #3' }),
  S({
    action: 'POST_NOTICE',
    from: 'GROUP_REVIEWED',
    to: 'NOTICE1',
    roles: ['village'],
    evidence: [],
    notice: { type: 'entry-first', days: 7 },
    citation: 'workflows.md §1.3 #4, §4.2',
  }),
  S({ action: 'COMPARE', from: 'NOTICE1_CLEARED', to: 'COMPARED', roles: ['county'], evidence: ['comparison'], citation: 'workflows.md §1.3 #5' }),
  S({ action: 'ASSEMBLY_REVIEW', from: 'COMPARED', to: 'ASSEMBLY_REVIEWED', roles: ['village'], evidence: ['minutes'], meeting: true, citation: 'workflows.md §1.3 #6' }),
  S({ action: 'REJECT', from: 'COMPARED', to: null, roles: ['village'], evidence: ['minutes'], reasonRequired: true, citation: 'workflows.md §1.3 #6' }),
  S({
    action: 'POST_NOTICE',
    from: 'ASSEMBLY_REVIEWED',
    to: 'NOTICE2',
    roles: ['village'],
    evidence: [],
    notice: { type: 'entry-second', days: 7 },
    citation: 'workflows.md §1.3 #7',
  }),
  S({ action: 'TOWN_REVIEW', from: 'NOTICE2_CLEARED', to: 'TOWN_REVIEWED', roles: ['town'], evidence: ['review-form'], citation: 'workflows.md §1.3 #8' }),
  S({ action: 'REJECT', from: 'NOTICE2_CLEARED', to: null, roles: ['town'], evidence: ['review-form'], reasonRequired: true, citation: 'workflows.md §1.3 #8' }),
  S({ action: 'COUNTY_APPROVE', from: 'TOWN_REVIEWED', to: 'COUNTY_APPROVED', roles: ['county'], evidence: ['approval'], citation: 'workflows.md §1.3 #9' }),
  S({ action: 'REJECT', from: 'TOWN_REVIEWED', to: null, roles: ['county'], evidence: ['approval'], reasonRequired: true, citation: 'workflows.md §1.3 #9' }),
  S({
    action: 'POST_NOTICE',
    from: 'COUNTY_APPROVED',
    to: 'ANNOUNCED',
    roles: ['county'],
    evidence: [],
    notice: { type: 'entry-announcement', days: 5 },
    citation: 'workflows.md §1.3 #10',
  }),
  S({ action: 'REGISTER', from: 'AWAITING_WINDOW', to: null, roles: ['town'], evidence: ['nsys-receipt'], citation: 'workflows.md §1.3 #12; 000 EX-6 L1062–1068 (window)' }),
];

export const ENTRY_NOTICES: readonly NoticeStage<EntryState>[] = [
  { state: 'NOTICE1', clearTo: 'NOTICE1_CLEARED' },
  { state: 'NOTICE2', clearTo: 'NOTICE2_CLEARED' },
  { state: 'ANNOUNCED', clearTo: 'AWAITING_WINDOW' },
];
