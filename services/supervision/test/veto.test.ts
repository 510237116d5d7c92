import { describe, expect, it } from 'vitest';
import { consequencesOf } from '../src/domain/consequences.js';
import { decide } from '../src/domain/results.js';
import { type YearlyTask, yearOutcome } from '../src/domain/units.js';
import { type Incident, validateIncident, vetoesOf } from '../src/domain/veto.js';

const town = { kind: 'town' as const };
const enterprise = { kind: 'enterprise' as const };
const evidence = [{ title: '区安委会通报', reference: '台安委〔2018〕3号' }];
let n = 0;
const incident = (kind: Incident['kind'], extra: Partial<Incident> = {}): Incident => ({
  incidentId: `i${++n}`,
  unitId: 'u1',
  year: 2018,
  kind,
  occurredOn: '2018-05-01',
  description: `${kind} 事项`,
  evidence,
  ...extra,
});
const rules = (unit: { kind: 'town' | 'enterprise'; roadTraffic?: boolean }, incidents: Incident[], asOf = '2018-12-31') =>
  vetoesOf(unit, 2018, incidents, undefined, asOf).map((v) => v.rule);

describe('one-vote veto (一票否决), seed 000 AS-3 L42–72 and AS-7 L4092–4102', () => {
  it('seed 000 AS-3.1 L46: breaking the year’s control target vetoes', () => {
    expect(rules(town, [incident('target-breach')])).toEqual(['SAFETY_TARGET_BREACH']);
  });
  it('seed 000 AS-3.2 L48–50: an enterprise with a responsibility accident of one death (含1人) is vetoed', () => {
    expect(rules(enterprise, [incident('fatal-accident', { deaths: 1, responsible: true })])).toEqual(['FATAL_ACCIDENT_ENTERPRISE']);
    expect(rules(enterprise, [incident('fatal-accident', { deaths: 1, responsible: false })])).toEqual([]);
  });
  it('seed 000 AS-3.3 L52–56: a town with a fatal responsibility accident is vetoed; road traffic is judged by condition 1 (A-16)', () => {
    expect(rules(town, [incident('fatal-accident', { deaths: 2 })])).toEqual(['FATAL_ACCIDENT_TERRITORY']);
    expect(rules(town, [incident('fatal-accident', { deaths: 1, roadTraffic: true })])).toEqual([]);
    expect(rules({ kind: 'town', roadTraffic: true }, [incident('fatal-accident', { deaths: 1 })])).toEqual([]);
  });
  it('seed 000 AS-3.4 L58–60: a late, missed, false or concealed report vetoes', () => {
    expect(rules(town, [incident('report-failure')])).toEqual(['ACCIDENT_REPORT_FAILURE']);
  });
  it('seed 000 AS-3.5 L62–64: two criticisms in the year veto, one does not', () => {
    expect(rules(town, [incident('criticism')])).toEqual([]);
    expect(rules(town, [incident('criticism'), incident('criticism')])).toEqual(['TWO_CRITICISMS']);
  });
  it('seed 000 AS-3.5 L62–64 (A-15): a major-hazard order not rectified by its deadline vetoes; rectified in time does not', () => {
    expect(rules(town, [incident('hazard-order', { deadline: '2018-06-30' })], '2018-06-30')).toEqual([]);
    expect(rules(town, [incident('hazard-order', { deadline: '2018-06-30' })], '2018-07-01')).toEqual(['HAZARD_ORDER_OVERDUE']);
    expect(rules(town, [incident('hazard-order', { deadline: '2018-06-30', rectifiedOn: '2018-06-20' })])).toEqual([]);
    expect(rules(town, [incident('hazard-order', { deadline: '2018-06-30', rectifiedOn: '2018-07-02' })])).toEqual(['HAZARD_ORDER_OVERDUE']);
  });
  it('seed 000 AS-3.6 L66–70: illegal operations left unhandled veto', () => {
    expect(rules(town, [incident('illegal-unhandled')])).toEqual(['ILLEGAL_OPERATIONS_UNHANDLED']);
  });
  it('seed 000 AS-3.7 L72: a failed safety responsibility assessment vetoes', () => {
    expect(rules(town, [incident('safety-assessment-failed')])).toEqual(['SAFETY_ASSESSMENT_FAILED']);
  });
  it('seed 000 AS-7 L4092–4102: an unfinished yearly poverty task vetoes (扶贫工作实绩一票否决)', () => {
    const tasks: YearlyTask[] = [{ taskId: 't1', unitId: 'u1', year: 2018, title: '冯庄村脱贫退出', dueOn: '2018-11-30', source: '000 L3147' }];
    const vetoes = vetoesOf(town, 2018, [], yearOutcome(2018, tasks, '2018-12-31'), '2018-12-31');
    expect(vetoes.map((v) => v.rule)).toEqual(['POVERTY_TASK_UNFINISHED']);
    expect(vetoes[0]?.basis).toEqual(['未按期完成：冯庄村脱贫退出']);
  });
  it('seed 002 S-50 L181, L187: 数字脱贫、虚假脱贫 vetoes', () => {
    expect(rules(town, [incident('false-exit')])).toEqual(['FALSE_EXIT']);
  });
  it('incidents of another year do not count', () => {
    expect(rules(town, [incident('target-breach', { year: 2017, occurredOn: '2017-03-01' })])).toEqual([]);
  });
  it('a veto without evidence is refused (issue 17 bad input)', () => {
    expect(() => validateIncident(incident('target-breach', { evidence: [] }))).toThrow(expect.objectContaining({ code: 'VETO_EVIDENCE_REQUIRED', status: 400 }));
    expect(() => validateIncident(incident('fatal-accident', { deaths: 0 }))).toThrow(expect.objectContaining({ code: 'INCIDENT_FACTS_MISSING' }));
  });
  it('seed 000 AS-3 L42–44: a vetoed unit with a top score loses 评先树优 eligibility and is criticised', () => {
    const vetoes = vetoesOf(town, 2018, [incident('target-breach')], undefined, '2018-12-31');
    const result = decide({ unitId: 'u1', unitName: '泥沟镇', score: { total: 98, items: [] }, vetoes }, { excellent: 90, good: 80, pass: 60 });
    expect(result).toMatchObject({ eligibleForHonours: false, award: null, criticised: true, grade: '不合格' });
    const clean = decide({ unitId: 'u2', unitName: '邳庄镇', score: { total: 98, items: [] }, vetoes: [] }, { excellent: 90, good: 80, pass: 60 });
    expect(clean).toMatchObject({ eligibleForHonours: true, award: '表彰奖励', grade: '优秀' });
  });
});

describe('consequences, seed 000 AS-7 L4092–4102', () => {
  const task = (year: number, dueOn: string, completedOn?: string): YearlyTask => ({
    taskId: `t${year}${dueOn}`,
    unitId: 'u1',
    year,
    title: `${year}年减贫任务`,
    dueOn,
    source: '000 L3081',
    ...(completedOn ? { completedOn } : {}),
  });
  it('a missed year → 约谈 of the principal heads', () => {
    const current = yearOutcome(2018, [task(2018, '2018-12-31')], '2019-01-10');
    expect(consequencesOf(current, undefined).map((c) => c.kind)).toEqual(['interview']);
  });
  it('two missed years in a row → 约谈 and a 组织调整 proposal', () => {
    const tasks = [task(2017, '2017-12-31'), task(2018, '2018-12-31')];
    const out = consequencesOf(yearOutcome(2018, tasks, '2019-01-10'), yearOutcome(2017, tasks, '2019-01-10'));
    expect(out.map((c) => c.kind)).toEqual(['interview', 'reorganisation']);
    expect(out[1]?.citation).toContain('000 AS-7 L4092–4102');
  });
  it('a missed year after a good year is only a 约谈', () => {
    const tasks = [task(2017, '2017-12-31', '2017-12-01'), task(2018, '2018-12-31')];
    expect(consequencesOf(yearOutcome(2018, tasks, '2019-01-10'), yearOutcome(2017, tasks, '2019-01-10')).map((c) => c.kind)).toEqual(['interview']);
  });
  it('early completion → funds and policies kept, praise and reward; completion on the due date is not early', () => {
    expect(consequencesOf(yearOutcome(2018, [task(2018, '2018-12-31', '2018-10-15')], '2019-01-10'), undefined).map((c) => c.kind)).toEqual(['reward']);
    expect(consequencesOf(yearOutcome(2018, [task(2018, '2018-12-31', '2018-12-31')], '2019-01-10'), undefined)).toEqual([]);
  });
  it('a task completed late counts as missed', () => {
    expect(yearOutcome(2018, [task(2018, '2018-11-30', '2018-12-05')], '2019-01-10').missed).toBe(true);
  });
});
