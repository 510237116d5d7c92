import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAssessment, nextStatus } from '../src/domain/assessment.js';
import { decide } from '../src/domain/results.js';
import { defaultScheme, validateScheme } from '../src/domain/scheme.js';
import { checkInputs, ratioTenths, scoreUnit } from '../src/domain/scoring.js';
import type { ResponsibleUnit, YearlyTask } from '../src/domain/units.js';
import { INCIDENT_KINDS, type Incident, vetoesOf } from '../src/domain/veto.js';

const scheme = defaultScheme(2018, '370405000000');

describe('assessment scheme and scoring (docs/supervision.md worked example)', () => {
  it('the default scheme adds up to 100 points', () => {
    expect(() => validateScheme(scheme)).not.toThrow();
    expect(() => validateScheme({ ...scheme, indicators: scheme.indicators.slice(1) })).toThrow(expect.objectContaining({ code: 'SCHEME_INVALID' }));
  });

  it('scores 邳庄镇 as in docs/supervision.md: 87.4 points', () => {
    const score = scoreUnit(scheme, [
      { code: 'tasks', achieved: 7, due: 8 },
      { code: 'quality', points: 22.5 },
      { code: 'funds', achieved: 8_650_000_00, due: 10_000_000_00 },
      { code: 'filings', achieved: 11, due: 12 },
      { code: 'rectification', achieved: 2, due: 3 },
      { code: 'satisfaction', achieved: 193, due: 200 },
    ]);
    expect(score.items.map((i) => i.points)).toEqual([26.3, 22.5, 13, 9.2, 6.7, 9.7]);
    expect(score.total).toBe(87.4);
    expect(score.items[0]?.explanation).toBe('按期完成的年度任务数／年度任务数：7／8，得 26.3 分（满分 30 分）');
  });

  it('rounds half up to a tenth with integer arithmetic', () => {
    expect(ratioTenths(10, 1, 8)).toBe(13); // 1.25 → 1.3
    expect(ratioTenths(30, 7, 8)).toBe(263); // 26.25 → 26.3
    expect(ratioTenths(10, 2, 3)).toBe(67); // 6.666… → 6.7
  });

  it('a score outside an indicator’s range is refused (issue 17 bad input)', () => {
    expect(() => checkInputs(scheme, [{ code: 'quality', points: 26 }])).toThrow(expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE', status: 400 }));
    expect(() => checkInputs(scheme, [{ code: 'funds', achieved: 11, due: 10 }])).toThrow(expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE' }));
  });

  it('an approved assessment cannot be edited or recomputed', () => {
    expect(() => nextStatus('approved', 'enter')).toThrow(expect.objectContaining({ code: 'ASSESSMENT_APPROVED', status: 409 }));
    expect(() => nextStatus('published', 'compute')).toThrow(expect.objectContaining({ code: 'ASSESSMENT_APPROVED' }));
    expect(nextStatus('reviewed', 'approve')).toBe('approved');
    expect(() => nextStatus('computed', 'approve')).toThrow(expect.objectContaining({ code: 'ASSESSMENT_STATE' }));
  });
});

const unit = (unitId: string, kind: ResponsibleUnit['kind'] = 'town'): ResponsibleUnit => ({ unitId, name: unitId, kind, region: '370405100000', heads: [], responsibilities: [] });

describe('property: a vetoed unit never gets an award (seed 000 AS-3 L42–44, AS-7 L4092–4102)', () => {
  it('whatever its scores, incidents and tasks', () => {
    const incidentArb = fc.record({
      kind: fc.constantFrom(...INCIDENT_KINDS),
      deaths: fc.integer({ min: 1, max: 5 }),
      roadTraffic: fc.boolean(),
      rectifiedLate: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 250 }), { minLength: 1, maxLength: 1 }),
        fc.array(incidentArb, { maxLength: 4 }),
        fc.constantFrom<ResponsibleUnit['kind']>('town', 'department', 'enterprise'),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        ([quality = 0], raw, kind, tasksDone, tasksMissed) => {
          const incidents: Incident[] = raw.map((r, i) => ({
            incidentId: `i${i}`,
            unitId: 'u',
            year: 2018,
            kind: r.kind,
            occurredOn: '2018-03-01',
            description: r.kind,
            evidence: [{ title: '证据', reference: 'x' }],
            deaths: r.deaths,
            roadTraffic: r.roadTraffic,
            deadline: '2018-06-30',
            ...(r.rectifiedLate ? { rectifiedOn: '2018-07-15' } : {}),
          }));
          const tasks: YearlyTask[] = [
            ...Array.from({ length: tasksDone }, (_, i) => ({
              taskId: `d${i}`,
              unitId: 'u',
              year: 2018,
              title: `d${i}`,
              dueOn: '2018-12-31',
              completedOn: '2018-06-01',
              source: 's',
            })),
            ...Array.from({ length: tasksMissed }, (_, i) => ({ taskId: `m${i}`, unitId: 'u', year: 2018, title: `m${i}`, dueOn: '2018-11-30', source: 's' })),
          ];
          const entered = new Map([
            [
              'u',
              [
                { code: 'quality', points: quality / 10 },
                { code: 'funds', achieved: 10, due: 10 },
                { code: 'filings', achieved: 12, due: 12 },
                { code: 'satisfaction', achieved: 100, due: 100 },
              ],
            ],
          ]);
          const { results } = computeAssessment({ scheme, units: [unit('u', kind)], entered, tasks, incidents, findings: [], asOf: '2018-12-31' });
          const result = results[0];
          if (!result) return false;
          const vetoed = vetoesOf(unit('u', kind), 2018, incidents, undefined, '2018-12-31').length > 0 || tasksMissed > 0;
          expect(result.vetoes.length > 0).toBe(vetoed);
          if (vetoed) {
            expect(result.award).toBeNull();
            expect(result.eligibleForHonours).toBe(false);
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('decide never awards a unit with a veto, at any total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (t) => {
        const veto = vetoesOf(
          unit('u'),
          2018,
          [{ incidentId: 'a', unitId: 'u', year: 2018, kind: 'report-failure', occurredOn: '2018-01-02', description: 'd', evidence: [{ title: 't', reference: 'r' }] }],
          undefined,
          '2018-12-31',
        );
        return decide({ unitId: 'u', unitName: 'u', score: { total: t / 10, items: [] }, vetoes: veto }, scheme.grades).award === null;
      }),
    );
  });
});
