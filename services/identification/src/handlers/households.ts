import { httpHandler, queryPage } from '@jingzhun/platform';
import { DomainError, identificationApi, isWithinRegion, maskIdNumber, shanghaiDate } from '@jingzhun/types';
import { PUBLISHED } from '../domain/actions.js';
import { alertOf, viewOf } from '../domain/household.js';
import { auditSnapshotView } from '../domain/read-access.js';
import {
  addMeasure as addMeasureTo,
  addMember as addMemberTo,
  applyChanges,
  changeMemberStatus,
  handOver,
  openHousehold,
  setMinzhengStatus as setMinzhengFlags,
} from '../domain/register.js';
import { openCaseOf } from '../store/casework.js';
import { findGuards } from '../store/hits.js';
import {
  assertVersion,
  createHousehold as createItem,
  type HouseholdItem,
  listHouseholdsIn,
  loadHousehold,
  stripItem,
  table,
  unitOfWork,
  writeHousehold,
} from '../store/households.js';
import { householdKeys, idGuardKey } from '../store/keys.js';
import { loadLineEntries } from '../store/reference.js';
import { distributionsOf } from './benefits.js';
import { assertEvidenceFiles } from './evidence.js';

const duplicateId = (idNumber: string) =>
  new DomainError('DUPLICATE_ID_NUMBER', `身份证号 ${maskIdNumber(idNumber)} 已登记在其他农户，同一人不能在两户中`, 409, { idNumberMasked: maskIdNumber(idNumber) });

/** GET /households?region=…: a page of households in a county, town or village in the caller's scope. */
export const listHouseholds = httpHandler(identificationApi.listHouseholds, async ({ query, assertInScope, clock }) => {
  assertInScope(query.region);
  const page = query.idNumber ? await householdOfMember(query.idNumber, query) : await listHouseholdsIn(query.region, query);
  const today = shanghaiDate(clock.now());
  return {
    items: page.items.map((item) => {
      const alert = alertOf(item.workflow, today);
      return {
        householdId: item.householdId,
        region: item.region,
        group: item.group,
        headName: item.headName,
        status: item.status,
        attribute: item.attribute,
        size: item.size,
        incomePerCapitaFen: item.incomePerCapitaFen,
        version: item.version,
        ...(item.colour ? { colour: item.colour } : {}),
        ...(item.exitedAt ? { exitedAt: item.exitedAt } : {}),
        ...(item.policyUntil ? { policyUntil: item.policyUntil } : {}),
        ...(item.workflow ? { workflowState: `${item.workflow.kind}:${item.workflow.state}` } : {}),
        ...(alert ? { alert } : {}),
      };
    }),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
});

/**
 * The search by a member's full ID number: the one household the ID-number guard names, when it
 * lies in the region asked (already checked to be in scope) and passes the other filters; nothing
 * otherwise, so the answer says no more than the region's list would.
 */
async function householdOfMember(
  idNumber: string,
  query: { region: string; status?: string | undefined; name?: string | undefined },
): Promise<{ items: HouseholdItem[]; nextCursor?: string }> {
  const guard = (await findGuards([idNumber])).get(idNumber);
  if (!guard) return { items: [] };
  const item = await loadHousehold(guard.householdId);
  const matches = isWithinRegion(item.region, query.region) && (!query.status || item.status === query.status) && (!query.name || item.headName.includes(query.name));
  return { items: matches ? [item] : [] };
}

/** POST /households: an entry application (APPLIED) or a monitoring signal (SIGNALLED). Every member's ID number is reserved in the same transaction. */
export const createHousehold = httpHandler(identificationApi.createHousehold, async ({ body, staff, actor, assertInScope, clock, ids }) => {
  assertInScope(body.region);
  const record = openHousehold(body, { householdId: ids.next(), nextId: () => ids.next(), today: shanghaiDate(clock.now()), role: staff().role, lines: await loadLineEntries() });
  const uow = unitOfWork(clock, ids, actor);
  const cityStandard = record.workflow?.cityStandard === true;
  const item = createItem(uow, record, record.workflow?.kind === 'monitoring' ? 'SIGNAL' : 'APPLY', cityStandard ? ['changed'] : []);
  for (const member of record.members) {
    uow.create({ ...idGuardKey(member.idNumber), entity: 'id-guard', householdId: record.householdId, memberId: member.memberId }, duplicateId(member.idNumber));
  }
  await uow.commit();
  return viewOf(item);
});

/** GET /households/{id}: the household and the asset-income distributions it received (newest first). */
export const getHousehold = httpHandler(identificationApi.getHousehold, async ({ params, assertInScope, clock }) => {
  const item = await loadHousehold(params.householdId);
  assertInScope(item.region);
  return { ...viewOf(item, shanghaiDate(clock.now())), distributions: await distributionsOf(item.householdId) };
});

/** PATCH /households/{id}: data changes with evidence and a reason (full history in the audit). */
export const updateHousehold = httpHandler(identificationApi.updateHousehold, async ({ params, body, actor, assertInScope, clock, ids }) => {
  const item = await loadHousehold(params.householdId);
  assertInScope(item.region);
  assertVersion(item, body.version);
  await assertEvidenceFiles(item.householdId, body.evidence, clock.now());
  const { household, changed } = applyChanges(stripItem(item), body.changes, await loadLineEntries());
  const today = shanghaiDate(clock.now());
  household.evidence = [...household.evidence, ...body.evidence.map((e) => ({ ...e, at: today, action: 'UPDATE' }))];
  const uow = unitOfWork(clock, ids, actor);
  const stored = writeHousehold(uow, item, household, { action: 'UPDATE', reason: body.reason }, PUBLISHED(household.status) ? ['changed'] : [], changed);
  await uow.commit();
  return viewOf(stored);
});

/**
 * POST /households/{id}/minzheng-status: 民政 sets 低保/特困 (004 ID-23 L904) with its document as
 * evidence; audited with the reason, and the attribute follows.
 */
export const setMinzhengStatus = httpHandler(identificationApi.setMinzhengStatus, async ({ params, body, actor, assertInScope, clock, ids }) => {
  const item = await loadHousehold(params.householdId);
  assertInScope(item.region);
  assertVersion(item, body.version);
  // Where a 低保/特困 case is open, the flag follows the case (issue 20; handlers/casework.ts), not this route.
  for (const kind of ['dibao', 'tekun'] as const) {
    if (body[kind] !== undefined && (await openCaseOf(item.householdId, kind))) {
      throw new DomainError('MINZHENG_CASE_GOVERNS', `该户有在办的${kind === 'dibao' ? '低保' : '特困'}案件，身份随案件审批、渐退和取消变化，请在案件中办理`, 409);
    }
  }
  const { household, changed } = setMinzhengFlags(stripItem(item), body, await loadLineEntries());
  const today = shanghaiDate(clock.now());
  household.evidence = [...household.evidence, ...body.evidence.map((e) => ({ ...e, at: today, action: 'MINZHENG_STATUS' }))];
  const uow = unitOfWork(clock, ids, actor);
  const stored = writeHousehold(uow, item, household, { action: 'MINZHENG_STATUS', reason: body.reason }, PUBLISHED(household.status) ? ['changed'] : [], changed);
  await uow.commit();
  return viewOf(stored);
});

/** POST /households/{id}/members: birth, marriage, move in; the ID number is reserved across households. */
export const addMember = httpHandler(identificationApi.addMember, async ({ params, body, actor, assertInScope, clock, ids }) => {
  const item = await loadHousehold(params.householdId);
  assertInScope(item.region);
  assertVersion(item, body.version);
  const today = shanghaiDate(clock.now());
  const memberId = ids.next();
  const household = addMemberTo(stripItem(item), body.member, memberId, body.date, today, await loadLineEntries());
  household.evidence = [...household.evidence, ...body.evidence.map((e) => ({ ...e, at: today, action: `MEMBER_ADDED:${body.reason}` }))];
  const uow = unitOfWork(clock, ids, actor);
  const stored = writeHousehold(uow, item, household, { action: `MEMBER_ADDED:${body.reason}` }, PUBLISHED(household.status) ? ['changed'] : [], [
    'members',
    `member-added:${body.reason}`,
  ]);
  uow.create({ ...idGuardKey(body.member.idNumber), entity: 'id-guard', householdId: household.householdId, memberId }, duplicateId(body.member.idNumber));
  await uow.commit();
  return viewOf(stored);
});

/** POST /households/{id}/members/{memberId}/status: death, marriage out, move out. A departed member's ID is released. */
export const changeMember = httpHandler(identificationApi.changeMember, async ({ params, body, actor, assertInScope, clock, ids }) => {
  const item = await loadHousehold(params.householdId);
  assertInScope(item.region);
  assertVersion(item, body.version);
  const today = shanghaiDate(clock.now());
  const { household, member } = changeMemberStatus(stripItem(item), params.memberId, body.status, body.date, today, await loadLineEntries());
  household.evidence = [...household.evidence, ...body.evidence.map((e) => ({ ...e, at: today, action: `MEMBER_${body.status.toUpperCase()}` }))];
  const uow = unitOfWork(clock, ids, actor);
  const stored = writeHousehold(uow, item, household, { action: `MEMBER_${body.status.toUpperCase()}:${body.reason}` }, PUBLISHED(household.status) ? ['changed'] : [], [
    'members',
    `member-${body.status}:${body.reason}`,
  ]);
  // A person who moved out may join another household; a deceased person's number stays reserved.
  if (body.status === 'moved_out') uow.delete(idGuardKey(member.idNumber));
  await uow.commit();
  return viewOf(stored);
});

/** POST /households/{id}/helpers: dated handover of the 帮扶责任人. */
export const handOverHelper = httpHandler(identificationApi.handOverHelper, async ({ params, body, actor, assertInScope, clock, ids }) => {
  const item = await loadHousehold(params.householdId);
  assertInScope(item.region);
  assertVersion(item, body.version);
  const household = handOver(stripItem(item), body.helper);
  const uow = unitOfWork(clock, ids, actor);
  const stored = writeHousehold(uow, item, household, { action: 'HELPER_HANDOVER' }, [], []);
  await uow.commit();
  return viewOf(stored);
});

/** POST /households/{id}/measures */
export const addMeasure = httpHandler(identificationApi.addMeasure, async ({ params, body, actor, assertInScope, clock, ids }) => {
  const item = await loadHousehold(params.householdId);
  assertInScope(item.region);
  assertVersion(item, body.version);
  const household = addMeasureTo(stripItem(item), body.measure, ids.next());
  const uow = unitOfWork(clock, ids, actor);
  const stored = writeHousehold(uow, item, household, { action: 'MEASURE_ADDED' }, PUBLISHED(household.status) ? ['changed'] : [], ['measures']);
  await uow.commit();
  return viewOf(stored);
});

/** GET /households/{id}/history: the audit trail, newest first. */
export const householdHistory = httpHandler(identificationApi.householdHistory, async ({ params, query, assertInScope }) => {
  const item = await loadHousehold(params.householdId);
  assertInScope(item.region);
  const page = await queryPage<{ at: string; action: string; actor: { sub: string; role: string; name?: string }; reason?: string; before?: unknown; after?: unknown }>({
    table: table(),
    partition: householdKeys.auditOf(params.householdId),
    limit: query.limit,
    forward: false,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return {
    items: page.items.map((entry) => ({
      at: entry.at,
      action: entry.action,
      actor: { sub: entry.actor.sub, role: entry.actor.role, ...(entry.actor.name ? { name: entry.actor.name } : {}) },
      ...(entry.reason ? { reason: entry.reason } : {}),
      before: auditSnapshotView(entry.before),
      after: auditSnapshotView(entry.after),
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
});
