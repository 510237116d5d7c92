import { describe, expect, it } from 'vitest';
import { assertVisitDate, currentHelper, MAX_BACKDATE_DAYS, monitoringFor, sameSubmission, VISIT_INTERVAL_DAYS, visitDue } from '../src/domain/visits.js';

const risk = { monitorType: '脱贫不稳定户' as const, note: '因病' };

describe('visit duties (000 ID-13 L546–550, 004 ID-65 L185, 000 EX-16 L3893)', () => {
  it('a visit is due the interval after the last one; never visited is due today', () => {
    expect(visitDue(undefined, '2020-05-10')).toEqual({ visitDueOn: '2020-05-10', visitOverdue: true });
    expect(visitDue('2020-05-01', '2020-05-10')).toEqual({ visitDueOn: '2020-05-31', visitOverdue: false });
    expect(visitDue('2020-04-01', '2020-05-10')).toEqual({ visitDueOn: '2020-05-01', visitOverdue: true });
    expect(VISIT_INTERVAL_DAYS).toBe(30);
  });

  it('the current helper is the one without an end date', () => {
    expect(
      currentHelper([
        { name: '甲', unit: 'A', from: '2016-01-01', to: '2018-01-01' },
        { name: '乙', unit: 'B', from: '2018-01-01' },
      ])?.name,
    ).toBe('乙');
    expect(currentHelper([])).toBeUndefined();
  });

  it('refuses a future date and a back-dated one', () => {
    expect(() => assertVisitDate('2020-05-11', '2020-05-10')).toThrow(/晚于今天/);
    expect(() => assertVisitDate('2020-01-01', '2020-05-10')).toThrow(new RegExp(`${MAX_BACKDATE_DAYS} 天前`));
    expect(() => assertVisitDate('2020-05-01', '2020-05-10')).not.toThrow();
  });
});

describe('a visit risk signal and 返贫 monitoring (workflows.md §1.4 D0)', () => {
  it('starts SIGNAL for an exited household with the visit as hardship report', () => {
    const decision = monitoringFor({ status: 'EXITED_WITH_POLICY' }, risk, 'v1');
    expect(decision).toMatchObject({ outcome: 'start', command: { action: 'SIGNAL', monitorType: '脱贫不稳定户', evidence: [{ kind: 'hardship-report', ref: 'visit:v1' }] } });
  });
  it('does not start for monitored, registered, or households in another workflow; nothing without a risk', () => {
    expect(monitoringFor({ status: 'MONITORED' }, risk, 'v')?.outcome).toBe('already-monitored');
    expect(monitoringFor({ status: 'REGISTERED' }, risk, 'v')?.outcome).toBe('in-register');
    expect(monitoringFor({ status: 'EXITED_WITH_POLICY', workflow: { kind: 'no-policy', state: 'X', startedAt: '', stepAt: '' } }, risk, 'v')?.outcome).toBe('not-eligible');
    expect(monitoringFor({ status: 'EXITED_WITH_POLICY' }, undefined, 'v')).toBeUndefined();
  });
});

describe('idempotent visits', () => {
  const body = { householdId: 'H', date: '2020-05-01', found: 'a', done: '', photoIds: [] };
  it('the same submission by the same account is the same visit', () => {
    expect(sameSubmission({ ...body, visitor: { sub: 'u' } }, body, 'u')).toBe(true);
    expect(sameSubmission({ ...body, visitor: { sub: 'u' } }, { ...body, found: 'b' }, 'u')).toBe(false);
    expect(sameSubmission({ ...body, visitor: { sub: 'u' } }, body, 'other')).toBe(false);
  });
});
