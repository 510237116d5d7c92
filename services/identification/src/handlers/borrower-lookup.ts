import { httpHandler, takeRate } from '@jingzhun/platform';
import { DomainError, identificationApi, shanghaiDate } from '@jingzhun/types';
import { findGuards } from '../store/hits.js';
import { loadHousehold, table, unitOfWork } from '../store/households.js';

/** Lookups a bank user may make per hour: a working day's applicants, not a register's worth. */
export const BORROWER_LOOKUPS_PER_HOUR = 60;

/** Statuses whose members a bank may rate (the rating's own eligibility test decides the rest). */
const RATEABLE = new Set(['REGISTERED', 'RE_REGISTERED', 'EXITED_WITH_POLICY', 'MONITORED']);

const notFound = () => new DomainError('BORROWER_NOT_FOUND', '未找到身份证号与姓名都相符的建档立卡户成员，请核对申请人身份证', 404);

const sameName = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * POST /households/borrower-lookup: the household and member of the applicant whose ID card the
 * bank holds. One answer for every miss (unknown number, other name, member gone, household not
 * rateable), so the route tells nothing about a number it is not given with its holder's name.
 */
export const lookupBorrower = httpHandler(identificationApi.lookupBorrower, async ({ body, actor, staff, assertInScope, clock, ids }) => {
  const now = clock.now();
  await takeRate(table(), { pk: `RATE#borrower-lookup#${actor.sub}`, sk: now.toISOString().slice(0, 13) }, BORROWER_LOOKUPS_PER_HOUR, now);
  const guard = (await findGuards([body.idNumber])).get(body.idNumber);
  if (!guard) throw notFound();
  const household = await loadHousehold(guard.householdId).catch(() => undefined);
  const member = household?.members.find((m) => m.memberId === guard.memberId);
  if (!household || !member || member.status !== 'active' || !sameName(member.name, body.name) || !RATEABLE.has(household.status)) throw notFound();
  assertInScope(household.region);
  const uow = unitOfWork(clock, ids, actor);
  uow.audit({
    subject: `HOUSEHOLD#${household.householdId}`,
    action: 'borrower.lookup',
    after: { memberId: member.memberId, bankId: staff().bankId ?? null, on: shanghaiDate(now) },
  });
  await uow.commit();
  return { householdId: household.householdId, memberId: member.memberId, region: household.region };
});
