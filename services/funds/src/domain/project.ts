import { DomainError, fundsApi, isWithinRegion, ROLE_NAMES_ZH, type Role } from '@jingzhun/types';

/** Who acts: the staff member's role, region and department (the claims' fields the rules read). */
export interface ActingStaff {
  role: Role;
  region: string;
  department?: string | undefined;
}

/**
 * The project lifecycle of seed 002 S-8 L51: 项目储备 → 遴选立项 → 组织实施 → 竣工验收 → 建后管护 →
 * 资产管理 → 收益分配 ("加强项目储备、遴选立项、组织实施、竣工验收、建后管护、资产管理、收益分配等重点环节规范管理").
 * Asset management and income distribution live on the asset (assets.ts) once the project is handed over.
 *
 * Who acts at each step:
 * - proposal by the village (村两委) or town, or by a department for its own sector (issue 16; seed 004
 *   SUB-91 L764: projects are chosen from the 项目库, so every project starts in the reserve);
 * - selection and approval (遴选立项) and acceptance (竣工验收) by the county (seed 004 SUB-85 L407
 *   "项目审批验收权全部下放县级"), selection with the meeting that decided it;
 * - implementation by the town, village or department that proposed it, payments by the county's
 *   扶贫办 or the 财政局 (报账制);
 * - hand-over of the asset to the village collective (seed 002 S-12 L103 "所有权归村集体，及时办理扶贫资产移交手续").
 */
export const PROJECT_TYPES = fundsApi.PROJECT_TYPES;
export type ProjectType = (typeof PROJECT_TYPES)[number];
export const PROJECT_TYPE_NAMES = fundsApi.PROJECT_TYPE_NAMES;

export const PROJECT_STATES = fundsApi.PROJECT_STATES;
export type ProjectState = (typeof PROJECT_STATES)[number];
export const PROJECT_STATE_NAMES = fundsApi.PROJECT_STATE_NAMES;

/** How a household benefits (issue 16): employment, dividend, 折股量化 shares, rent, service. */
export const LINK_TYPES = fundsApi.LINK_TYPES;
export type LinkType = (typeof LINK_TYPES)[number];
export const LINK_TYPE_NAMES = fundsApi.LINK_TYPE_NAMES;

export const EVIDENCE_KINDS = fundsApi.EVIDENCE_KINDS;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_NAMES = fundsApi.EVIDENCE_KIND_NAMES;

export interface Evidence {
  kind: EvidenceKind;
  /** The file's name (or reference) as uploaded. */
  ref: string;
  note?: string;
}

export const PROJECT_ACTIONS = ['approve', 'reject', 'start', 'milestone', 'accept', 'handover'] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

export interface StepRule {
  action: ProjectAction;
  nameZh: string;
  from: readonly ProjectState[];
  to: ProjectState;
  roles: readonly Role[];
  /** At least one of these evidence kinds must come with the step. */
  evidence: readonly EvidenceKind[];
  source: string;
}

export const STEP_RULES: Readonly<Record<ProjectAction, StepRule>> = {
  approve: {
    action: 'approve',
    nameZh: '遴选立项',
    from: ['RESERVE'],
    to: 'APPROVED',
    roles: ['county'],
    evidence: ['meeting-minutes'],
    source: 'seed 002 S-8 L51 遴选立项; seed 004 SUB-85 L407 项目审批权下放县级; SUB-91 L764 项目库中选择',
  },
  reject: {
    action: 'reject',
    nameZh: '不予立项',
    from: ['RESERVE'],
    to: 'REJECTED',
    roles: ['county'],
    evidence: [],
    source: 'seed 002 S-8 L51 前期论证评审',
  },
  start: {
    action: 'start',
    nameZh: '组织实施',
    from: ['APPROVED'],
    to: 'IN_PROGRESS',
    roles: ['village', 'town', 'department', 'county'],
    evidence: ['implementation-plan', 'contract'],
    source: 'seed 002 S-8 L51 组织实施; seed 004 SUB-90 L776 实施方案（建设内容、实施期限及进度安排、到户到人措施）',
  },
  milestone: {
    action: 'milestone',
    nameZh: '进度节点',
    from: ['IN_PROGRESS'],
    to: 'IN_PROGRESS',
    roles: ['village', 'town', 'department', 'county'],
    evidence: ['progress-photo', 'other', 'contract'],
    source: 'seed 002 S-8 L51 中期检查监督',
  },
  accept: {
    action: 'accept',
    nameZh: '竣工验收',
    from: ['IN_PROGRESS'],
    to: 'ACCEPTED',
    roles: ['county'],
    evidence: ['acceptance-report'],
    source: 'seed 002 S-8 L51 竣工验收; seed 004 SUB-85 L407 项目验收权下放县级; seed 003 FD-6 L775',
  },
  handover: {
    action: 'handover',
    nameZh: '资产移交',
    from: ['ACCEPTED'],
    to: 'HANDED_OVER',
    roles: ['county', 'town'],
    evidence: ['handover'],
    source: 'seed 002 S-9 L51 资产登记管理台账; S-12 L103 所有权归村集体，及时办理移交',
  },
};

export interface Milestone {
  name: string;
  date: string;
  progressPercent: number;
  evidence: Evidence[];
}

export interface Beneficiary {
  householdId: string;
  link: LinkType;
  /** 折股量化 shares (or the household's part in a dividend); at least 1. */
  shares: number;
}

export interface Project {
  projectId: string;
  name: string;
  type: ProjectType;
  /** Village (or town) where the project is built; beneficiaries live within it. */
  region: string;
  /** Who proposed it (the proposer's role and name). */
  proposer: { role: Role; name: string; department?: string };
  implementer: string;
  year: number;
  budgetFen: number;
  plannedStart: string;
  plannedEnd: string;
  description: string;
  beneficiaries: Beneficiary[];
  state: ProjectState;
  meeting?: { date: string; body: string; decision: string };
  milestones: Milestone[];
  steps: { action: ProjectAction | 'propose' | 'update'; at: string; by: string; role: Role; evidence: Evidence[]; note?: string }[];
  assetId?: string;
}

/** Roles that may propose: village, town, or a department for its own sector (county-wide region). */
export const PROPOSER_ROLES: readonly Role[] = ['village', 'town', 'department', 'county'];

export function assertMayPropose(claims: ActingStaff, region: string): void {
  if (!PROPOSER_ROLES.includes(claims.role)) throw new DomainError('FORBIDDEN', '只有村两委、镇（街）、区直部门或区县扶贫办可以申报项目', 403);
  if (!isWithinRegion(region, claims.region)) throw new DomainError('OUT_OF_SCOPE', `无权在区划 ${region} 申报项目`, 403, { region });
}

/**
 * Decides a step: the state allows it, the role may take it, the project lies in the actor's
 * region, the evidence it needs is there. A department acts only on the projects it proposed.
 */
export function decideStep(project: Pick<Project, 'state' | 'region' | 'proposer'>, action: ProjectAction, claims: ActingStaff, evidence: readonly Evidence[]): StepRule {
  const rule = STEP_RULES[action];
  if (!rule.roles.includes(claims.role)) throw new DomainError('FORBIDDEN', `「${rule.nameZh}」由${rule.roles.map((role) => ROLE_NAMES_ZH[role]).join('、')}办理`, 403);
  if (!isWithinRegion(project.region, claims.region)) throw new DomainError('OUT_OF_SCOPE', `无权办理区划 ${project.region} 的项目`, 403, { region: project.region });
  if (claims.role === 'department' && (project.proposer.role !== 'department' || project.proposer.department !== claims.department)) {
    throw new DomainError('FORBIDDEN', '区直部门只能办理本部门申报的项目', 403);
  }
  if (!rule.from.includes(project.state)) {
    throw new DomainError('PROJECT_STEP_NOT_ALLOWED', `项目处于「${PROJECT_STATE_NAMES[project.state]}」阶段，不能办理「${rule.nameZh}」`, 409, { state: project.state, action });
  }
  if (rule.evidence.length > 0 && !evidence.some((e) => rule.evidence.includes(e.kind))) {
    throw new DomainError('EVIDENCE_REQUIRED', `「${rule.nameZh}」须附${rule.evidence.map((k) => EVIDENCE_KIND_NAMES[k]).join('或')}`, 400, { required: rule.evidence });
  }
  return rule;
}

/** Progress only moves forward and the acceptance needs the works complete. */
export function assertMilestone(project: Pick<Project, 'milestones' | 'plannedStart'>, milestone: Pick<Milestone, 'progressPercent' | 'date'>): void {
  const last = project.milestones.at(-1);
  if (!Number.isInteger(milestone.progressPercent) || milestone.progressPercent < 1 || milestone.progressPercent > 100) {
    throw new DomainError('MILESTONE_INVALID', '完成进度须为 1 到 100 的整数百分比', 400);
  }
  if (last && milestone.progressPercent < last.progressPercent) {
    throw new DomainError('MILESTONE_BACKWARDS', `完成进度不能低于上一节点（${last.progressPercent}%）`, 409);
  }
  if (last && milestone.date < last.date) throw new DomainError('MILESTONE_BACKWARDS', `节点日期不能早于上一节点（${last.date}）`, 409);
}

export function assertReadyForAcceptance(project: Pick<Project, 'milestones'>): void {
  if ((project.milestones.at(-1)?.progressPercent ?? 0) < 100) throw new DomainError('PROJECT_NOT_COMPLETE', '项目尚未完工（最后进度节点须为 100%），不能竣工验收', 409);
}

/**
 * Payments (报账拨付) only once the project is being implemented (seed 002 S-8 L51: 组织实施 after
 * 遴选立项), and the final settlement after acceptance; never to a project in the reserve,
 * rejected, merely approved, or already handed over.
 */
export const PAYABLE_STATES: readonly ProjectState[] = ['IN_PROGRESS', 'ACCEPTED'];
export const PAYER_ROLES: readonly Role[] = ['county', 'department'];
export const PAYER_DEPARTMENTS: readonly string[] = ['caizheng'];

export function assertPayable(project: Pick<Project, 'state' | 'region'>, claims: ActingStaff): void {
  if (!PAYER_ROLES.includes(claims.role) || (claims.role === 'department' && !PAYER_DEPARTMENTS.includes(claims.department ?? ''))) {
    throw new DomainError('FORBIDDEN', '项目资金由区县扶贫办或区财政局报账拨付', 403);
  }
  if (!isWithinRegion(project.region, claims.region)) throw new DomainError('OUT_OF_SCOPE', `无权办理区划 ${project.region} 的项目`, 403, { region: project.region });
  if (!PAYABLE_STATES.includes(project.state)) {
    throw new DomainError('PROJECT_NOT_PAYABLE', `项目处于「${PROJECT_STATE_NAMES[project.state]}」阶段，须立项并开始实施后才能拨付资金`, 409, { state: project.state });
  }
}

/** Commitments (安排资金) from approval until acceptance. */
export const COMMITTABLE_STATES: readonly ProjectState[] = ['APPROVED', 'IN_PROGRESS'];

/** Only a project in the reserve may be edited; after selection changes are steps and new entries. */
export function assertEditable(project: Pick<Project, 'state'>): void {
  if (project.state === 'ACCEPTED' || project.state === 'HANDED_OVER') {
    throw new DomainError('PROJECT_IMMUTABLE', '项目已竣工验收，内容不能修改；如需更正请另行登记更正记录', 409, { state: project.state });
  }
  if (project.state !== 'RESERVE') {
    throw new DomainError('PROJECT_NOT_EDITABLE', `项目处于「${PROJECT_STATE_NAMES[project.state]}」阶段，只有储备项目可以修改`, 409, { state: project.state });
  }
}

export interface HouseholdRef {
  householdId: string;
  region: string;
  status: string;
}

/** Registered, re-registered, monitored and exited-with-policy households may benefit (seed 002 S-10 L51 巩固贫困户稳定脱贫). */
export const BENEFICIARY_STATUSES = new Set(['REGISTERED', 'RE_REGISTERED', 'MONITORED', 'EXITED_WITH_POLICY']);

/** Beneficiaries: known households, inside the project's region, eligible, each once. */
export function validateBeneficiaries(projectRegion: string, beneficiaries: readonly Beneficiary[], households: ReadonlyMap<string, HouseholdRef>): void {
  const seen = new Set<string>();
  for (const beneficiary of beneficiaries) {
    if (seen.has(beneficiary.householdId)) throw new DomainError('BENEFICIARY_REPEATED', '受益户重复', 400, { householdId: beneficiary.householdId });
    seen.add(beneficiary.householdId);
    if (!Number.isInteger(beneficiary.shares) || beneficiary.shares < 1)
      throw new DomainError('BENEFICIARY_SHARES_INVALID', '受益户的股份数须为正整数', 400, { householdId: beneficiary.householdId });
    const household = households.get(beneficiary.householdId);
    if (!household) throw new DomainError('BENEFICIARY_UNKNOWN', '受益户不在建档立卡系统中', 400, { householdId: beneficiary.householdId });
    if (!isWithinRegion(household.region, projectRegion)) {
      throw new DomainError('BENEFICIARY_OUTSIDE_REGION', '受益户不在项目所在村（镇）范围内', 400, { householdId: beneficiary.householdId, region: household.region });
    }
    if (!BENEFICIARY_STATUSES.has(household.status)) {
      throw new DomainError('BENEFICIARY_NOT_ELIGIBLE', '受益户不是建档立卡贫困户、监测对象或享受政策的脱贫户', 400, {
        householdId: beneficiary.householdId,
        status: household.status,
      });
    }
  }
}
