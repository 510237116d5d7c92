import { describe, expect, it } from 'vitest';
import { diffKeys, householdKeys, lineKeys, parameterKeys, payeeKeys, paymentKeys, reissueKeys, runKeys, standardKeys } from '../src/store/keys.js';

describe('subsidy key formats', () => {
  it('households: current, county index, revisions', () => {
    expect(householdKeys.current('H1')).toEqual({ pk: 'HH#H1', sk: 'CURRENT' });
    expect(householdKeys.countyIndex('370405103201', 'H1')).toEqual({
      gsi1pk: 'HH_COUNTY#370405',
      gsi1sk: '370405103201#H1',
    });
    expect(householdKeys.inRegion('370405103')).toEqual({
      partition: { name: 'gsi1pk', value: 'HH_COUNTY#370405' },
      sortKeyPrefix: { name: 'gsi1sk', value: '370405103' },
    });
    expect(householdKeys.inRegion('370405').sortKeyPrefix.value).toBe('');
    expect(householdKeys.revision('H1', '2019-01-01T00:00:00.000Z', 'E1')).toEqual({ pk: 'HH#H1', sk: 'REV#2019-01-01T00:00:00.000Z#E1' });
    expect(householdKeys.revisionsUpTo('H1', '2019-01-01T00:00:00.000Z').skTo > 'REV#2019-01-01T00:00:00.000Z#ZZZ').toBe(true);
  });
  it('parameters, runs, lines, diffs', () => {
    expect(parameterKeys.current('taierzhuang')).toEqual({
      pk: 'PARAMS#taierzhuang',
      sk: 'CURRENT',
    });
    expect(parameterKeys.version('taierzhuang', 12)).toEqual({
      pk: 'PARAMS#taierzhuang',
      sk: 'V#000012',
    });
    expect(runKeys.run('2017-06', '370405000000')).toEqual({
      pk: 'RUN#2017-06',
      sk: '370405000000',
    });
    expect(standardKeys.version('taierzhuang', 'tez-basic-pension', 2)).toEqual({ pk: 'STD#taierzhuang', sk: 'tez-basic-pension#V#000002' });
    expect(standardKeys.ofJurisdiction('taierzhuang')).toEqual({ name: 'pk', value: 'STD#taierzhuang' });
    expect(runKeys.claim('2017-06', 'taierzhuang')).toEqual({ pk: 'RUNCLAIM#2017-06', sk: 'taierzhuang' });
    expect(runKeys.runId('2017-06', '370405000000', 2)).toBe('2017-06:370405000000:2');
    expect(lineKeys.line('2017-06', '370405103201', 'H1', 'tez-basic-pension')).toEqual({ pk: 'LINE#2017-06#370405103201', sk: 'H1#tez-basic-pension' });
    expect(lineKeys.householdRange('H1')).toEqual({ from: 'H1#', to: 'H1#~' });
    expect(diffKeys.diff('2017-06', '370405000000', 2, 'H1', 'x')).toEqual({
      pk: 'DIFF#2017-06#370405000000#2',
      sk: 'H1#x',
    });
  });

  it('payees, payment results, imports, re-issue rosters and their lines', () => {
    expect(payeeKeys.household('H1')).toEqual({ pk: 'PAYEE#H1', sk: 'CURRENT' });
    expect(paymentKeys.result('2017-06:370405000000', '2017-06/370405103201/H1/x/M1')).toEqual({ pk: 'PAY#2017-06:370405000000', sk: '2017-06/370405103201/H1/x/M1' });
    expect(paymentKeys.import('2017-06:370405000000:R1', 'abc')).toEqual({ pk: 'PAYIMPORT#2017-06:370405000000:R1', sk: 'abc' });
    expect(reissueKeys.roster('2017-06', '370405000000', 2)).toEqual({ pk: 'REISSUE#2017-06#370405000000', sk: 'R002' });
    expect(reissueKeys.rosterId('2017-06', '370405000000', 2)).toBe('2017-06:370405000000:R2');
    expect(reissueKeys.line('2017-06', '370405000000', 2, 'ref')).toEqual({ pk: 'RLINE#2017-06#370405000000#2', sk: 'ref' });
  });
});
