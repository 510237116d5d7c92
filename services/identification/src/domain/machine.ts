import { DomainError, identificationApi, type noticeEvents, ROLE_NAMES_ZH, type Role } from '@jingzhun/types';

/**
 * The generic part of every workflow (workflows.md §1.3, §1.4, §2.1, §2.3): a step names the
 * state it starts from, the state it leads to, the roles allowed to take it, the evidence it
 * needs, whether a villagers' representative meeting with quorum is required, and the notice it
 * posts. Guards specific to one step live in the workflow's own module.
 */
export type EvidenceKind = identificationApi.EvidenceKind;
export type NoticeType = noticeEvents.NoticeType;

export interface Step<S extends string = string> {
  action: string;
  /** The state the step starts from; null = no workflow running. */
  from: S | null;
  /** The next state, or null when the step ends the workflow. */
  to: S | null;
  roles: readonly Role[];
  evidence: readonly EvidenceKind[];
  meeting?: boolean;
  reasonRequired?: boolean;
  /** Posting a notice: the household waits in `to` until the window closes. */
  notice?: { type: NoticeType; days: number };
  citation: string;
}

/** What a notice state turns into: `clear` → next state; `upheld` → the workflow's fallback. */
export interface NoticeStage<S extends string = string> {
  state: S;
  clearTo: S;
}

export interface Command {
  action: string;
  evidence: readonly { kind: EvidenceKind; ref: string; note?: string | undefined }[];
  reason?: string | undefined;
  meeting?: { date: string; total: number; present: number; inFavour: number } | undefined;
  monitorType?: string | undefined;
  referenceIncome?: { fen: number; source: string } | undefined;
}

export function findStep<S extends string>(steps: readonly Step<S>[], state: S | null, action: string, label: string): Step<S> {
  const step = steps.find((candidate) => candidate.action === action && candidate.from === state);
  if (step) return step;
  const known = steps.some((candidate) => candidate.action === action);
  const allowed = steps.filter((candidate) => candidate.from === state).map((candidate) => candidate.action);
  if (!known) throw new DomainError('UNKNOWN_ACTION', `${label}没有操作 ${action}`, 400, { allowed });
  throw new DomainError('TRANSITION_OUT_OF_ORDER', `当前环节（${state ?? '未进入流程'}）不能执行 ${action}，可执行：${allowed.join('、') || '无'}`, 409, {
    state,
    action,
    allowed,
  });
}

/** Role, evidence, reason and meeting quorum (≥ 2/3 present, workflows.md §1.1 VRA [NAT]). */
export function checkStep(step: Step, role: Role, command: Command): void {
  if (!step.roles.includes(role)) {
    throw new DomainError('WRONG_ROLE', `${step.action} 须由${step.roles.map((r) => ROLE_NAMES_ZH[r]).join('或')}执行`, 403, { required: step.roles, role });
  }
  const given = new Set(command.evidence.map((item) => item.kind));
  const missing = step.evidence.filter((kind) => !given.has(kind));
  if (missing.length > 0)
    throw new DomainError('EVIDENCE_MISSING', `缺少证据材料：${missing.map((kind) => identificationApi.EVIDENCE_NAMES_ZH[kind]).join('、')}`, 400, { missing });
  if (step.reasonRequired && !command.reason?.trim()) throw new DomainError('REASON_REQUIRED', '此操作须写明理由', 400);
  if (step.meeting) assertQuorum(command.meeting);
}

export function assertQuorum(meeting: Command['meeting']): void {
  if (!meeting) throw new DomainError('MEETING_REQUIRED', '须提供村民代表会议记录（应到、实到、赞成人数）', 400);
  if (meeting.present > meeting.total || meeting.inFavour > meeting.present) {
    throw new DomainError('MEETING_INVALID', '会议人数不合理：实到不能多于应到，赞成不能多于实到', 400);
  }
  if (meeting.present * 3 < meeting.total * 2) {
    throw new DomainError('QUORUM_NOT_MET', `村民代表会议实到 ${meeting.present}/${meeting.total}，不足三分之二`, 409, meeting);
  }
  if (meeting.inFavour * 2 <= meeting.present) throw new DomainError('MAJORITY_NOT_MET', '赞成票未过实到人数半数', 409, meeting);
}
