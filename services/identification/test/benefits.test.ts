import { identificationApi } from '@jingzhun/types';
import { describe, expect, it } from 'vitest';
import { addToIncome, countLine, type DistributionLine, linkNameOf, notCountedZh, refusalOf } from '../src/domain/benefits.js';
import { type HouseholdRecord, refresh } from '../src/domain/household.js';
import { openHousehold } from '../src/domain/register.js';
import { householdKeys } from '../src/store/keys.js';
import { applicationBody } from './support.js';

/**
 * Asset income of funds distributions in the household's income (issue 16; decision Identification
 * 42): wage links add to 工资性收入, the others to 财产性收入 (seed 000 L1431, L1458; seed 002 S-14
 * L109), in the distribution's year, never while a workflow runs.
 */

/** A registered household (no workflow running), 3 members, 6000 元 wage income in 2017: 2000 元 a head. */
function registered(overrides: Partial<HouseholdRecord> = {}): HouseholdRecord {
  const body = identificationApi.CreateHouseholdBody.parse(applicationBody({ incomeYuan: 6000 }));
  let n = 0;
  const opened = openHousehold(body, { householdId: 'H1', nextId: () => `M${++n}`, today: '2018-03-01', role: 'village', lines: [] });
  const { workflow: _running, ...rest } = opened;
  return refresh({ ...rest, status: 'REGISTERED', registeredAt: '2018-04-01', ...overrides }, []);
}

const line = (overrides: Partial<DistributionLine> = {}): DistributionLine => ({
  distributionId: 'D1',
  assetId: 'A1',
  assetName: '丰庄村光伏电站',
  region: '370405103201',
  period: '2017-06',
  distributedOn: '2017-07-02',
  householdId: 'H1',
  amountFen: 600_000,
  link: 'dividend',
  incomeKind: 'property',
  ...overrides,
});

describe('asset income in the household income', () => {
  it('adds wage lines to 工资性收入 and property lines to 财产性收入, nothing else', () => {
    const income = registered().income;
    expect(addToIncome(income, 'wage', 12_345)).toEqual({ ...income, wageFen: income.wageFen + 12_345 });
    expect(addToIncome(income, 'property', 500)).toEqual({ ...income, propertyFen: income.propertyFen + 500 });
  });

  it('counts a line of the income year on a household with no workflow running; the colour follows', () => {
    const household = registered();
    expect(household.colour).toBe('RED');
    const { fact, income } = countLine(household, line(), 2017);
    expect(fact.income).toEqual({ counted: true, year: 2017, category: 'property' });
    expect(notCountedZh(fact)).toBeUndefined();
    expect(fact).toMatchObject({ distributionId: 'D1', householdId: 'H1', assetRegion: '370405103201', amountFen: 600_000, year: 2017 });
    expect(income?.propertyFen).toBe(600_000);
    expect(income?.wageFen).toBe(household.income.wageFen);
    // (6000 + 6000) 元 / 3 = 4000 元 a head, above the 2017 provincial line of 3509 元: RED → ORANGE.
    const after = refresh({ ...household, income: income as HouseholdRecord['income'] }, []);
    expect(after.incomePerCapitaFen).toBe(400_000);
    expect(after.colour).toBe('ORANGE');
    const wage = countLine(household, line({ incomeKind: 'wage', link: 'employment', amountFen: 30_000 }), 2017);
    expect(wage.fact.income).toEqual({ counted: true, year: 2017, category: 'wage' });
    expect(wage.income?.wageFen).toBe(household.income.wageFen + 30_000);
    expect(wage.income?.propertyFen).toBe(0);
  });

  it('keeps the fact without touching the income while a workflow runs, for another year, when implausible or zero', () => {
    const running = registered({ workflow: { kind: 'exit', state: 'PRE_EXIT', startedAt: '2017-10-01', stepAt: '2017-10-01' } });
    const held = countLine(running, line(), 2017);
    expect(held).toEqual({ fact: expect.objectContaining({ income: { counted: false, reason: 'workflow-running', workflowKind: 'exit' } }) });
    expect(notCountedZh(held.fact)).toContain('正在办理退出流程');
    const otherYear = countLine(registered(), line({ period: '2018-06' }), 2018);
    expect(otherYear).toEqual({ fact: expect.objectContaining({ income: { counted: false, reason: 'other-year', incomeYear: 2017 } }) });
    expect(notCountedZh(otherYear.fact)).toBe('该户登记的是2017年收入，本次分配属2018年，未自动计入；请在2018年收入调查时计入');
    // Over 50万元 a head once added: not believable, not counted.
    expect(countLine(registered(), line({ amountFen: 200_000_000 }), 2017).fact.income).toEqual({ counted: false, reason: 'implausible' });
    expect(countLine(registered(), line({ amountFen: 0 }), 2017).fact.income).toEqual({ counted: false, reason: 'zero-amount' });
  });

  it('refuses a household not in the register or outside the asset’s village or town', () => {
    expect(refusalOf(undefined, line())).toBe('HOUSEHOLD_UNKNOWN');
    expect(refusalOf({ region: '370405101201' }, line())).toBe('HOUSEHOLD_OUT_OF_REGION');
    expect(refusalOf({ region: '370405103201' }, line())).toBeUndefined();
    // An asset held by the town: its villages' households share.
    expect(refusalOf({ region: '370405103201' }, line({ region: '370405103000' }))).toBeUndefined();
    expect(refusalOf({ region: '370405101201' }, line({ region: '370405103000' }))).toBe('HOUSEHOLD_OUT_OF_REGION');
  });

  it('keys one fact per household and distribution beside the household', () => {
    expect(householdKeys.benefit('H1', 'D1')).toEqual({ pk: 'HH#H1', sk: 'BENEFIT#D1' });
    expect(householdKeys.benefitsOf('H1')).toEqual({ partition: { name: 'pk', value: 'HH#H1' }, sortKeyPrefix: { name: 'sk', value: 'BENEFIT#' } });
    expect(householdKeys.distributionAuditSubject('D1')).toBe('FUNDS_DISTRIBUTION#D1');
  });

  it('names the link in Chinese', () => {
    expect(linkNameOf('dividend')).toBe('分红');
    expect(linkNameOf('employment')).toBe('务工就业');
    expect(linkNameOf('unheard-of')).toBe('其他');
  });
});
