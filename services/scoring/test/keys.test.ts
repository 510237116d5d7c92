import { describe, expect, it } from 'vitest';
import { bankKeys, householdKeys, loanKeys, microcreditKeys, paramKeys, yearKeys } from '../src/store/keys.js';

describe('scoring key formats', () => {
  it('banks, years, submissions, reminders, parameter sets', () => {
    expect(bankKeys.item('370405000000', 'abc')).toEqual({ pk: 'DISTRICT#370405000000', sk: 'BANK#abc' });
    expect(bankKeys.ofDistrict('370405000000')).toEqual({ partition: { name: 'pk', value: 'DISTRICT#370405000000' }, sortKeyPrefix: { name: 'sk', value: 'BANK#' } });
    expect(yearKeys.state('370405000000', 2018)).toEqual({ pk: 'YEAR#370405000000#2018', sk: 'STATE' });
    expect(yearKeys.submission('370405000000', 2018, 'abc', 'pboc')).toEqual({ pk: 'YEAR#370405000000#2018', sk: 'SUB#abc#pboc' });
    expect(yearKeys.reminder('370405000000', 2018, '2019-04-01', 'due-soon')).toEqual({ pk: 'YEAR#370405000000#2018', sk: 'REMINDER#2019-04-01#due-soon' });
    expect(yearKeys.rewardsOpenIndex('2019-04-30', '370405000000', 2018)).toEqual({ gsi1pk: 'REWARDS_OPEN', gsi1sk: '2019-04-30#370405000000#2018' });
    expect(yearKeys.auditSubject('370405000000', 2018)).toBe('SCORING#370405000000#2018');
    expect(yearKeys.auditPartition('370405000000', 2018)).toEqual({ name: 'pk', value: 'AUDIT#SCORING#370405000000#2018' });
    expect(paramKeys.item('tzf-2018-4-v1')).toEqual({ pk: 'PARAMS#tzf-2018-4-v1', sk: 'PARAMS' });
  });
  it('households, ratings, loans', () => {
    expect(householdKeys.projection('h1')).toEqual({ pk: 'HOUSEHOLD#h1', sk: 'PROJECTION' });
    expect(householdKeys.rating('h1', '2019-03-01', 'abc', 'm1')).toEqual({ pk: 'HOUSEHOLD#h1', sk: 'RATING#2019-03-01#abc#m1' });
    expect(householdKeys.exposure('h1')).toEqual({ pk: 'HOUSEHOLD#h1', sk: 'EXPOSURE' });
    expect(loanKeys.item('L1')).toEqual({ pk: 'LOAN#L1', sk: 'LOAN' });
    expect(loanKeys.bankIndex('abc', '2019-03-01', 'L1')).toEqual({ gsi1pk: 'BANK_LOANS#abc', gsi1sk: '2019-03-01#L1' });
    expect(loanKeys.householdIndex('h1', '2019-03-01', 'L1')).toEqual({ gsi2pk: 'HH_LOANS#h1', gsi2sk: '2019-03-01#L1' });
    expect(loanKeys.countyIndex('370405103201', '2019-03-01', 'L1')).toEqual({ gsi3pk: 'COUNTY_LOANS#370405000000', gsi3sk: '2019-03-01#L1' });
    expect(householdKeys.countyIndex('370405103201', 'h1')).toEqual({ gsi3pk: 'COUNTY_HOUSEHOLDS#370405000000', gsi3sk: '370405103201#h1' });
    expect(householdKeys.ratingCountyIndex('370405103201', '2019-03-01', 'h1', 'abc', 'm1')).toEqual({ gsi3pk: 'COUNTY_RATINGS#370405000000', gsi3sk: '2019-03-01#h1#abc#m1' });
  });
  it('micro-credit periods and the risk fund', () => {
    expect(microcreditKeys.nplTarget('370405000000', 'abc', 2019)).toEqual({ pk: 'DISTRICT#370405000000', sk: 'NPLTARGET#abc#2019' });
    expect(microcreditKeys.subsidy('370405000000', '2019-Q2', 'L1')).toEqual({ pk: 'MICROCREDIT#370405000000#2019-Q2', sk: 'SUBSIDY#L1' });
    expect(microcreditKeys.review('370405000000', '2019-Q2')).toEqual({ pk: 'MICROCREDIT#370405000000#2019-Q2', sk: 'REVIEW' });
    expect(microcreditKeys.fund('370405000000')).toEqual({ pk: 'RISKFUND#370405000000', sk: 'FUND' });
    expect(microcreditKeys.deposit('370405000000', '2019-04-01', 'X')).toEqual({ pk: 'RISKFUND#370405000000', sk: 'DEPOSIT#2019-04-01#X' });
    expect(microcreditKeys.draw('370405000000', 'L1')).toEqual({ pk: 'RISKFUND#370405000000', sk: 'DRAW#L1' });
    expect(microcreditKeys.district('370405000000')).toEqual({ pk: 'MICROCREDIT_DISTRICTS', sk: 'DISTRICT#370405000000' });
  });
});
