import { addDays, type EventDefinition, identificationEvents, noticeEvents, scoringEvents, subsidyEvents } from '@jingzhun/types';
import type { z } from 'zod';
import { countingRegions, countyOf, dateOf, periodOfDate } from './metrics.js';

/**
 * Pure projections from the other services' events to counter deltas and the per-entity facts
 * the deltas are computed from. A fact holds the last state this service counted for an entity,
 * so a change is counted as (new contribution − old contribution) and a repeated or stale event
 * adds nothing. The handler loads the facts named by `needs`, applies `project` and commits the
 * deltas, the fact writes and the consumption mark in one unit of work.
 */
export type FactKind = 'household' | 'monitoring' | 'subsidy-run' | 'roster' | 'loan' | 'notice' | 'assessment' | 'coverage' | 'assistance-case' | 'aid-case';

export interface Delta {
  region: string;
  period: string;
  metric: string;
  value: number;
}

export interface FactRef {
  kind: FactKind;
  id: string;
}

export interface FactWrite extends FactRef {
  data: Record<string, unknown>;
}

export interface Projection {
  deltas: Delta[];
  writes: FactWrite[];
}

export type Facts = ReadonlyMap<string, Record<string, unknown>>;
export const factId = (ref: FactRef) => `${ref.kind}#${ref.id}`;

export interface Meta {
  occurredAt: string;
}

export interface Projector<D extends z.ZodType = z.ZodType> {
  event: EventDefinition<D>;
  needs(data: z.output<D>): FactRef[];
  project(data: z.output<D>, meta: Meta, facts: Facts): Projection;
}

function projector<D extends z.ZodType>(p: Projector<D>): Projector<D> {
  return p;
}

/** Adds `values` at `region` (and its ancestors down from the county) in `period`. */
function at(region: string, period: string, values: Record<string, number>, sign = 1): Delta[] {
  const out: Delta[] = [];
  for (const code of countingRegions(region)) {
    for (const [metric, value] of Object.entries(values)) if (value !== 0) out.push({ region: code, period, metric, value: sign * value });
  }
  return out;
}

// ---------------------------------------------------------------- households (identification)

const POOR = new Set(['REGISTERED', 'RE_REGISTERED']);
const EXITED = new Set(['EXITED_WITH_POLICY', 'EXITED_NO_POLICY']);

export interface HouseholdFact {
  householdId: string;
  region: string;
  status: string;
  colour: string | null;
  size: number;
  lastAt: string;
  /** A 帮扶责任人 / 帮扶措施 recorded (the county index's 帮扶精准度, seed 004 L885). */
  hasHelper?: boolean;
  hasMeasures?: boolean;
}

/** What one household contributes to the stocks (workflows.md §1.2 colours, §1.3–§2 statuses). */
export function householdStocks(fact: Pick<HouseholdFact, 'status' | 'colour' | 'size' | 'hasHelper' | 'hasMeasures'>): Record<string, number> {
  const stocks: Record<string, number> = {};
  if (POOR.has(fact.status)) {
    stocks['stock.hh.poor'] = 1;
    stocks['stock.persons.poor'] = fact.size;
    if (fact.hasHelper) stocks['stock.hh.poor.withHelper'] = 1;
    if (fact.hasMeasures) stocks['stock.hh.poor.withMeasures'] = 1;
  }
  if (fact.status === 'MONITORED') stocks['stock.hh.monitored'] = 1;
  if (EXITED.has(fact.status)) {
    stocks['stock.hh.exited'] = 1;
    stocks['stock.persons.exited'] = fact.size;
  }
  if (fact.colour) stocks[`stock.colour.${fact.colour}`] = 1;
  return stocks;
}

type Snapshot = z.output<typeof identificationEvents.HouseholdSnapshot>;

/**
 * The stock change of a household moving from `before` to the snapshot, counted in the month of
 * `date`. An event older than the last one counted (out-of-order delivery) changes no stock.
 */
function householdProjection(
  householdId: string,
  region: string,
  snapshot: Snapshot,
  meta: Meta,
  before: HouseholdFact | undefined,
  date: string,
  flows: Record<string, number>,
): Projection {
  const period = periodOfDate(date);
  const deltas = at(region, period, flows);
  if (before && before.lastAt > meta.occurredAt) return { deltas, writes: [] };
  const after: HouseholdFact = {
    householdId,
    region,
    status: snapshot.status,
    colour: snapshot.colour ?? null,
    size: snapshot.size,
    lastAt: meta.occurredAt,
    ...(snapshot.hasHelper !== undefined ? { hasHelper: snapshot.hasHelper } : {}),
    ...(snapshot.hasMeasures !== undefined ? { hasMeasures: snapshot.hasMeasures } : {}),
  };
  deltas.push(...at(region, period, householdStocks(after)));
  if (before) deltas.push(...at(before.region, period, householdStocks(before), -1));
  return { deltas, writes: [{ kind: 'household', id: householdId, data: { ...after } }] };
}

const householdRef = (householdId: string): FactRef => ({ kind: 'household', id: householdId });
const monitoringRef = (householdId: string): FactRef => ({ kind: 'monitoring', id: householdId });

/** The monitoring procedure must finish within 15 calendar days of the signal (workflows.md §1.4, ANC §3). */
export const MONITORING_LIMIT_DAYS = 15;

export interface MonitoringCase {
  householdId: string;
  region: string;
  county: string;
  signalledOn: string;
  deadline: string;
  completedOn: string | null;
}

/** A monitoring case closes when the household reaches MONITORED (the last step of §1.4). */
function closeCase(facts: Facts, householdId: string, status: string, date: string): FactWrite[] {
  const open = facts.get(factId(monitoringRef(householdId))) as MonitoringCase | undefined;
  if (!open || open.completedOn !== null || status !== 'MONITORED') return [];
  return [{ kind: 'monitoring', id: householdId, data: { ...open, completedOn: date } }];
}

const snapshotStatus = (snapshot: Snapshot) => snapshot.status;

export const householdRegistered = projector({
  event: identificationEvents.householdRegistered,
  needs: (d) => [householdRef(d.householdId)],
  project: (d, meta, facts) => {
    const before = facts.get(factId(householdRef(d.householdId))) as HouseholdFact | undefined;
    const date = d.snapshot.registeredAt ?? meta.occurredAt;
    return householdProjection(d.householdId, d.region, d.snapshot, meta, before, date, { 'hh.registered': 1, 'persons.registered': d.snapshot.size });
  },
});

export const householdChanged = projector({
  event: identificationEvents.householdChanged,
  needs: (d) => [householdRef(d.householdId), monitoringRef(d.householdId)],
  project: (d, meta, facts) => {
    const before = facts.get(factId(householdRef(d.householdId))) as HouseholdFact | undefined;
    const projection = householdProjection(d.householdId, d.region, d.snapshot, meta, before, meta.occurredAt, {});
    projection.writes.push(...closeCase(facts, d.householdId, snapshotStatus(d.snapshot), dateOf(meta.occurredAt)));
    return projection;
  },
});

export const householdExited = projector({
  event: identificationEvents.householdExited,
  needs: (d) => [householdRef(d.householdId)],
  project: (d, meta, facts) => {
    const before = facts.get(factId(householdRef(d.householdId))) as HouseholdFact | undefined;
    return householdProjection(d.householdId, d.region, d.snapshot, meta, before, d.exitedAt, { 'hh.exited': 1, 'persons.exited': d.snapshot.size });
  },
});

export const householdReturned = projector({
  event: identificationEvents.householdReturned,
  needs: (d) => [householdRef(d.householdId)],
  project: (d, meta, facts) => {
    const before = facts.get(factId(householdRef(d.householdId))) as HouseholdFact | undefined;
    return householdProjection(d.householdId, d.region, d.snapshot, meta, before, meta.occurredAt, { 'hh.returned': 1, 'persons.returned': d.snapshot.size });
  },
});

export const monitoringIdentified = projector({
  event: identificationEvents.monitoringIdentified,
  needs: (d) => [householdRef(d.householdId), monitoringRef(d.householdId)],
  project: (d, meta, facts) => {
    const before = facts.get(factId(householdRef(d.householdId))) as HouseholdFact | undefined;
    const signalledOn = dateOf(d.signalledAt);
    const projection = householdProjection(d.householdId, d.region, d.snapshot, meta, before, d.signalledAt, { 'hh.monitoring.identified': 1 });
    const county = countyOf(d.region);
    const existing = facts.get(factId(monitoringRef(d.householdId))) as MonitoringCase | undefined;
    if (county && (!existing || existing.signalledOn !== signalledOn)) {
      const completedOn = d.snapshot.status === 'MONITORED' ? dateOf(meta.occurredAt) : null;
      const opened: MonitoringCase = {
        householdId: d.householdId,
        region: d.region,
        county,
        signalledOn,
        deadline: addDays(signalledOn, MONITORING_LIMIT_DAYS),
        completedOn,
      };
      projection.writes.push({ kind: 'monitoring', id: d.householdId, data: { ...opened } });
    }
    return projection;
  },
});

// ---------------------------------------------------------------- subsidy

type ByItem = Record<string, { households: number; totalFen: number }>;

function itemMetrics(stage: 'computed' | 'approved' | 'paid', totalFen: number, byItem: ByItem | undefined): Record<string, number> {
  const values: Record<string, number> = { [`subsidy.${stage}.fen`]: totalFen };
  for (const [item, figures] of Object.entries(byItem ?? {})) {
    values[`subsidy.${stage}.fen.${item}`] = figures.totalFen;
    values[`subsidy.${stage}.hh.${item}`] = figures.households;
  }
  return values;
}

function difference(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of new Set([...Object.keys(after), ...Object.keys(before)])) out[key] = (after[key] ?? 0) - (before[key] ?? 0);
  return out;
}

/**
 * A subsidy run is the calculation for one (period, region); a later run of the same pair
 * replaces the earlier one, so the counters move by the difference.
 */
export const subsidyRunCompleted = projector({
  event: subsidyEvents.runCompleted,
  needs: (d) => [{ kind: 'subsidy-run', id: `${d.region}#${d.period}` }],
  project: (d, meta, facts) => {
    const ref: FactRef = { kind: 'subsidy-run', id: `${d.region}#${d.period}` };
    const before = facts.get(factId(ref)) as { values: Record<string, number>; lastAt: string } | undefined;
    if (before && before.lastAt > meta.occurredAt) return { deltas: [], writes: [] };
    const values = itemMetrics('computed', d.totalFen, d.byItem);
    return {
      deltas: at(d.region, d.period, difference(values, before?.values ?? {})),
      writes: [{ ...ref, data: { runId: d.runId, region: d.region, period: d.period, values, lastAt: meta.occurredAt } }],
    };
  },
});

export const subsidyRosterApproved = projector({
  event: subsidyEvents.rosterApproved,
  needs: (d) => [{ kind: 'roster', id: d.rosterId }],
  project: (d, _meta, facts) => {
    const ref: FactRef = { kind: 'roster', id: d.rosterId };
    const before = facts.get(factId(ref));
    const approved = itemMetrics('approved', d.totalFen, d.byItem);
    // An approval delivered after the payment (out of order) still records the items.
    return {
      deltas: before?.approved ? [] : at(d.region, d.period, approved),
      writes: [{ ...ref, data: { ...(before ?? {}), rosterId: d.rosterId, region: d.region, period: d.period, byItem: d.byItem, approved: true } }],
    };
  },
});

/** The paid event carries no items: they come from the approved roster. */
export const subsidyRosterPaid = projector({
  event: subsidyEvents.rosterPaid,
  needs: (d) => [{ kind: 'roster', id: d.rosterId }],
  project: (d, _meta, facts) => {
    const ref: FactRef = { kind: 'roster', id: d.rosterId };
    const before = facts.get(factId(ref)) as { byItem?: ByItem; paid?: boolean } | undefined;
    if (before?.paid) return { deltas: [], writes: [] };
    const paid = itemMetrics('paid', d.totalFen, before?.byItem);
    return {
      deltas: at(d.region, d.period, paid),
      writes: [{ ...ref, data: { ...(before ?? {}), rosterId: d.rosterId, region: d.region, period: d.period, paid: true } }],
    };
  },
});

// ---------------------------------------------------------------- scoring

interface LoanFact {
  loanId: string;
  region: string;
  overdue: boolean;
}

const loanRef = (loanId: string): FactRef => ({ kind: 'loan', id: loanId });

export const loanIssued = projector({
  event: scoringEvents.loanIssued,
  needs: () => [],
  project: (d) => ({ deltas: at(d.region, periodOfDate(d.issuedOn), { 'loans.issued': 1, 'loans.issued.fen': d.amountFen }), writes: [] }),
});

export const loanOverdue = projector({
  event: scoringEvents.loanOverdue,
  needs: (d) => [loanRef(d.loanId)],
  project: (d, _meta, facts) => {
    const before = facts.get(factId(loanRef(d.loanId))) as LoanFact | undefined;
    const period = periodOfDate(d.since);
    const deltas = at(d.region, period, { 'loans.overdue': 1, 'loans.overdue.fen': d.overdueFen });
    if (before?.overdue) return { deltas, writes: [] };
    deltas.push(...at(d.region, period, { 'stock.loans.overdue': 1 }));
    return { deltas, writes: [{ ...loanRef(d.loanId), data: { loanId: d.loanId, region: d.region, overdue: true } }] };
  },
});

export const loanRepaid = projector({
  event: scoringEvents.loanRepaid,
  needs: (d) => [loanRef(d.loanId)],
  project: (d, _meta, facts) => {
    const before = facts.get(factId(loanRef(d.loanId))) as LoanFact | undefined;
    const period = periodOfDate(d.repaidOn);
    const deltas = at(d.region, period, { 'loans.repaid': 1, 'loans.repaid.fen': d.amountFen });
    if (!before?.overdue) return { deltas, writes: [] };
    deltas.push(...at(before.region, period, { 'stock.loans.overdue': -1 }));
    return { deltas, writes: [{ ...loanRef(d.loanId), data: { ...before, overdue: false } }] };
  },
});

export interface AssessmentFact {
  assessmentId: string;
  district: string;
  year: number;
  rewardsDueBy: string;
  banks: number;
  prizes: number;
}

/** Kept for the bank reward reminder (workflows.md §6 Bank assessment; 000 BK-5 L4274–4278). */
export const assessmentApproved = projector({
  event: scoringEvents.assessmentApproved,
  needs: () => [],
  project: (d) => {
    const fact: AssessmentFact = {
      assessmentId: d.assessmentId,
      district: d.district,
      year: d.year,
      rewardsDueBy: dateOf(d.rewardsDueBy),
      banks: d.results.length,
      prizes: d.results.filter((r) => r.prize !== null).length,
    };
    return { deltas: [], writes: [{ kind: 'assessment', id: d.assessmentId, data: { ...fact } }] };
  },
});

// ---------------------------------------------------------------- notices

interface NoticeFact {
  noticeId: string;
  region: string;
  open: boolean;
}

const noticeRef = (noticeId: string): FactRef => ({ kind: 'notice', id: noticeId });

export const noticePublished = projector({
  event: noticeEvents.noticePublished,
  needs: (d) => [noticeRef(d.noticeId)],
  project: (d, _meta, facts) => {
    if (facts.get(factId(noticeRef(d.noticeId)))) return { deltas: [], writes: [] };
    const period = periodOfDate(d.windowStart);
    return {
      deltas: at(d.region, period, { 'notices.published': 1, 'stock.notices.open': 1 }),
      writes: [{ ...noticeRef(d.noticeId), data: { noticeId: d.noticeId, region: d.region, open: true } }],
    };
  },
});

export const noticeWindowClosed = projector({
  event: noticeEvents.noticeWindowClosed,
  needs: (d) => [noticeRef(d.noticeId)],
  project: (d, _meta, facts) => {
    const before = facts.get(factId(noticeRef(d.noticeId))) as NoticeFact | undefined;
    const period = periodOfDate(d.closedAt);
    if (before && !before.open) return { deltas: [], writes: [] };
    // A close without a seen publication is counted as closed, never as a negative open stock.
    const values: Record<string, number> = before ? { 'notices.closed': 1, 'stock.notices.open': -1 } : { 'notices.closed': 1 };
    return {
      deltas: at(d.region, period, values),
      writes: [{ ...noticeRef(d.noticeId), data: { noticeId: d.noticeId, region: d.region, open: false } }],
    };
  },
});

export const objectionLodged = projector({
  event: noticeEvents.objectionLodged,
  needs: () => [],
  project: (d, meta) => ({ deltas: at(d.region, periodOfDate(meta.occurredAt), { 'notices.objections.lodged': 1, 'stock.objections.open': 1 }), writes: [] }),
});

/** The decided event carries no region: it comes from the notice's publication. */
export const objectionDecided = projector({
  event: noticeEvents.objectionDecided,
  needs: (d) => [noticeRef(d.noticeId)],
  project: (d, meta, facts) => {
    const notice = facts.get(factId(noticeRef(d.noticeId))) as NoticeFact | undefined;
    if (!notice) throw new Error(`objection decided on notice ${d.noticeId} before its publication was counted`);
    return {
      deltas: at(notice.region, periodOfDate(meta.occurredAt), { [`notices.objections.${d.outcome}`]: 1, 'stock.objections.open': -1 }),
      writes: [],
    };
  },
});

/** Every event the dispatch read model consumes, by type. */
export const PROJECTORS: readonly Projector[] = [
  householdRegistered,
  householdChanged,
  householdExited,
  householdReturned,
  monitoringIdentified,
  subsidyRunCompleted,
  subsidyRosterApproved,
  subsidyRosterPaid,
  loanIssued,
  loanOverdue,
  loanRepaid,
  assessmentApproved,
  noticePublished,
  noticeWindowClosed,
  objectionLodged,
  objectionDecided,
] as Projector[];

/** Sums deltas per (region, period, metric) and drops zeros, in a stable order. */
export function mergeDeltas(deltas: readonly Delta[]): Map<string, { region: string; period: string; values: Record<string, number> }> {
  const merged = new Map<string, { region: string; period: string; values: Record<string, number> }>();
  for (const delta of deltas) {
    const key = `${delta.region}#${delta.period}`;
    const entry = merged.get(key) ?? { region: delta.region, period: delta.period, values: {} };
    entry.values[delta.metric] = (entry.values[delta.metric] ?? 0) + delta.value;
    merged.set(key, entry);
  }
  for (const [key, entry] of merged) {
    for (const [metric, value] of Object.entries(entry.values)) if (value === 0) delete entry.values[metric];
    if (Object.keys(entry.values).length === 0) merged.delete(key);
  }
  return merged;
}
