import { describe, expect, it } from 'vitest';
import { bankKeys, householdKeys, loanKeys, paramKeys, yearKeys } from '../src/store/keys.js';

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
  });
});
