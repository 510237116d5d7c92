import type { NoticeStage, Step } from './machine.js';

/**
 * Household exit 脱贫退出 (workflows.md §2.1; 000 EX-2…EX-6 L1034–1068; same order 001 E-4 L180,
 * 004 ID-51 L766). 民主评议 = PRE_EXIT…VILLAGE_NOTICE, 验收审核 = TOWN_ACCEPTED…VILLAGE_ANNOUNCEMENT,
 * 审查备案 = FILED (the queue waiting for the NSYS window), 退出销号 = DEREGISTER.
 * Fallback (refusal, upheld objection, failed approval): REGISTERED with the reason kept (§4.1).
 */
export type ExitState =
  | 'PRE_EXIT'
  | 'APPRAISED'
  | 'VERIFIED'
  | 'CONSENTED'
  | 'VILLAGE_NOTICE'
  | 'VILLAGE_NOTICE_CLEARED'
  | 'TOWN_ACCEPTED'
  | 'TOWN_APPROVED'
  | 'VILLAGE_ANNOUNCEMENT'
  | 'ANNOUNCEMENT_CLEARED'
  | 'FILED';

const S = (step: Step<ExitState>) => step;

export const EXIT_STEPS: readonly Step<ExitState>[] = [
  S({ action: 'PRE_EXIT', from: null, to: 'PRE_EXIT', roles: ['town'], evidence: ['list'], citation: 'seed 000 EX-2 L1034–1038' }),
  S({ action: 'APPRAISE', from: 'PRE_EXIT', to: 'APPRAISED', roles: ['village'], evidence: ['minutes'], meeting: true, citation: 'seed 000 EX-3 L1040–1044' }),
  S({ action: 'VERIFY', from: 'APPRAISED', to: 'VERIFIED', roles: ['village'], evidence: ['verification'], citation: 'seed 000 EX-3 L1044–1046; EX-1 L1029–1032' }),
  S({ action: 'CONSENT', from: 'VERIFIED', to: 'CONSENTED', roles: ['village'], evidence: ['consent'], citation: 'seed 000 EX-3 L1046 (贫困户认可)' }),
  S({ action: 'REFUSE', from: 'VERIFIED', to: null, roles: ['village'], evidence: ['refusal'], reasonRequired: true, citation: 'workflows.md §2.1 #3' }),
  S({
    action: 'POST_NOTICE',
    from: 'CONSENTED',
    to: 'VILLAGE_NOTICE',
    roles: ['village'],
    evidence: [],
    notice: { type: 'exit-village-notice', days: 7 },
    citation: 'seed 000 EX-3 L1040–1050 (村内公示7天); PN-1',
  }),
  S({ action: 'TOWN_ACCEPT', from: 'VILLAGE_NOTICE_CLEARED', to: 'TOWN_ACCEPTED', roles: ['town'], evidence: ['acceptance-minutes'], citation: 'seed 000 EX-4 L1050–1058' }),
  S({ action: 'TOWN_APPROVE', from: 'TOWN_ACCEPTED', to: 'TOWN_APPROVED', roles: ['town'], evidence: ['approved-list'], citation: 'seed 000 EX-4 L1056–1058' }),
  S({ action: 'REJECT', from: 'TOWN_ACCEPTED', to: null, roles: ['town'], evidence: ['acceptance-minutes'], reasonRequired: true, citation: 'workflows.md §4.1 fallbacks' }),
  S({
    action: 'POST_NOTICE',
    from: 'TOWN_APPROVED',
    to: 'VILLAGE_ANNOUNCEMENT',
    roles: ['town'],
    evidence: [],
    notice: { type: 'exit-announcement', days: 5 },
    citation: 'seed 000 EX-4 L1058–1060 (村内公告5天); PN-2',
  }),
  S({ action: 'FILE', from: 'ANNOUNCEMENT_CLEARED', to: 'FILED', roles: ['leading_group'], evidence: ['filing'], citation: 'seed 000 EX-5 L1060–1062 (公告无异议后…审查备案)' }),
  S({ action: 'DEREGISTER', from: 'FILED', to: null, roles: ['town'], evidence: ['nsys-receipt'], citation: 'seed 000 EX-6 L1062–1068 (开放调整期内…退出销号)' }),
];

export const EXIT_NOTICES: readonly NoticeStage<ExitState>[] = [
  { state: 'VILLAGE_NOTICE', clearTo: 'VILLAGE_NOTICE_CLEARED' },
  { state: 'VILLAGE_ANNOUNCEMENT', clearTo: 'ANNOUNCEMENT_CLEARED' },
];
