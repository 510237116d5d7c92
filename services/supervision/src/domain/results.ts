import type { Scheme } from './scheme.js';
import type { UnitScore } from './scoring.js';
import type { Veto } from './veto.js';

/**
 * Grade and award of each unit. The veto overrides the score: a vetoed unit and its head lose the
 * year's 评先树优 eligibility (000 AS-3 L42–44; AS-7 L4092–4102), so it is never 优秀 and never
 * gets an award, and it is named for criticism in the 通报 (000 AS-3 "予以通报批评"). Rewards go
 * to units that did their duty and passed (000 AS-2 L35–40).
 */
export type Grade = '优秀' | '良好' | '合格' | '不合格';

export interface UnitResult {
  unitId: string;
  unitName: string;
  score: UnitScore;
  vetoes: Veto[];
  grade: Grade;
  /** 评先树优 eligibility of the unit and its principal head. */
  eligibleForHonours: boolean;
  award: '表彰奖励' | null;
  criticised: boolean;
  rank: number;
}

export function gradeOf(total: number, grades: Scheme['grades']): Grade {
  if (total >= grades.excellent) return '优秀';
  if (total >= grades.good) return '良好';
  if (total >= grades.pass) return '合格';
  return '不合格';
}

/**
 * A vetoed unit is graded 不合格 whatever its score ([PROP] docs/decisions.md Supervision 2: the
 * poverty veto applies "in the annual assessment", 000 AS-7, and the safety veto's condition 7 is
 * itself a 不合格, AS-3.7; one grade keeps the two consistent).
 */
export function decide(input: { unitId: string; unitName: string; score: UnitScore; vetoes: Veto[] }, grades: Scheme['grades']): Omit<UnitResult, 'rank'> {
  const vetoed = input.vetoes.length > 0;
  const grade = vetoed ? '不合格' : gradeOf(input.score.total, grades);
  return {
    ...input,
    grade,
    eligibleForHonours: !vetoed,
    award: !vetoed && grade === '优秀' ? '表彰奖励' : null,
    criticised: vetoed,
  };
}

/** Ranks by total (ties share a rank), vetoed units after the others. */
export function rankResults(results: readonly Omit<UnitResult, 'rank'>[]): UnitResult[] {
  const sorted = [...results].sort(
    (a, b) => Number(a.vetoes.length > 0) - Number(b.vetoes.length > 0) || b.score.total - a.score.total || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
  );
  let rank = 0;
  let previous: { vetoed: boolean; total: number } | undefined;
  return sorted.map((result, index) => {
    const key = { vetoed: result.vetoes.length > 0, total: result.score.total };
    if (!previous || previous.vetoed !== key.vetoed || previous.total !== key.total) rank = index + 1;
    previous = key;
    return { ...result, rank };
  });
}
