import { addDays, DomainError, type Role } from '@jingzhun/types';
import type { ResponsibleUnit } from './units.js';
import type { Evidence } from './veto.js';

/**
 * The rectification ledger (整改台账): findings of inspections, audits, complaints and the other
 * services' monitoring flags, each with an owner, a deadline, measures, evidence and a review;
 * closed (销号) only after review. Seeds: "对发现的问题逐级逐部门建立台账、整改销号" (002 T-19
 * L189); "建立整改跟踪检查工作台账…把审计结果及整改情况作为考核奖惩的重要依据" (004 L800);
 * "对措施落实不力的，跟踪督促整改、严肃追究责任" (003 L779); central inspection findings are
 * rectified (002 O-14 L187).
 */
export const FINDING_SOURCES = ['inspection', 'audit', 'complaint', 'monitoring', 'first-secretary-check'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];
export const FINDING_SOURCE_NAMES: Record<FindingSource, string> = {
  inspection: '督查巡查',
  audit: '审计',
  complaint: '群众投诉举报',
  monitoring: '系统监测预警',
  'first-secretary-check': '第一书记督查',
};

export type FindingStatus = 'open' | 'submitted' | 'closed';

export interface ProgressEntry {
  at: string;
  by: string;
  measures: string;
  evidence: Evidence[];
}

export interface Finding {
  findingId: string;
  district: string;
  source: FindingSource;
  title: string;
  description: string;
  foundOn: string;
  /** The unit that must rectify. */
  ownerUnitId: string;
  deadline: string;
  status: FindingStatus;
  progress: ProgressEntry[];
  review?: { at: string; by: string; role: string; outcome: 'closed' | 'returned'; opinion: string; evidence: Evidence[] };
  closedOn?: string;
}

/** Roles that review and close (销号): the poverty office and the leading group (002 L189: 区纪委监委机关、区审计局、区扶贫办). */
export const REVIEWING_ROLES: readonly Role[] = ['county', 'leading_group'];

/** Whether the signed-in staff member speaks for the unit (its own town, or its department at the district). */
export function speaksFor(unit: Pick<ResponsibleUnit, 'kind' | 'region' | 'department'>, claims: { role: string; region: string; department?: string | undefined }): boolean {
  if (unit.department) return claims.role === 'department' && claims.department === unit.department;
  if (unit.kind === 'town') return claims.role === 'town' && claims.region === unit.region;
  return false;
}

const hasEvidence = (evidence: readonly Evidence[]) => evidence.length > 0 && evidence.every((e) => e.title.trim() !== '' && e.reference.trim() !== '');

/** The owner reports measures and evidence; the item waits for review. */
export function submitProgress(finding: Finding, entry: ProgressEntry): Finding {
  if (finding.status === 'closed') throw new DomainError('FINDING_CLOSED', '该整改事项已销号', 409);
  if (!entry.measures.trim()) throw new DomainError('MEASURES_REQUIRED', '请填写整改措施', 400);
  if (!hasEvidence(entry.evidence)) throw new DomainError('EVIDENCE_REQUIRED', '请附整改佐证材料（名称和编号）', 400);
  return { ...finding, status: 'submitted', progress: [...finding.progress, entry] };
}

/**
 * 销号 by the reviewing role with evidence, never by the owner; an item with nothing submitted
 * cannot be closed. `returned` sends it back to the owner.
 */
export function review(
  finding: Finding,
  input: { outcome: 'closed' | 'returned'; opinion: string; evidence: Evidence[]; at: string; on: string; by: string; role: Role; isOwner: boolean },
): Finding {
  if (input.isOwner) throw new DomainError('OWNER_CANNOT_CLOSE', '整改责任单位不能为本单位的整改事项销号，须由审核部门复核', 403);
  if (!REVIEWING_ROLES.includes(input.role)) throw new DomainError('NOT_A_REVIEWER', '只有区扶贫办或扶贫开发领导小组可以复核销号', 403);
  if (finding.status === 'closed') throw new DomainError('FINDING_CLOSED', '该整改事项已销号', 409);
  if (finding.status !== 'submitted') throw new DomainError('NOTHING_SUBMITTED', '责任单位尚未报送整改措施和佐证材料', 409);
  if (input.outcome === 'closed' && !hasEvidence(input.evidence)) throw new DomainError('EVIDENCE_REQUIRED', '销号须附复核佐证材料（名称和编号）', 400);
  if (!input.opinion.trim()) throw new DomainError('OPINION_REQUIRED', '请填写复核意见', 400);
  const reviewed = { at: input.at, by: input.by, role: input.role, outcome: input.outcome, opinion: input.opinion, evidence: input.evidence };
  return input.outcome === 'closed' ? { ...finding, status: 'closed', review: reviewed, closedOn: input.on } : { ...finding, status: 'open', review: reviewed };
}

/**
 * Escalation of an item past its deadline [PROP] (docs/decisions.md Supervision 4): level 1 the
 * day after the deadline (the owner's leaders are told), level 2 after 30 days (the leading group).
 */
export function escalation(finding: Pick<Finding, 'status' | 'deadline' | 'closedOn'>, today: string): 0 | 1 | 2 {
  const end = finding.status === 'closed' ? (finding.closedOn as string) : today;
  if (end <= finding.deadline) return 0;
  return end > addDays(finding.deadline, 30) ? 2 : 1;
}

/** Items of the year that fell due (deadline in the year, by `asOf`) and how many were closed by their deadline: the assessment's closure figure (004 L800). */
export function closureFigure(findings: readonly Finding[], ownerUnitId: string, year: number, asOf: string): { achieved: number; due: number } {
  const due = findings.filter((f) => f.ownerUnitId === ownerUnitId && f.deadline.startsWith(String(year)) && f.deadline <= asOf);
  return { due: due.length, achieved: due.filter((f) => f.status === 'closed' && (f.closedOn as string) <= f.deadline).length };
}
