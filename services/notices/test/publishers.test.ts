import { noticesApi } from '@jingzhun/types';
import { describe, expect, it } from 'vitest';
import { NOTICE_TYPE_RULES } from '../src/domain/notice-types.js';

describe('who may write notices', () => {
  it('names on the write contracts exactly the roles that publish some type (and the county, every type)', () => {
    const publishers = new Set<string>(['county', ...Object.values(NOTICE_TYPE_RULES).flatMap((rule) => rule.publisherRoles)]);
    expect([...noticesApi.NOTICE_PUBLISHERS].sort()).toEqual([...publishers].sort());
    for (const contract of [noticesApi.createNotice, noticesApi.publishNotice, noticesApi.withdrawNotice, noticesApi.decideObjection]) {
      expect(contract.roles).toEqual(noticesApi.NOTICE_PUBLISHERS);
    }
    // A bank or the PBoC publishes nothing: refused before any handler runs.
    expect(noticesApi.createNotice.roles).not.toContain('bank');
    expect(noticesApi.createNotice.roles).not.toContain('pboc');
  });
});
