import { caseworkEvents } from '@jingzhun/types';
import { countingRegions, countyOf, periodOfDate } from './metrics.js';
import type { Delta, FactRef, Facts, Projector } from './projection.js';

/**
 * Projections of identification's 民政 case work (issue 20):
 * - each 低保/特困 case's contribution to the month-end stocks: households in 低保, persons in
 *   特困 support, and of those unable to care for themselves how many are in centralised care
 *   (the ≥ 50% target by 2020, seed 004 ID-44 L328);
 * - each temporary-aid case with the deadline of the step it waits for, for the report's overdue
 *   list (the 24 hours of an 急难 case, 004 ID-46 L329).
 * A fact holds the last contribution counted, so a change counts (new − old) and a stale event nothing.
 */
function at(region: string, period: string, values: Record<string, number>, sign = 1): Delta[] {
  return countingRegions(region).flatMap((code) =>
    Object.entries(values).flatMap(([metric, value]) => (value === 0 ? [] : [{ region: code, period, metric, value: sign * value }])),
  );
}

export interface AssistanceCaseFact {
  caseId: string;
  region: string;
  values: Record<string, number>;
  lastAt: string;
}

/** What one case adds to the stocks. */
export function caseStocks(d: { kind: 'dibao' | 'tekun'; holdsStatus: boolean; care?: { canSelfCare: boolean; centralised: boolean } | undefined }): Record<string, number> {
  if (!d.holdsStatus) return {};
  if (d.kind === 'dibao') return { 'stock.dibao.households': 1 };
  const unable = d.care && !d.care.canSelfCare ? 1 : 0;
  return { 'stock.tekun.persons': 1, 'stock.tekun.unableSelfCare': unable, 'stock.tekun.unableSelfCare.centralised': unable && d.care?.centralised ? 1 : 0 };
}

const caseRef = (caseId: string): FactRef => ({ kind: 'assistance-case', id: caseId });
const aidRef = (aidId: string): FactRef => ({ kind: 'aid-case', id: aidId });

export const assistanceCaseChanged: Projector<typeof caseworkEvents.assistanceCaseChanged.data> = {
  event: caseworkEvents.assistanceCaseChanged,
  needs: (d) => [caseRef(d.caseId)],
  project: (d, meta, facts: Facts) => {
    const before = facts.get(`assistance-case#${d.caseId}`) as AssistanceCaseFact | undefined;
    if (before && before.lastAt > meta.occurredAt) return { deltas: [], writes: [] };
    const period = periodOfDate(meta.occurredAt);
    const values = caseStocks(d);
    const deltas = [...at(d.region, period, values), ...(before ? at(before.region, period, before.values, -1) : [])];
    const fact: AssistanceCaseFact = { caseId: d.caseId, region: d.region, values, lastAt: meta.occurredAt };
    return { deltas, writes: [{ ...caseRef(d.caseId), data: { ...fact } }] };
  },
};

/** A temporary-aid case as the overdue list reads it. */
export interface AidCaseFact {
  aidId: string;
  householdId: string;
  region: string;
  county: string;
  emergency: boolean;
  openedOn: string;
  /** The step waited for and its due date (YYYY-MM-DD) or instant (ISO, the 24 hours); null once done. */
  deadline: { step: string; due: string } | null;
  completedOn: string | null;
  lastAt: string;
}

export const temporaryAidChanged: Projector<typeof caseworkEvents.temporaryAidChanged.data> = {
  event: caseworkEvents.temporaryAidChanged,
  needs: (d) => [aidRef(d.aidId)],
  project: (d, meta, facts: Facts) => {
    const before = facts.get(`aid-case#${d.aidId}`) as AidCaseFact | undefined;
    const county = countyOf(d.region);
    if (!county || (before && before.lastAt > meta.occurredAt)) return { deltas: [], writes: [] };
    const opened = before ? [] : at(d.region, periodOfDate(meta.occurredAt), { 'aid.cases': 1, ...(d.emergency ? { 'aid.cases.emergency': 1 } : {}) });
    const paid = d.state === 'PAID' && before?.completedOn == null ? at(d.region, periodOfDate(meta.occurredAt), { 'aid.paid.fen': d.amountFen }) : [];
    const fact: AidCaseFact = {
      aidId: d.aidId,
      householdId: d.householdId,
      region: d.region,
      county,
      emergency: d.emergency,
      openedOn: d.openedOn,
      deadline: d.deadline ?? null,
      completedOn: d.completedOn ?? null,
      lastAt: meta.occurredAt,
    };
    return { deltas: [...opened, ...paid], writes: [{ ...aidRef(d.aidId), data: { ...fact } }] };
  },
};

/** The Shanghai date of a deadline: a date as it is, an instant (the 24 hours) by its day in Shanghai. */
function dueDay(due: string): string {
  return due.length === 10 ? due : new Date(Date.parse(due) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The report's overdue temporary aid (as of the end of the report month): cases still waiting for a
 * step whose deadline passed before that day, in the region.
 */
export function overdueAid(cases: readonly AidCaseFact[], regionPrefix: string, monthEnd: string) {
  return cases
    .filter((c) => c.region.startsWith(regionPrefix) && c.deadline !== null && c.openedOn <= monthEnd && dueDay(c.deadline.due) < monthEnd)
    .map((c) => ({
      aidId: c.aidId,
      householdId: c.householdId,
      region: c.region,
      emergency: c.emergency,
      openedOn: c.openedOn,
      step: c.deadline?.step as string,
      due: c.deadline?.due as string,
    }))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.aidId < b.aidId ? -1 : 1));
}
