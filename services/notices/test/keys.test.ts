import { describe, expect, it } from 'vitest';
import { countyOf, isListableScope, noticeKeys, publicKeys, rateKeys } from '../src/store/keys.js';

describe('notices key formats', () => {
  it('builds private keys', () => {
    expect(noticeKeys.notice('N1')).toEqual({ pk: 'NOTICE#N1', sk: 'NOTICE' });
    expect(noticeKeys.byRegion('370405103201', 'N1')).toEqual({ gsi1pk: 'NOTICES#370405', gsi1sk: '370405103201#N1' });
    expect(noticeKeys.inScope('370405103000')).toEqual({ partition: { name: 'gsi1pk', value: 'NOTICES#370405' }, sortKeyPrefix: { name: 'gsi1sk', value: '370405103' } });
    expect(noticeKeys.openWindow('2018-10-31T16:00:00.000Z', 'N1')).toEqual({ gsi2pk: 'OPEN_WINDOWS', gsi2sk: '2018-10-31T16:00:00.000Z#N1' });
    expect(noticeKeys.entry('N1', 7)).toEqual({ pk: 'NOTICE#N1', sk: 'ENTRY#00007' });
    expect(noticeKeys.objection('N1', 'O1')).toEqual({ pk: 'NOTICE#N1', sk: 'OBJECTION#O1' });
    expect(noticeKeys.request('identification', 'r-1')).toEqual({ pk: 'REQUEST#identification#r-1', sk: 'REQUEST' });
  });

  it('builds public projection and rate-counter keys', () => {
    expect(publicKeys.notice('N1')).toEqual({ pk: 'PUBLIC#NOTICE#N1', sk: 'NOTICE' });
    expect(publicKeys.byRegion('370405000000', 'N1')).toEqual({ gsi1pk: 'PUBLIC_NOTICES#370405', gsi1sk: '370405000000#N1' });
    expect(publicKeys.entry('N1', 12)).toEqual({ pk: 'PUBLIC#NOTICE#N1', sk: 'ENTRY#00012' });
    expect(publicKeys.nameIndex('370405103201', 'abc', 'N1', 3)).toEqual({ gsi1pk: 'PUBLIC_NAME#370405103201#abc', gsi1sk: 'N1#00003' });
    expect(publicKeys.villageIndex('370405103201', 'N1', 3)).toEqual({ gsi2pk: 'PUBLIC_VILLAGE#370405103201', gsi2sk: 'N1#00003' });
    expect(rateKeys.objectionsByAddress('ff00', '2018-10-26T02')).toEqual({ pk: 'RATE#OBJECTION_ADDRESS#ff00#2018-10-26T02', sk: 'RATE' });
    expect(rateKeys.objectionsByNotice('N1', '2018-10-26T02')).toEqual({ pk: 'RATE#OBJECTION_NOTICE#N1#2018-10-26T02', sk: 'RATE' });
  });

  it('partitions by county and refuses scopes above a county', () => {
    expect(countyOf('370405103201')).toBe('370405');
    expect(isListableScope('370405000000')).toBe(true);
    expect(isListableScope('370400000000')).toBe(false);
  });
});
