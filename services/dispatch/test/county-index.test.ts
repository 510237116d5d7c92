import { describe, expect, it } from 'vitest';
import { countyIndex, DIMENSIONS, INDICATORS, indicatorValues, type RegisterFigures, type SurveyResult, validateSurvey } from '../src/domain/county-index.js';

const figures: RegisterFigures = {
  plannedExitPersons: 1000,
  exitedPersons: 900,
  poorPersons: 1_500,
  exitedPersonsStock: 5_000,
  returnedPersons: 50,
  registeredHouseholds: 2_000,
  householdsWithHelper: 2_000,
  householdsWithMeasures: 1_800,
};
const survey: SurveyResult = {
  ruralPopulation: 100_000,
  sampleHouseholds: 200,
  identifiedCorrectly: 196,
  exitedSampled: 100,
  exitedCorrectly: 98,
  knowHelper: 190,
  satisfactionHelp: 4.6,
  satisfactionPolicy: 4.2,
  recognition: 4.4,
};

describe('county index: four dimensions, 11 indicators, a weighted index (seed 004 L885; survey 000 L3856)', () => {
  it('has 11 indicators in the four dimensions of the seed, weights summing to 100 in each', () => {
    expect(INDICATORS).toHaveLength(11);
    expect(DIMENSIONS.map((d) => d.nameZh)).toEqual(['减贫计划完成率', '脱贫精准度', '帮扶精准度', '群众满意度']);
    expect(DIMENSIONS.reduce((s, d) => s + d.weight, 0)).toBe(100);
    for (const dim of DIMENSIONS)
      expect(
        INDICATORS.filter((i) => i.dimension === dim.id).reduce((s, i) => s + i.weight, 0),
        dim.id,
      ).toBe(100);
  });

  it('computes each indicator from the register, the runs and the survey', () => {
    const v = indicatorValues(figures, survey);
    expect(v['plan.persons']).toBeCloseTo(0.9);
    expect(v['plan.incidence']).toBe(1); // 1.5% ≤ 2% (000 EX-7)
    expect(v['exit.identification']).toBeCloseTo(0.98);
    expect(v['exit.noReturn']).toBeCloseTo(0.99);
    expect(v['help.measures']).toBeCloseTo(0.9);
    expect(v['help.known']).toBeCloseTo(0.95);
    expect(v['satisfaction.help']).toBeCloseTo(0.9); // (4.6 − 1) / 4
    expect(indicatorValues({ ...figures, poorPersons: 4_000 }, survey)['plan.incidence']).toBeCloseTo(0.5); // 4% → 2/4
    // Overshooting a plan counts as complete, never above 100.
    expect(indicatorValues({ ...figures, exitedPersons: 1_200 }, survey)['plan.persons']).toBe(1);
  });

  it('weights indicators into dimensions and dimensions into the index', () => {
    const result = countyIndex(figures, survey);
    const plan = 0.6 * 0.9 + 0.4 * 1;
    const exit = 0.35 * 0.98 + 0.35 * 0.98 + 0.3 * 0.99;
    const help = 0.35 * 1 + 0.35 * 0.9 + 0.3 * 0.95;
    const sat = 0.35 * 0.9 + 0.35 * 0.8 + 0.3 * 0.85;
    expect(result.dimensions.map((d) => d.score)).toEqual([plan, exit, help, sat].map((x) => Math.round(x * 1000) / 10));
    expect(result.index).toBe(Math.round((plan * 30 + exit * 25 + help * 25 + sat * 20) * 10) / 10);
    expect(result.missing).toEqual([]);
  });

  it('gives no index while a figure is missing (no survey yet), and names what is missing', () => {
    const result = countyIndex(figures, undefined);
    expect(result.index).toBeNull();
    expect(result.missing).toEqual([
      '贫困发生率达标程度',
      '识别准确率（抽样）',
      '退出准确率（抽样）',
      '帮扶责任人知晓率（抽样）',
      '帮扶工作满意度（调查）',
      '扶贫政策满意度（调查）',
      '脱贫结果认可度（调查）',
    ]);
    expect(result.dimensions.find((d) => d.id === 'satisfaction')?.score).toBeNull();
    expect(countyIndex({ ...figures, plannedExitPersons: undefined } as RegisterFigures, survey).missing).toEqual(['脱贫人口计划完成率']);
  });

  it('refuses a survey result outside its scale, naming the field (issue 20)', () => {
    const bad: [Partial<SurveyResult>, string][] = [
      [{ satisfactionHelp: 5.1 }, 'satisfactionHelp'],
      [{ satisfactionPolicy: 0 }, 'satisfactionPolicy'],
      [{ recognition: Number.NaN }, 'recognition'],
      [{ identifiedCorrectly: 201 }, 'identifiedCorrectly'],
      [{ knowHelper: 201 }, 'knowHelper'],
      [{ exitedCorrectly: 101 }, 'exitedCorrectly'],
      [{ exitedSampled: 201, exitedCorrectly: 0 }, 'exitedSampled'],
      [{ sampleHouseholds: 0, identifiedCorrectly: 0, exitedSampled: 0, exitedCorrectly: 0, knowHelper: 0 }, 'sampleHouseholds'],
      [{ ruralPopulation: 0 }, 'ruralPopulation'],
      [{ identifiedCorrectly: 1.5 }, 'identifiedCorrectly'],
    ];
    for (const [change, field] of bad) {
      expect(() => validateSurvey({ ...survey, ...change }), field).toThrow(
        expect.objectContaining({ code: 'SURVEY_OUT_OF_SCALE', status: 400, details: expect.objectContaining({ field }) }),
      );
    }
    expect(() => validateSurvey({ ...survey, satisfactionHelp: 1, satisfactionPolicy: 5 })).not.toThrow();
  });
});
