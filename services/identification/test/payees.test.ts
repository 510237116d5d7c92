import { identificationApi } from '@jingzhun/types';
import { describe, expect, it } from 'vitest';
import { demoHouseholds } from '../src/demo/households.js';
import { snapshotOf, viewOf } from '../src/domain/household.js';
import { payeesOf, setAccount } from '../src/domain/payees.js';

const record = demoHouseholds('370405103201', 1, 0)[0] as NonNullable<ReturnType<typeof demoHouseholds>[number]>;
const stored = { ...record, version: 1, createdAt: '2018-03-01T00:00:00Z', updatedAt: '2018-03-01T00:00:00Z' };
const account = record.members[0]?.account as NonNullable<(typeof record.members)[number]['account']>;

describe('一卡通 accounts of members: full number to subsidy only, masked in every view', () => {
  it('the demo head holds an account', () => {
    expect(account.number).toMatch(/^\d{19}$/);
  });

  it('the staff view shows the bank and last 4 digits, never the number', () => {
    const view = viewOf(stored);
    const text = JSON.stringify(view);
    expect(text).not.toContain(account.number);
    expect(view.members[0]?.accountMasked).toEqual({ bank: account.bank, kind: account.kind, numberMasked: `${'*'.repeat(15)}${account.number.slice(-4)}` });
    expect(identificationApi.Household.parse(view).members[0]).not.toHaveProperty('account');
  });

  it('the snapshot other services consume carries neither ID numbers nor accounts; the payees event does', () => {
    const snapshot = JSON.stringify(snapshotOf(record));
    expect(snapshot).not.toContain(account.number);
    expect(snapshot).not.toContain(record.members[0]?.idNumber);
    const payees = payeesOf(record);
    expect(payees[0]).toMatchObject({ memberId: record.members[0]?.memberId, idNumber: record.members[0]?.idNumber, account });
  });

  it('an account is set, corrected and removed on an active member only', () => {
    const memberId = record.members[0]?.memberId as string;
    const next = setAccount(record, memberId, { bank: '中国邮政储蓄银行', kind: 'passbook', number: '603000123456789' });
    expect(next.members[0]?.account?.bank).toBe('中国邮政储蓄银行');
    expect(setAccount(next, memberId, null).members[0]).not.toHaveProperty('account');
    expect(() => setAccount(record, 'nobody', null)).toThrow(/UNKNOWN_MEMBER/);
  });
});
