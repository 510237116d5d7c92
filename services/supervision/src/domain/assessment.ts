import { DomainError } from '@jingzhun/types';
import { type ConsequenceProposal, consequencesOf } from './consequences.js';
import { closureFigure, type Finding } from './rectification.js';
import { decide, rankResults, type UnitResult } from './results.js';
import type { Scheme } from './scheme.js';
import { type IndicatorInput, scoreUnit } from './scoring.js';
import { type ResponsibleUnit, type YearlyTask, yearOutcome } from './units.js';
import { type Incident, vetoesOf } from './veto.js';

/**
 * The yearly assessment of the units of a district: compute → review (the assessment team) →
 * approve (the leading group) → publish as a 通报, like the bank assessment (workflows.md §5;
 * services/scoring). Once approved it is immutable (002 T-15 L179 "区扶贫开发领导小组…考核").
 */
export type AssessmentStatus = 'draft' | 'computed' | 'reviewed' | 'approved' | 'published';
export type AssessmentAction = 'enter' | 'compute' | 'review' | 'approve' | 'publish';

const ALLOWED: Record<AssessmentAction, readonly AssessmentStatus[]> = {
  enter: ['draft', 'computed', 'reviewed'],
  compute: ['draft', 'computed', 'reviewed'],
  review: ['computed'],
  approve: ['reviewed'],
  publish: ['approved'],
};
const NEXT: Record<AssessmentAction, AssessmentStatus | null> = { enter: null, compute: 'computed', review: 'reviewed', approve: 'approved', publish: 'published' };

export function nextStatus(current: AssessmentStatus, action: AssessmentAction): AssessmentStatus {
  if (!ALLOWED[action].includes(current)) {
    if (current === 'approved' || current === 'published') throw new DomainError('ASSESSMENT_APPROVED', '考核结果已批准，不能再修改', 409, { status: current });
    throw new DomainError('ASSESSMENT_STATE', `考核当前状态不能执行该操作`, 409, { status: current, action });
  }
  // Entering scores after computing or reviewing sends the assessment back to draft.
  return NEXT[action] ?? 'draft';
}

export interface AssessmentInput {
  scheme: Scheme;
  units: readonly ResponsibleUnit[];
  /** Entered figures per unit (survey, team points, funds and filings figures). */
  entered: ReadonlyMap<string, readonly IndicatorInput[]>;
  tasks: readonly YearlyTask[];
  incidents: readonly Incident[];
  findings: readonly Finding[];
  asOf: string;
}

export interface AssessmentOutcome {
  results: UnitResult[];
  consequences: { unitId: string; unitName: string; proposal: ConsequenceProposal }[];
}

/**
 * Scores every unit: the task and rectification figures are computed from the ledger, the rest
 * are entered. Vetoes come from the incidents and the task outcome; consequences from this and the
 * previous year's outcome.
 */
export function computeAssessment(input: AssessmentInput): AssessmentOutcome {
  const { scheme, asOf } = input;
  const year = scheme.year;
  const results = input.units.map((unit) => {
    const tasks = input.tasks.filter((task) => task.unitId === unit.unitId);
    const outcome = yearOutcome(year, tasks, asOf);
    const computed: IndicatorInput[] = [];
    for (const indicator of scheme.indicators) {
      if (indicator.source === 'task-completion') computed.push({ code: indicator.code, achieved: outcome.tasks - outcome.missedTitles.length, due: outcome.tasks });
      if (indicator.source === 'rectification-closure') computed.push({ code: indicator.code, ...closureFigure(input.findings, unit.unitId, year, asOf) });
    }
    const entered = (input.entered.get(unit.unitId) ?? []).filter((e) => !computed.some((c) => c.code === e.code));
    const score = scoreUnit(scheme, [...computed, ...entered]);
    const vetoes = vetoesOf(
      unit,
      year,
      input.incidents.filter((incident) => incident.unitId === unit.unitId),
      outcome,
      asOf,
    );
    return { result: decide({ unitId: unit.unitId, unitName: unit.name, score, vetoes }, scheme.grades), outcome, unit, tasks };
  });
  const consequences = results.flatMap(({ unit, outcome, tasks }) => {
    const previous = tasks.some((task) => task.year === year - 1) ? yearOutcome(year - 1, tasks, asOf) : undefined;
    return consequencesOf(outcome, previous).map((proposal) => ({ unitId: unit.unitId, unitName: unit.name, proposal }));
  });
  return { results: rankResults(results.map((r) => r.result)), consequences };
}
