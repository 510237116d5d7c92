import type { NoticeStage, Step } from './machine.js';

/**
 * 脱贫不再享受政策 (seed 002 E-2 L31; workflows.md §2.2): an exited household that, through help and
 * its own effort, reaches the farmers' per-capita income, or clearly does not fit the poverty
 * standard, is moved "按程序" to EXITED_NO_POLICY. The procedure is [PROP] (§2.2): VRA review →
 * village 公示 7 days (§4.2) → town approval → LG filing. Fallback (upheld objection, refusal):
 * stays EXITED_WITH_POLICY (§4.1).
 */
export type NoPolicyState = 'REVIEWED' | 'NOTICE' | 'NOTICE_CLEARED' | 'TOWN_APPROVED';

const S = (step: Step<NoPolicyState>) => step;

export const NO_POLICY_STEPS: readonly Step<NoPolicyState>[] = [
  S({
    action: 'PROPOSE_NO_POLICY',
    from: null,
    to: 'REVIEWED',
    roles: ['village'],
    evidence: ['survey', 'minutes'],
    meeting: true,
    reasonRequired: true,
    citation: 'seed 002 E-2 L31 (按程序作“脱贫不再享受政策”管理); workflows.md §2.2 VRA review [PROP]',
  }),
  S({
    action: 'POST_NOTICE',
    from: 'REVIEWED',
    to: 'NOTICE',
    roles: ['village'],
    evidence: [],
    notice: { type: 'exit-no-policy', days: 7 },
    citation: 'workflows.md §2.2, §4.2 (脱贫不再享受政策公示, village, 7 days [PROP]); seed 002 E-2 L31',
  }),
  S({ action: 'TOWN_APPROVE', from: 'NOTICE_CLEARED', to: 'TOWN_APPROVED', roles: ['town'], evidence: ['approved-list'], citation: 'workflows.md §2.2 (TWN approval [PROP])' }),
  S({ action: 'REJECT', from: 'NOTICE_CLEARED', to: null, roles: ['town'], evidence: ['review-form'], reasonRequired: true, citation: 'workflows.md §4.1 fallbacks' }),
  S({ action: 'FILE', from: 'TOWN_APPROVED', to: null, roles: ['leading_group'], evidence: ['filing'], citation: 'workflows.md §2.2 (LG filing [PROP])' }),
];

export const NO_POLICY_NOTICES: readonly NoticeStage<NoPolicyState>[] = [{ state: 'NOTICE', clearTo: 'NOTICE_CLEARED' }];
