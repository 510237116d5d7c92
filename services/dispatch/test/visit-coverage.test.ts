import { describe, expect, it } from 'vitest';
import { visitCoverage } from '../src/domain/visit-coverage.js';
import { visitFactKeys } from '../src/store/visit-keys.js';

const helper = { name: '张帮扶', unit: '区扶贫办' };
const fact = (visitId: string, householdId: string, village: string, extra: { helper?: typeof helper; risk?: boolean } = {}) => ({
  visitId,
  householdId,
  village,
  date: '2020-05-03',
  risk: extra.risk ?? false,
  ...(extra.helper ? { helper: extra.helper } : {}),
});

describe('visit coverage (000 ID-13 L546–550: one helper per household; 000 EX-16 L3893: regular visits)', () => {
  it('counts visits, different households and risk signals per village and helper; households without helper apart', () => {
    const result = visitCoverage([
      fact('1', 'A', '370405103201', { helper }),
      fact('2', 'A', '370405103201', { helper, risk: true }),
      fact('3', 'B', '370405103201', { helper }),
      fact('4', 'C', '370405103202'),
    ]);
    expect(result.total).toEqual({ visits: 4, householdsVisited: 3, riskSignals: 1 });
    expect(result.villages).toEqual([
      { village: '370405103201', visits: 3, householdsVisited: 2, riskSignals: 1 },
      { village: '370405103202', visits: 1, householdsVisited: 1, riskSignals: 0 },
    ]);
    expect(result.helpers).toEqual([{ village: '370405103201', ...helper, visits: 3, householdsVisited: 2, riskSignals: 1 }]);
    expect(result.withoutHelper).toEqual({ visits: 1, householdsVisited: 1, riskSignals: 0 });
  });
  it('keys: one partition per county and month; a village reads exactly its own code', () => {
    expect(visitFactKeys.item('370405103201', '2020-05', 'v1')).toEqual({ pk: 'VISITS#370405#2020-05', sk: '370405103201#v1' });
    expect(visitFactKeys.ofRegion('370405103200', 'village', '2020-05').sortKeyPrefix.value).toBe('370405103200');
    expect(visitFactKeys.ofRegion('370405103000', 'town', '2020-05').sortKeyPrefix.value).toBe('370405103');
  });
});
