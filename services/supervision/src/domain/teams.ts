import { DomainError } from '@jingzhun/types';

/**
 * Village work teams (驻村工作队) and first secretaries (第一书记).
 * - Every key village has a first secretary and a work team; every poor household has a helper
 *   (000 L3081–3083 "确保 46 个扶贫工作重点村实现驻村帮扶全覆盖，每个贫困户都有帮扶责任人";
 *   001 L410; 004 ID-17 L63, L74).
 * - Until the task is done the team is not withdrawn: "脱贫任务不完成，帮包单位不脱钩、干部不撤回"
 *   (000 L3083; 004 L74 "驻村工作队和第一书记不撤回"). A member leaves a key village only by a
 *   handover (term end, replacement), never by withdrawal (撤回).
 * - Managed jointly by the town and the sending unit; inspected at least quarterly (000 L3126–3130;
 *   001 L416; 003 L809).
 */
export type TeamRole = 'first-secretary' | 'leader' | 'member';
export const TEAM_ROLE_NAMES: Record<TeamRole, string> = { 'first-secretary': '第一书记', leader: '工作队长', member: '工作队员' };

/** 市、区、镇（街）三级选派 (000 L3081). */
export type SendingLevel = 'city' | 'district' | 'town';

export interface Assignment {
  assignmentId: string;
  village: string;
  personId: string;
  personName: string;
  /** The sending unit (派出单位). */
  unitName: string;
  level: SendingLevel;
  role: TeamRole;
  from: string;
  /** Term end as appointed. */
  termEnds: string;
  /** The day the member actually left (handover). */
  endedOn?: string;
  endReason?: 'term-ended' | 'replaced' | 'recalled' | 'other';
}

export const isActive = (assignment: Pick<Assignment, 'from' | 'endedOn'>, on: string) => assignment.from <= on && (assignment.endedOn === undefined || assignment.endedOn > on);

/** One person serves one village at a time: no two assignments of a person overlap in two villages. */
export function checkAssignable(existing: readonly Assignment[], next: Pick<Assignment, 'personId' | 'personName' | 'village' | 'from' | 'termEnds' | 'role'>): void {
  if (next.termEnds <= next.from) throw new DomainError('TERM_INVALID', '任期结束日期须晚于开始日期', 400);
  const clash = existing.find(
    (a) => a.personId === next.personId && (a.endedOn === undefined || a.endedOn > next.from) && a.from < next.termEnds && (a.endedOn ?? a.termEnds) > next.from,
  );
  if (clash && clash.village !== next.village)
    throw new DomainError('MEMBER_IN_TWO_VILLAGES', `${next.personName}已在其他村驻村（${clash.from} 起），同一人不能同时派驻两个村`, 409, {
      village: clash.village,
      assignmentId: clash.assignmentId,
    });
  if (clash) throw new DomainError('ALREADY_ASSIGNED', `${next.personName}已在本村工作队中`, 409, { assignmentId: clash.assignmentId });
  if (next.role === 'first-secretary') {
    const sitting = existing.find((a) => a.village === next.village && a.role === 'first-secretary' && isActive(a, next.from));
    if (sitting) throw new DomainError('FIRST_SECRETARY_SITTING', `本村已有第一书记${sitting.personName}，请先办理交接`, 409, { assignmentId: sitting.assignmentId });
  }
}

/**
 * Ending an assignment. In a key village whose task is not done, withdrawal (`recalled`) is
 * refused (000 L3083; 004 L74); a handover is allowed and the coverage check flags the village
 * until a successor is assigned.
 */
export function checkEnding(assignment: Assignment, input: { on: string; reason: NonNullable<Assignment['endReason']> }, village: { key: boolean; taskDone: boolean }): void {
  if (assignment.endedOn) throw new DomainError('ALREADY_ENDED', '该驻村任职已结束', 409);
  if (input.on < assignment.from) throw new DomainError('TERM_INVALID', '离任日期早于到任日期', 400);
  if (input.reason === 'recalled' && village.key && !village.taskDone)
    throw new DomainError('TEAM_NOT_WITHDRAWN', '重点村脱贫任务未完成，驻村工作队和第一书记不撤回（只能办理交接）', 409);
}

/** Checks the documents set on a team (000 L3126–3130 quarterly inspection; 004 SCH-09 L1302 monthly visits). */
export type TeamCheckKind = 'quarterly-inspection' | 'attendance' | 'visit' | 'yearly-report';
export const TEAM_CHECK_NAMES: Record<TeamCheckKind, string> = {
  'quarterly-inspection': '季度督查',
  attendance: '在岗考勤',
  visit: '走访',
  'yearly-report': '年度述职报告',
};
