import { httpHandler } from '@jingzhun/platform';
import { CommonErrors, DomainError, isWithinRegion, regionLevel, shanghaiDate, supervisionApi } from '@jingzhun/types';
import { districtCoverage } from '../app/coverage.js';
import { checkPairing } from '../domain/pairings.js';
import { checkAssignable, checkEnding } from '../domain/teams.js';
import { assignmentKeys, auditSubjects, checkKeys, districtKeys, helperKeys, pairingKeys, villageKeys } from '../store/keys.js';
import {
  type AssignmentItem,
  getAssignment,
  getHousehold,
  getPairing,
  getPerson,
  getVillage,
  listAssignmentItems,
  listCheckItems,
  listPairingItems,
  listVillageItems,
  type PairingItem,
  save,
  type VillageItem,
} from '../store/repo.js';
import { assertDistrict, audited, unitOfWork } from './context.js';

/** Drops the storage attributes (typed as the item: the response schema strips nothing it needs). */
const strip = <T extends Record<string, unknown>>(item: T): T => {
  const { pk: _p, sk: _s, entity: _e, district: _d, createdAt: _c, updatedAt: _u, ...rest } = item;
  return rest as T;
};

/** GET …/villages: key villages with their teams; a town or village sees its own. */
export const listVillages = httpHandler(supervisionApi.listVillages, async ({ params, staff, assertInScope }) => {
  const claims = staff();
  assertDistrict(params.district, assertInScope, claims);
  const [villages, assignments, checks, pairings] = await Promise.all([
    listVillageItems(params.district),
    listAssignmentItems(params.district),
    listCheckItems(params.district),
    listPairingItems(params.district),
  ]);
  return {
    items: villages
      .filter((v) => isWithinRegion(v.village, claims.region))
      .map((v) => ({
        ...strip(v),
        team: assignments.filter((a) => a.village === v.village).map(strip),
        checks: checks.filter((c) => c.village === v.village).map(strip),
        pairings: pairings.filter((p) => p.village === v.village).map(strip),
      })),
  };
});

/** PUT …/villages/{village}: registers a key village, or records that its poverty task is done. */
export const putVillage = httpHandler(supervisionApi.putVillage, async (ctx) => {
  const { params, body } = ctx;
  assertDistrict(params.district, ctx.assertInScope, ctx.claims);
  return audited(ctx, auditSubjects.teams(params.district), 'village.put', async () => {
    if (regionLevel(params.village) !== 'village' || !isWithinRegion(params.village, params.district)) throw new DomainError('NOT_A_VILLAGE', '请使用本区的村级区划代码', 400);
    const existing = await getVillage(params.district, params.village);
    if (existing && body.expectedVersion !== existing.version) throw CommonErrors.versionConflict();
    const { expectedVersion: _v, ...fields } = body;
    const uow = unitOfWork(ctx);
    const town = `${params.village.slice(0, 9)}000`;
    const saved = save(uow, {
      ...(existing ?? { ...villageKeys.item(params.district, params.village), entity: 'key-village', version: 0 }),
      ...fields,
      village: params.village,
      town,
      district: params.district,
    } as VillageItem);
    uow.put({ ...districtKeys.item(params.district), entity: 'district', district: params.district });
    uow.audit({
      subject: auditSubjects.teams(params.district),
      action: existing ? 'village.changed' : 'village.registered',
      before: existing ? strip(existing) : undefined,
      after: { village: params.village, ...fields },
    });
    await uow.commit();
    return { ...strip(saved), team: [], checks: [], pairings: [] };
  });
});

/**
 * POST …/assignments: one person serves one village at a time. The person item (version-checked)
 * makes two concurrent assignments of the same person fail, not both succeed.
 */
export const assignMember = httpHandler(supervisionApi.assignMember, async (ctx) => {
  const { params, body } = ctx;
  assertDistrict(params.district, ctx.assertInScope, ctx.claims);
  return audited(ctx, auditSubjects.teams(params.district), 'assignment.create', async () => {
    if (!isWithinRegion(body.village, params.district) || regionLevel(body.village) !== 'village') throw new DomainError('NOT_A_VILLAGE', '请使用本区的村级区划代码', 400);
    ctx.assertInScope(body.village);
    const village = await getVillage(params.district, body.village);
    if (!village) throw new DomainError('NOT_A_KEY_VILLAGE', '该村未登记为扶贫工作重点村', 404);
    const [existing, person] = await Promise.all([listAssignmentItems(params.district), getPerson(params.district, body.personId)]);
    checkAssignable(existing, body);
    const uow = unitOfWork(ctx);
    const assignmentId = ctx.ids.next();
    const item = uow.create({ ...assignmentKeys.item(params.district, assignmentId), entity: 'assignment', district: params.district, assignmentId, ...body }) as AssignmentItem;
    save(uow, {
      ...(person ?? { ...assignmentKeys.person(params.district, body.personId), entity: 'person', version: 0 }),
      personId: body.personId,
      name: body.personName,
      current: assignmentId,
    });
    // A new first secretary bumps the village (conditional on its version) so two concurrent
    // appointments cannot both sit; a member only checks it is unchanged.
    if (body.role === 'first-secretary') save(uow, { ...village, firstSecretary: assignmentId });
    else uow.check(villageKeys.item(params.district, body.village), { version: village.version });
    uow.audit({ subject: auditSubjects.teams(params.district), action: 'assignment.created', after: { assignmentId, villageName: village.name, ...body } });
    await uow.commit();
    return strip(item);
  });
});

/** POST …/assignments/{id}/end: a handover; a key village's team is not withdrawn (不撤回). */
export const endAssignment = httpHandler(supervisionApi.endAssignment, async (ctx) => {
  const { params, body } = ctx;
  assertDistrict(params.district, ctx.assertInScope, ctx.claims);
  return audited(ctx, auditSubjects.teams(params.district), 'assignment.end', async () => {
    const item = await getAssignment(params.district, params.assignmentId);
    if (!item) throw CommonErrors.notFound('驻村任职');
    ctx.assertInScope(item.village);
    if (item.version !== body.expectedVersion) throw CommonErrors.versionConflict();
    const village = await getVillage(params.district, item.village);
    checkEnding(item, body, { key: Boolean(village), taskDone: village?.taskDone ?? true });
    const uow = unitOfWork(ctx);
    const saved = save(uow, { ...item, endedOn: body.on, endReason: body.reason });
    uow.audit({
      subject: auditSubjects.teams(params.district),
      action: 'assignment.ended',
      before: { assignmentId: item.assignmentId },
      after: { assignmentId: item.assignmentId, personName: item.personName, village: item.village, ...body },
    });
    await uow.commit();
    return strip(saved);
  });
});

/** POST …/villages/{village}/checks: quarterly inspection, attendance, visits, yearly report (000 L3126–3130). */
export const recordTeamCheck = httpHandler(supervisionApi.recordTeamCheck, async (ctx) => {
  const { params, body } = ctx;
  assertDistrict(params.district, ctx.assertInScope, ctx.claims);
  ctx.assertInScope(params.village);
  return audited(ctx, auditSubjects.teams(params.district), 'team-check.record', async () => {
    const village = await getVillage(params.district, params.village);
    if (!village) throw new DomainError('NOT_A_KEY_VILLAGE', '该村未登记为扶贫工作重点村', 404);
    if (body.on > shanghaiDate(ctx.clock.now())) throw new DomainError('DATE_IN_FUTURE', '日期不能晚于今天', 400);
    const uow = unitOfWork(ctx);
    const checkId = ctx.ids.next();
    const item = uow.create({
      ...checkKeys.item(params.district, params.village, body.on, checkId),
      entity: 'team-check',
      district: params.district,
      checkId,
      village: params.village,
      ...body,
      by: ctx.actor.name ?? ctx.actor.sub,
    });
    uow.audit({ subject: auditSubjects.teams(params.district), action: 'team-check.recorded', after: { checkId, villageName: village.name, ...body } });
    await uow.commit();
    return strip(item);
  });
});

export const addPairing = httpHandler(supervisionApi.addPairing, async (ctx) => {
  const { params, body } = ctx;
  assertDistrict(params.district, ctx.assertInScope, ctx.claims);
  return audited(ctx, auditSubjects.teams(params.district), 'pairing.add', async () => {
    const village = await getVillage(params.district, params.village);
    if (!village) throw new DomainError('NOT_A_KEY_VILLAGE', '该村未登记为扶贫工作重点村', 404);
    checkPairing(await listPairingItems(params.district), { ...body, village: params.village });
    const uow = unitOfWork(ctx);
    const pairingId = ctx.ids.next();
    const item = uow.create({
      ...pairingKeys.item(params.district, pairingId),
      entity: 'pairing',
      district: params.district,
      pairingId,
      village: params.village,
      ...body,
      actions: [],
    }) as PairingItem;
    uow.audit({ subject: auditSubjects.teams(params.district), action: 'pairing.added', after: { pairingId, villageName: village.name, ...body } });
    await uow.commit();
    return strip(item);
  });
});

export const recordPairingAction = httpHandler(supervisionApi.recordPairingAction, async (ctx) => {
  const { params, body } = ctx;
  assertDistrict(params.district, ctx.assertInScope, ctx.claims);
  ctx.assertInScope(params.village);
  return audited(ctx, auditSubjects.teams(params.district), 'pairing.action', async () => {
    const item = await getPairing(params.district, params.pairingId);
    if (!item || item.village !== params.village) throw CommonErrors.notFound('结对帮扶');
    if (item.version !== body.expectedVersion) throw CommonErrors.versionConflict();
    const { expectedVersion: _v, ...action } = body;
    const uow = unitOfWork(ctx);
    const saved = save(uow, { ...item, actions: [...item.actions, action] });
    uow.audit({ subject: auditSubjects.teams(params.district), action: 'pairing.action-recorded', after: { pairingId: item.pairingId, partnerName: item.partnerName, ...action } });
    await uow.commit();
    return strip(saved);
  });
});

/** PUT …/households/{id}/helper: the household's 帮扶责任人 (000 L3082 "每个贫困户都有帮扶责任人"). */
export const setHelper = httpHandler(supervisionApi.setHelper, async (ctx) => {
  const { params, body } = ctx;
  assertDistrict(params.district, ctx.assertInScope, ctx.claims);
  const household = await getHousehold(params.district, params.householdId);
  if (!household) throw CommonErrors.notFound('贫困户');
  ctx.assertInScope(household.village);
  const uow = unitOfWork(ctx);
  const record = { householdId: household.householdId, village: household.village, ...body };
  uow.put({ ...helperKeys.item(params.district, household.householdId), entity: 'helper', version: 1, ...record });
  uow.audit({ subject: auditSubjects.teams(params.district), action: 'helper.set', after: record });
  await uow.commit();
  return record;
});

/** GET …/coverage: computed now (the daily job stores and reports the same figures). A town sees its own villages. */
export const getCoverage = httpHandler(supervisionApi.getCoverage, async ({ params, staff, assertInScope, clock }) => {
  const claims = staff();
  assertDistrict(params.district, assertInScope, claims);
  const { keyVillageCodes: _k, poorHouseholdVillages: _p, ...report } = await districtCoverage(params.district, shanghaiDate(clock.now()));
  const mine = (code: string) => isWithinRegion(code, claims.region);
  return {
    ...report,
    gaps: report.gaps.filter((g) => mine(g.village)),
    withoutHelper: report.withoutHelper.filter((h) => mine(h.village)),
    overdue: report.overdue.filter((o) => mine(o.region)),
  };
});
