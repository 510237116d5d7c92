import { describe, expect, it } from 'vitest';
import { type AidCaseFact, assistanceCaseChanged, caseStocks, overdueAid, temporaryAidChanged } from '../src/domain/casework-projection.js';
import { isKnownMetric } from '../src/domain/metrics.js';

/** Dispatch's read model of identification's 民政 case work (issue 20). */
describe('低保/特困 case stocks (seed 004 ID-44 L328: centralised care of those unable to care for themselves)', () => {
  it('counts a case while it holds the status, and the 特困 care split', () => {
    expect(caseStocks({ kind: 'dibao', holdsStatus: true })).toEqual({ 'stock.dibao.households': 1 });
    expect(caseStocks({ kind: 'dibao', holdsStatus: false })).toEqual({});
    expect(caseStocks({ kind: 'tekun', holdsStatus: true, care: { canSelfCare: false, centralised: true } })).toEqual({
      'stock.tekun.persons': 1,
      'stock.tekun.unableSelfCare': 1,
      'stock.tekun.unableSelfCare.centralised': 1,
    });
    expect(caseStocks({ kind: 'tekun', holdsStatus: true, care: { canSelfCare: true, centralised: true } })).toEqual({
      'stock.tekun.persons': 1,
      'stock.tekun.unableSelfCare': 0,
      'stock.tekun.unableSelfCare.centralised': 0,
    });
    for (const metric of [
      'stock.dibao.households',
      'stock.tekun.persons',
      'stock.tekun.unableSelfCare',
      'stock.tekun.unableSelfCare.centralised',
      'aid.cases',
      'aid.cases.emergency',
      'aid.paid.fen',
    ]) {
      expect(isKnownMetric(metric), metric).toBe(true);
    }
  });

  it('moves a case from in-home to centralised care as a change of contributions; a stale event adds nothing', () => {
    const data = {
      caseId: 'C1',
      kind: 'tekun' as const,
      householdId: 'H1',
      region: '370405103201',
      state: 'IN_CARE',
      holdsStatus: true,
      at: '',
      care: { canSelfCare: false, centralised: true },
    };
    const before = { caseId: 'C1', region: '370405103201', values: caseStocks({ ...data, care: { canSelfCare: false, centralised: false } }), lastAt: '2019-05-01T00:00:00.000Z' };
    const facts = new Map([['assistance-case#C1', before as unknown as Record<string, unknown>]]);
    const moved = assistanceCaseChanged.project(data, { occurredAt: '2019-06-01T00:00:00.000Z' }, facts);
    const village = moved.deltas.filter((d) => d.region === '370405103201');
    const sum = (metric: string) => village.filter((d) => d.metric === metric).reduce((a, d) => a + d.value, 0);
    expect(sum('stock.tekun.unableSelfCare.centralised')).toBe(1);
    expect(sum('stock.tekun.unableSelfCare')).toBe(0);
    expect(sum('stock.tekun.persons')).toBe(0);
    expect(assistanceCaseChanged.project(data, { occurredAt: '2019-04-01T00:00:00.000Z' }, facts)).toEqual({ deltas: [], writes: [] });
  });
});

describe('temporary aid in the overdue list (seed 004 ID-46 L329)', () => {
  const base: AidCaseFact = {
    aidId: 'A1',
    householdId: 'H1',
    region: '370405103201',
    county: '370405000000',
    emergency: true,
    openedOn: '2019-05-30',
    deadline: { step: '先行救助', due: '2019-05-30T16:30:00.000Z' },
    completedOn: null,
    lastAt: '',
  };

  it('lists open cases whose deadline passed by the end of the month, the 24 hours by their day in Shanghai', () => {
    // Due 2019-05-31 00:30 in Shanghai: the month's last day, so not yet overdue at its end.
    expect(overdueAid([base], '370405', '2019-05-31')).toEqual([]);
    const late = { ...base, aidId: 'A2', deadline: { step: '先行救助', due: '2019-05-30T10:00:00.000Z' } };
    const ordinary = { ...base, aidId: 'A3', emergency: false, deadline: { step: '审批', due: '2019-05-20' } };
    const done = { ...base, aidId: 'A4', deadline: null, completedOn: '2019-05-02' };
    const elsewhere = { ...late, aidId: 'A5', region: '370405102201' };
    expect(overdueAid([base, late, ordinary, done, elsewhere], '370405103', '2019-05-31').map((c) => c.aidId)).toEqual(['A3', 'A2']);
    expect(overdueAid([base, late, ordinary, done, elsewhere], '370405', '2019-05-31').map((c) => c.aidId)).toEqual(['A3', 'A2', 'A5']);
    // A case opened after the month is not in its report.
    expect(overdueAid([{ ...ordinary, openedOn: '2019-06-02' }], '370405', '2019-05-31')).toEqual([]);
  });

  it('counts a case once when opened, and its amount when paid', () => {
    const data = {
      aidId: 'A1',
      householdId: 'H1',
      region: '370405103201',
      emergency: true,
      state: 'APPLIED',
      amountFen: 65_000,
      openedOn: '2019-05-30',
      deadline: { step: '先行救助', due: '2019-05-31T02:00:00.000Z' },
      at: '',
    };
    const opened = temporaryAidChanged.project(data, { occurredAt: '2019-05-30T02:00:00.000Z' }, new Map());
    expect(opened.deltas.filter((d) => d.region === '370405103201').map((d) => [d.metric, d.value])).toEqual([
      ['aid.cases', 1],
      ['aid.cases.emergency', 1],
    ]);
    const fact = opened.writes[0]?.data as Record<string, unknown>;
    const paid = temporaryAidChanged.project(
      { ...data, state: 'PAID', deadline: undefined, completedOn: '2019-05-31' },
      { occurredAt: '2019-05-31T02:00:00.000Z' },
      new Map([['aid-case#A1', fact]]),
    );
    expect(paid.deltas.filter((d) => d.region === '370405103201').map((d) => [d.metric, d.value])).toEqual([['aid.paid.fen', 65_000]]);
    expect(paid.writes[0]?.data).toMatchObject({ deadline: null, completedOn: '2019-05-31' });
  });
});
