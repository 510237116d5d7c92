/**
 * The assessment workflow and the assembly of a year's figures (workflows.md §5; seed 000 BK-3
 * L4258–4270, BK-5 L4274–4278). Pure: no I/O, no clock (callers pass dates in).
 */
import { DomainError } from '@jingzhun/types';
import type { BankFigures, ScoreInput } from './assessment.js';
import { validateFigures } from './assessment.js';
import type { AssessmentParams } from './params.js';

export type AssessmentStatus = 'draft' | 'computed' | 'reviewed' | 'approved' | 'published';
export type WorkflowAction = 'compute' | 'review' | 'approve' | 'publish' | 'setParams' | 'unlock' | 'lock' | 'submit' | 'rewardsPaid';

const frozen = () => new DomainError('ASSESSMENT_APPROVED', '考核结果已批准，不得更改数据、参数或结果', 409);

/**
 * draft → computed → reviewed (考核小组) → approved (区政府, L4268–4270) → published (通报).
 * Anything that would change figures, parameters or results after approval is refused (issue 6).
 */
export function nextStatus(status: AssessmentStatus, action: WorkflowAction, locked: boolean): AssessmentStatus {
  const approved = status === 'approved' || status === 'published';
  switch (action) {
    case 'submit':
    case 'setParams':
    case 'unlock':
    case 'lock':
      if (approved) throw frozen();
      if (action === 'submit' && locked) throw new DomainError('YEAR_LOCKED', '本年度数据已锁定，如需更正请金融办先解锁', 409);
      if (action === 'lock' && locked) throw new DomainError('YEAR_LOCKED', '本年度数据已锁定', 409);
      if (action === 'unlock' && !locked) throw new DomainError('YEAR_NOT_LOCKED', '本年度数据未锁定', 409);
      // Changing inputs or parameters sends a computed or reviewed result back to draft.
      return 'draft';
    case 'compute':
      if (approved) throw frozen();
      if (!locked) throw new DomainError('YEAR_NOT_LOCKED', '本年度数据尚未锁定，不能计算', 409);
      return 'computed';
    case 'review':
      if (status !== 'computed') throw new DomainError('INVALID_TRANSITION', '只有已计算的考核结果可以提交审核', 409, { status });
      return 'reviewed';
    case 'approve':
      if (status !== 'reviewed') throw new DomainError('INVALID_TRANSITION', '只有经考核小组审核的结果可以批准', 409, { status });
      return 'approved';
    case 'publish':
      if (status !== 'approved') throw new DomainError('INVALID_TRANSITION', '只有已批准的考核结果可以通报', 409, { status });
      return 'published';
    case 'rewardsPaid':
      if (!approved) throw new DomainError('INVALID_TRANSITION', '考核结果尚未批准，不能登记奖励兑现', 409, { status });
      return status;
  }
}

export interface OutletCounts {
  branches: number;
  communitySubBranches: number;
  microSubBranches: number;
  selfServiceBanks: number;
  ruralAtms: number;
  ruralCashRecyclers: number;
  ruralServicePoints: number;
  urbanAtms: number;
}

/**
 * 第十条 (L4241–4246; B-11): outlets counted are branches, 社区支行, 小微支行, 自助银行 and, in rural
 * (town-level) locations only, ATMs, cash recyclers and 普惠金融综合服务点. Urban ATMs do not count.
 */
export function countOutlets(counts: OutletCounts): number {
  return (
    counts.branches + counts.communitySubBranches + counts.microSubBranches + counts.selfServiceBanks + counts.ruralAtms + counts.ruralCashRecyclers + counts.ruralServicePoints
  );
}

export interface SectionData {
  pboc?: Record<string, unknown>;
  innovation?: { innovation: ScoreInput | null };
  tax?: { localTax: string };
  routine?: { routine: ScoreInput; violation: boolean };
}

/** Builds the engine's figures from the four data owners' sections, or lists what is missing. */
export function assembleFigures(bank: { bankId: string; name: string }, sections: SectionData): { figures?: BankFigures; missing: string[] } {
  const missing = (['pboc', 'innovation', 'tax', 'routine'] as const).filter((section) => !sections[section]);
  if (missing.length > 0) return { missing };
  const pboc = sections.pboc as Record<string, unknown> & { outletsPrev: OutletCounts; outletsEnd: OutletCounts };
  const text = (field: string) => String(pboc[field] ?? '0');
  return {
    missing: [],
    figures: {
      bankId: bank.bankId,
      name: bank.name,
      loansStart: text('loansStart'),
      loansEnd: text('loansEnd'),
      obsIncrease: text('obsIncrease'),
      debtEquitySwaps: text('debtEquitySwaps'),
      mltStart: text('mltStart'),
      mltEnd: text('mltEnd'),
      mltObsIncrease: text('mltObsIncrease'),
      mltDebtEquitySwaps: text('mltDebtEquitySwaps'),
      depositsEnd: text('depositsEnd'),
      restructStart: text('restructStart'),
      restructEnd: text('restructEnd'),
      innovation: sections.innovation?.innovation ?? null,
      localTax: sections.tax?.localTax ?? '0',
      nplStart: text('nplStart'),
      nplEnd: text('nplEnd'),
      nplDisposed: text('nplDisposed'),
      nplAroseDuringYear: Boolean(pboc.nplAroseDuringYear),
      outletsPrev: countOutlets(pboc.outletsPrev),
      outletsEnd: countOutlets(pboc.outletsEnd),
      routine: (sections.routine as { routine: ScoreInput }).routine,
      violation: Boolean(sections.routine?.violation),
    },
  };
}

const NEUTRAL: Omit<BankFigures, 'bankId' | 'name'> = {
  loansStart: '0',
  loansEnd: '0',
  obsIncrease: '0',
  debtEquitySwaps: '0',
  mltStart: '0',
  mltEnd: '0',
  mltObsIncrease: '0',
  mltDebtEquitySwaps: '0',
  depositsEnd: '1',
  restructStart: '0',
  restructEnd: '0',
  innovation: null,
  localTax: '0',
  nplStart: '0',
  nplEnd: '0',
  nplDisposed: '0',
  nplAroseDuringYear: false,
  outletsPrev: 0,
  outletsEnd: 0,
  routine: { kind: 'score', value: '0' },
  violation: false,
};

/**
 * Checks one section on entry, with the same rules the engine applies (a bad figure is refused at
 * the door, nothing is written): 400 FIGURES_INVALID with the issues.
 */
export function assertSectionValid(bank: { bankId: string; name: string }, section: keyof SectionData, data: Record<string, unknown>): void {
  const figures: BankFigures = { ...NEUTRAL, bankId: bank.bankId, name: bank.name };
  if (section === 'pboc') {
    const pboc = data as Record<string, unknown> & { outletsPrev: OutletCounts; outletsEnd: OutletCounts };
    for (const field of Object.keys(NEUTRAL) as (keyof BankFigures)[])
      if (typeof pboc[field] === 'string' || typeof pboc[field] === 'boolean') (figures as unknown as Record<string, unknown>)[field] = pboc[field];
    figures.outletsPrev = countOutlets(pboc.outletsPrev);
    figures.outletsEnd = countOutlets(pboc.outletsEnd);
  } else if (section === 'innovation') figures.innovation = (data.innovation as ScoreInput | null) ?? null;
  else if (section === 'tax') figures.localTax = String(data.localTax);
  else figures.routine = data.routine as ScoreInput;
  const issues = validateFigures([figures]);
  if (issues.length > 0) throw new DomainError('FIGURES_INVALID', '报送数据缺失或相互矛盾，请更正后再提交', 400, issues);
}

/** A correction of stored data needs the version read and a reason (issue 6: "corrections with reason"). */
export function assertCorrection(existingVersion: number | undefined, input: { expectedVersion?: number | undefined; reason?: string | undefined }): void {
  if (existingVersion === undefined) return;
  if (!input.reason) throw new DomainError('REASON_REQUIRED', '更正已报送的数据须填写更正理由', 400);
  if (input.expectedVersion === undefined) throw new DomainError('VERSION_REQUIRED', '更正已报送的数据须提供 expectedVersion', 400);
  if (input.expectedVersion !== existingVersion) throw new DomainError('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试', 409);
}

/** Merges a partial parameter input over a base set under a new id. */
export function deriveParams(base: AssessmentParams, input: Partial<AssessmentParams>, paramsId: string, title: string): AssessmentParams {
  const merged: AssessmentParams = {
    ...base,
    ...input,
    items: { ...base.items, ...(input.items ?? {}) },
    sizeClass: { ...base.sizeClass, ...(input.sizeClass ?? {}) },
    paramsId,
    title,
  };
  if (merged.prizes.some((prize) => prize.count < 0)) throw new DomainError('PARAMS_INVALID', '奖项数量不能为负', 400);
  return merged;
}

/**
 * Reward reminders (B-13; workflows.md §6 "Bank assessment … Paid by Apr 30"): on `today`, an
 * approved assessment with unpaid rewards is `due-soon` within 30 days of the due date and
 * `overdue` after it.
 */
export function rewardReminder(today: string, dueBy: string, paidOn: string | undefined): { kind: 'due-soon' | 'overdue'; message: string } | undefined {
  if (paidOn) return undefined;
  if (today > dueBy) return { kind: 'overdue', message: `考核奖励应于 ${dueBy} 前兑现，至今未登记兑现` };
  const days = Math.round((Date.parse(`${dueBy}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days <= 30) return { kind: 'due-soon', message: `考核奖励须于 ${dueBy} 前兑现（还剩 ${days} 天）` };
  return undefined;
}
