import { getItem, httpHandler, tableName, UnitOfWork } from '@jingzhun/platform';
import { countyIndexApi, DomainError } from '@jingzhun/types';
import { countyIndex, type RegisterFigures, type SurveyResult, validateSurvey } from '../domain/county-index.js';
import { CounterView } from '../domain/report.js';
import { countersOf } from '../store/counters.js';
import { surveyKeys } from '../store/keys.js';
import { dispatchTable } from '../store/table.js';
import { targetOf } from '../store/targets.js';

/**
 * The county index 脱贫攻坚总指数 (issue 20; seed 004 L885): the register's counts and the year's exit
 * target from this service's read model, the survey result the statistics office entered, weighted
 * into the index by domain/county-index.ts. A survey outside its scale is refused (400
 * SURVEY_OUT_OF_SCALE), audited, and nothing else is written.
 */

const table = () => tableName(dispatchTable);
type SurveyItem = SurveyResult & { pk: string; sk: string; entity: string; version: number; enteredBy: string; enteredAt: string };

/** The county's counts of the year from the read model's counters. */
export async function figuresOf(county: string, year: number): Promise<RegisterFigures> {
  const view = new CounterView(await countersOf(county));
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  // Flows summed over the year's months; stocks as the running total at December (domain/report.ts).
  const flow = (metric: string) => view.flow(metric, months);
  const stock = (metric: string) => view.stock(metric, `${year}-12`);
  const target = await targetOf(county, `exit.persons.${year}`);
  return {
    ...(target ? { plannedExitPersons: target.target.target } : {}),
    exitedPersons: flow('persons.exited'),
    returnedPersons: flow('persons.returned'),
    poorPersons: stock('stock.persons.poor'),
    exitedPersonsStock: stock('stock.persons.exited'),
    registeredHouseholds: stock('stock.hh.poor'),
    householdsWithHelper: stock('stock.hh.poor.withHelper'),
    householdsWithMeasures: stock('stock.hh.poor.withMeasures'),
  };
}

async function view(county: string, year: number): Promise<countyIndexApi.CountyIndex> {
  const [figures, item] = await Promise.all([figuresOf(county, year), getItem<SurveyItem>(table(), surveyKeys.item(county, year))]);
  const survey = item ? surveyOf(item) : undefined;
  const result = countyIndex(figures, survey);
  return {
    county,
    year,
    ...result,
    ...(item && survey ? { survey: { ...survey, enteredBy: item.enteredBy, enteredAt: item.enteredAt } } : {}),
    version: item?.version ?? 0,
  };
}

function surveyOf(item: SurveyResult): SurveyResult {
  const { ruralPopulation, sampleHouseholds, identifiedCorrectly, exitedSampled, exitedCorrectly, knowHelper, satisfactionHelp, satisfactionPolicy, recognition } = item;
  return { ruralPopulation, sampleHouseholds, identifiedCorrectly, exitedSampled, exitedCorrectly, knowHelper, satisfactionHelp, satisfactionPolicy, recognition };
}

export const getCountyIndex = httpHandler(countyIndexApi.getCountyIndex, async ({ params, assertInScope }) => {
  assertInScope(params.county);
  return view(params.county, params.year);
});

export const putSurvey = httpHandler(countyIndexApi.putSurvey, async ({ params, body, staff, actor, assertInScope, clock, ids }) => {
  assertInScope(params.county);
  const { version, ...input } = body;
  const survey = surveyOf(input);
  const subject = surveyKeys.subject(params.county, params.year);
  try {
    validateSurvey(survey);
  } catch (error) {
    if (error instanceof DomainError) {
      const refusal = new UnitOfWork({ table: table(), service: 'dispatch', clock, ids, actor });
      refusal.audit({ subject, action: 'REFUSED:survey.entered', after: { code: error.code, message: error.message, ...survey }, reason: error.message });
      await refusal.commit();
    }
    throw error;
  }
  const before = await getItem<SurveyItem>(table(), surveyKeys.item(params.county, params.year));
  if ((before?.version ?? 0) !== version) throw new DomainError('VERSION_CONFLICT', '调查结果已被他人修改，请刷新后重试', 409, { current: before?.version ?? 0 });
  const uow = new UnitOfWork({ table: table(), service: 'dispatch', clock, ids, actor });
  const item = { ...surveyKeys.item(params.county, params.year), entity: 'survey', ...survey, enteredBy: staff().name, enteredAt: uow.timestamp };
  if (before) uow.replace({ ...item, version: before.version });
  else uow.create(item);
  uow.audit({ subject, action: before ? 'survey.updated' : 'survey.entered', ...(before ? { before: surveyOf(before) } : {}), after: survey });
  await uow.commit();
  return view(params.county, params.year);
});
