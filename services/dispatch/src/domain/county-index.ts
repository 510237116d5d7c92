import { DomainError } from '@jingzhun/types';

/**
 * The county poverty-alleviation index 脱贫攻坚总指数 (seed 004 L885: "立足建档立卡贫困户抽样调查,以调查
 * 数据为基础,从减贫计划完成率、脱贫精准度、帮扶精准度和群众满意度四方面 11 项指标,加强监测评价,采用综合
 * 加权指数法,测算生成…总指数…各县市区精准脱贫攻坚监测评价"), with the satisfaction survey of seed 000
 * L3856 ("开展群众扶贫满意度调查"). The seed names the four dimensions, the count of 11 indicators and the
 * weighted-index method; which 11 indicators and their weights it leaves to the statistics office: the
 * list and the weights below are [PROP] (docs/decisions.md, Dispatch).
 */

export const DIMENSIONS = [
  { id: 'plan', nameZh: '减贫计划完成率', weight: 30 },
  { id: 'exitAccuracy', nameZh: '脱贫精准度', weight: 25 },
  { id: 'helpAccuracy', nameZh: '帮扶精准度', weight: 25 },
  { id: 'satisfaction', nameZh: '群众满意度', weight: 20 },
] as const;
export type DimensionId = (typeof DIMENSIONS)[number]['id'];

/** Where an indicator's figure comes from: the register (dispatch's projection of it), the year's runs and targets, or the survey. */
export type IndicatorSource = 'register' | 'runs' | 'survey';

export interface IndicatorDef {
  id: string;
  dimension: DimensionId;
  nameZh: string;
  /** Weight inside its dimension (the dimension's weights sum to 100). */
  weight: number;
  source: IndicatorSource;
}

export const INDICATORS: readonly IndicatorDef[] = [
  { id: 'plan.persons', dimension: 'plan', nameZh: '脱贫人口计划完成率', weight: 60, source: 'runs' },
  { id: 'plan.incidence', dimension: 'plan', nameZh: '贫困发生率达标程度', weight: 40, source: 'register' },
  { id: 'exit.identification', dimension: 'exitAccuracy', nameZh: '识别准确率（抽样）', weight: 35, source: 'survey' },
  { id: 'exit.exit', dimension: 'exitAccuracy', nameZh: '退出准确率（抽样）', weight: 35, source: 'survey' },
  { id: 'exit.noReturn', dimension: 'exitAccuracy', nameZh: '脱贫人口不返贫率', weight: 30, source: 'register' },
  { id: 'help.helper', dimension: 'helpAccuracy', nameZh: '帮扶责任人落实率', weight: 35, source: 'register' },
  { id: 'help.measures', dimension: 'helpAccuracy', nameZh: '帮扶措施到户率', weight: 35, source: 'register' },
  { id: 'help.known', dimension: 'helpAccuracy', nameZh: '帮扶责任人知晓率（抽样）', weight: 30, source: 'survey' },
  { id: 'satisfaction.help', dimension: 'satisfaction', nameZh: '帮扶工作满意度（调查）', weight: 35, source: 'survey' },
  { id: 'satisfaction.policy', dimension: 'satisfaction', nameZh: '扶贫政策满意度（调查）', weight: 35, source: 'survey' },
  { id: 'satisfaction.recognition', dimension: 'satisfaction', nameZh: '脱贫结果认可度（调查）', weight: 30, source: 'survey' },
];

/**
 * A survey result entered by the statistics office for a county and year: the county's rural
 * population of the year (the base of the incidence), the sample, the sampled households found
 * correctly identified, correctly exited and knowing their 帮扶责任人, and the mean scores on a 1–5
 * scale (5 = 非常满意 / 非常认可) for help, policy and the exit result.
 */
export interface SurveyResult {
  ruralPopulation: number;
  sampleHouseholds: number;
  identifiedCorrectly: number;
  exitedSampled: number;
  exitedCorrectly: number;
  knowHelper: number;
  satisfactionHelp: number;
  satisfactionPolicy: number;
  recognition: number;
}

export const SATISFACTION_SCALE = { min: 1, max: 5 } as const;

/** A result outside its scale is refused (issue 20 "a survey result outside its scale"): 400 SURVEY_OUT_OF_SCALE naming the field. */
export function validateSurvey(survey: SurveyResult): void {
  const refuse = (field: keyof SurveyResult, message: string) => {
    throw new DomainError('SURVEY_OUT_OF_SCALE', message, 400, { field, value: survey[field] });
  };
  for (const field of ['ruralPopulation', 'sampleHouseholds', 'identifiedCorrectly', 'exitedSampled', 'exitedCorrectly', 'knowHelper'] as const) {
    if (!Number.isInteger(survey[field]) || survey[field] < 0) refuse(field, '人数、户数须为不小于0的整数');
  }
  if (survey.ruralPopulation < 1) refuse('ruralPopulation', '农村人口须大于0');
  if (survey.sampleHouseholds < 1) refuse('sampleHouseholds', '抽样户数须至少为1户');
  if (survey.identifiedCorrectly > survey.sampleHouseholds) refuse('identifiedCorrectly', '识别准确的户数不能多于抽样户数');
  if (survey.knowHelper > survey.sampleHouseholds) refuse('knowHelper', '知晓帮扶责任人的户数不能多于抽样户数');
  if (survey.exitedSampled > survey.sampleHouseholds) refuse('exitedSampled', '抽样中的脱贫户数不能多于抽样户数');
  if (survey.exitedCorrectly > survey.exitedSampled) refuse('exitedCorrectly', '退出准确的户数不能多于抽样中的脱贫户数');
  for (const field of ['satisfactionHelp', 'satisfactionPolicy', 'recognition'] as const) {
    const value = survey[field];
    if (!Number.isFinite(value) || value < SATISFACTION_SCALE.min || value > SATISFACTION_SCALE.max)
      refuse(field, `评分须在 ${SATISFACTION_SCALE.min} 到 ${SATISFACTION_SCALE.max} 分之间`);
  }
}

/** What the register and the year's runs give for a county and year (counts, never people). */
export interface RegisterFigures {
  /** The year's target of persons to exit (dispatch's targets, exit.persons.<year>). */
  plannedExitPersons?: number;
  exitedPersons: number;
  poorPersons: number;
  exitedPersonsStock: number;
  returnedPersons: number;
  registeredHouseholds: number;
  householdsWithHelper: number;
  householdsWithMeasures: number;
}

/** The incidence standard of 000 EX-7 L1072–1077 (≤ 2%): full marks within it, proportionally less above. */
export const INCIDENCE_MAX = 0.02;

const ratio = (part: number, whole: number | undefined): number | undefined => (whole === undefined || whole <= 0 ? undefined : Math.min(1, Math.max(0, part / whole)));

/** Each indicator's value as a share 0–1 (undefined: no figure yet, e.g. no survey or no plan for the year). */
export function indicatorValues(figures: RegisterFigures, survey: SurveyResult | undefined): Record<string, number | undefined> {
  const incidence = survey ? figures.poorPersons / survey.ruralPopulation : undefined;
  const score = (value: number) => (value - SATISFACTION_SCALE.min) / (SATISFACTION_SCALE.max - SATISFACTION_SCALE.min);
  return {
    'plan.persons': ratio(figures.exitedPersons, figures.plannedExitPersons),
    'plan.incidence': incidence === undefined ? undefined : incidence <= INCIDENCE_MAX ? 1 : INCIDENCE_MAX / incidence,
    'exit.identification': survey ? ratio(survey.identifiedCorrectly, survey.sampleHouseholds) : undefined,
    'exit.exit': survey ? (survey.exitedSampled === 0 ? 1 : ratio(survey.exitedCorrectly, survey.exitedSampled)) : undefined,
    'exit.noReturn': figures.exitedPersonsStock > 0 ? 1 - (ratio(figures.returnedPersons, figures.exitedPersonsStock) ?? 0) : undefined,
    'help.helper': ratio(figures.householdsWithHelper, figures.registeredHouseholds),
    'help.measures': ratio(figures.householdsWithMeasures, figures.registeredHouseholds),
    'help.known': survey ? ratio(survey.knowHelper, survey.sampleHouseholds) : undefined,
    'satisfaction.help': survey ? score(survey.satisfactionHelp) : undefined,
    'satisfaction.policy': survey ? score(survey.satisfactionPolicy) : undefined,
    'satisfaction.recognition': survey ? score(survey.recognition) : undefined,
  };
}

export interface IndexLine {
  id: string;
  nameZh: string;
  dimension: DimensionId;
  source: IndicatorSource;
  weight: number;
  /** Score 0–100 to one decimal, or null when the figure is missing. */
  score: number | null;
}

export interface CountyIndex {
  indicators: IndexLine[];
  dimensions: { id: DimensionId; nameZh: string; weight: number; score: number | null }[];
  /** The weighted index 0–100 to one decimal; null while any indicator lacks its figure (never an index of a part). */
  index: number | null;
  missing: string[];
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** 综合加权指数法 (004 L885): indicator scores weighted inside their dimension, dimensions weighted into the index. */
export function countyIndex(figures: RegisterFigures, survey: SurveyResult | undefined): CountyIndex {
  const values = indicatorValues(figures, survey);
  const indicators: IndexLine[] = INDICATORS.map((def) => {
    const value = values[def.id];
    return { id: def.id, nameZh: def.nameZh, dimension: def.dimension, source: def.source, weight: def.weight, score: value === undefined ? null : oneDecimal(value * 100) };
  });
  const dimensions = DIMENSIONS.map((dim) => {
    const lines = INDICATORS.filter((def) => def.dimension === dim.id);
    const complete = lines.every((def) => values[def.id] !== undefined);
    const score = complete ? lines.reduce((sum, def) => sum + (values[def.id] as number) * def.weight, 0) / 100 : undefined;
    return { id: dim.id, nameZh: dim.nameZh, weight: dim.weight, score: score === undefined ? null : oneDecimal(score * 100), raw: score };
  });
  const missing = indicators.filter((line) => line.score === null).map((line) => line.nameZh);
  const index = dimensions.every((d) => d.raw !== undefined) ? oneDecimal(dimensions.reduce((sum, d) => sum + (d.raw as number) * d.weight, 0)) : null;
  return { indicators, dimensions: dimensions.map(({ raw: _raw, ...d }) => d), index, missing };
}
