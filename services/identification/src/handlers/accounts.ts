import { httpHandler } from '@jingzhun/platform';
import { identificationApi, maskBankAccount } from '@jingzhun/types';
import { PUBLISHED } from '../domain/actions.js';
import { viewOf } from '../domain/household.js';
import { setAccount } from '../domain/payees.js';
import { assertVersion, loadHousehold, stripItem, unitOfWork, writeHousehold } from '../store/households.js';

/**
 * PUT /households/{id}/members/{memberId}/account: records or corrects a member's 一卡通 account
 * (null removes it). The audit keeps the bank and the last 4 digits; subsidy receives the account
 * in the payees event to pay from the next export on.
 */
export const setMemberAccount = httpHandler(identificationApi.setMemberAccount, async ({ params, body, actor, assertInScope, clock, ids }) => {
  const item = await loadHousehold(params.householdId);
  assertInScope(item.region);
  assertVersion(item, body.version);
  const household = setAccount(stripItem(item), params.memberId, body.account);
  const uow = unitOfWork(clock, ids, actor);
  const masked = body.account ? `${body.account.bank} ${maskBankAccount(body.account).numberMasked}` : '注销';
  const stored = writeHousehold(uow, item, household, { action: 'MEMBER_ACCOUNT', reason: `${body.reason}（${masked}）` }, PUBLISHED(household.status) ? ['changed'] : [], [
    'members',
    'member-account',
  ]);
  await uow.commit();
  return viewOf(stored);
});
