import { type BankAccountInput, DomainError, type identificationEvents, maskBankAccount } from '@jingzhun/types';
import type { HouseholdRecord, MemberRecord } from './household.js';

/**
 * The 一卡通 account of members: the payees subsidy pays (ID number and account, sent only in
 * `identification.household.payees`), and what views and the audit keep of an account (bank and
 * last 4 digits).
 */
export function payeesOf(household: Pick<HouseholdRecord, 'members'>): identificationEvents.Payee[] {
  return household.members.map((member) => ({
    memberId: member.memberId,
    name: member.name,
    relation: member.relation,
    status: member.status,
    idNumber: member.idNumber,
    ...(member.account ? { account: member.account } : {}),
  }));
}

/** A member without the full account number: `accountMasked` instead of `account`. */
export function withMaskedAccount<M extends Pick<MemberRecord, 'account'>>(member: M): Omit<M, 'account'> & { accountMasked?: ReturnType<typeof maskBankAccount> } {
  const { account, ...rest } = member;
  return account ? { ...rest, accountMasked: maskBankAccount(account) } : rest;
}

/** Sets (or with null removes) an active member's account. */
export function setAccount(household: HouseholdRecord, memberId: string, account: BankAccountInput | null): HouseholdRecord {
  const member = household.members.find((candidate) => candidate.memberId === memberId);
  if (!member) throw new DomainError('UNKNOWN_MEMBER', '本户没有该成员', 404);
  if (member.status !== 'active') throw new DomainError('MEMBER_NOT_ACTIVE', '该成员已不在户，不能登记账户', 409);
  const members = household.members.map((m) => {
    if (m.memberId !== memberId) return m;
    const { account: _old, ...rest } = m;
    return account ? { ...rest, account } : rest;
  });
  return { ...household, members };
}
