import { describe, expect, it } from 'vitest';
import { counterKeys, factKeys, filingKeys, reportKeys, runKeys, targetKeys } from '../src/store/keys.js';

describe('dispatch key formats', () => {
  it('builds counter keys per region and month, indexed under the parent', () => {
    expect(counterKeys.item('370405103201', '2017-03')).toEqual({ pk: 'COUNT#370405103201', sk: '2017-03' });
    expect(counterKeys.childIndex('370405103000', '2017-03', '370405103201')).toEqual({ gsi1pk: 'COUNT_CHILDREN#370405103000#2017-03', gsi1sk: '370405103201' });
    expect(counterKeys.attribute('persons.exited')).toBe('m:persons.exited');
  });
  it('builds fact, target, filing, report and run keys', () => {
    expect(factKeys.item('household', 'H1')).toEqual({ pk: 'FACT#household#H1', sk: 'FACT' });
    expect(factKeys.monitoringIndex('370405000000', '2017-02-01', 'H5')).toEqual({ gsi1pk: 'MONCASE#370405000000', gsi1sk: '2017-02-01#H5' });
    expect(targetKeys.item('370405000000', 'exit.persons.2017')).toEqual({ pk: 'TARGET#370405000000', sk: 'exit.persons.2017' });
    expect(targetKeys.history('370405000000', 'exit.persons.2017', 2)).toEqual({ pk: 'TARGET_HISTORY#370405000000#exit.persons.2017', sk: '000002' });
    expect(filingKeys.item('370405000000', '2017-03', 'monthly#dept:zhujian')).toEqual({ pk: 'FILING#370405000000#2017-03', sk: 'monthly#dept:zhujian' });
    expect(reportKeys.item('370405000000', 'monthly', '2017-03')).toEqual({ pk: 'REPORT#370405000000', sk: 'monthly#2017-03' });
    expect(runKeys.item('monthly-dispatch-build', '2017-03', '370405000000', '2024-01-10T02:00:00.000Z', 'R1')).toEqual({
      pk: 'JOBRUN#monthly-dispatch-build',
      sk: '2017-03#370405000000#2024-01-10T02:00:00.000Z#R1',
    });
    expect(runKeys.recentIndex('2024-01-10T02:00:00.000Z', 'R1')).toEqual({ gsi1pk: 'JOBRUNS', gsi1sk: '2024-01-10T02:00:00.000Z#R1' });
  });
});
