import { createHash } from 'node:crypto';
import { httpHandler, rawResponse } from '@jingzhun/platform';
import { DomainError, shanghaiDate, visitEvents, visitsApi } from '@jingzhun/types';
import { applyAction } from '../domain/actions.js';
import {
  assertVisitDate,
  currentHelper,
  daysLeft,
  type MonitoringDecision,
  monitoringFor,
  sameSubmission,
  startedMessage,
  VISIT_INTERVAL_DAYS,
  visitDue,
} from '../domain/visits.js';
import { type HouseholdItem, listHouseholdsIn, loadHousehold, stripItem, unitOfWork, writeHousehold } from '../store/households.js';
import { householdKeys } from '../store/keys.js';
import { createPhoto, createVisit, lastVisitOn, loadPhoto, loadVisit, visitsOfHousehold, visitsOfVisitor, visitView } from '../store/visits.js';
import { actionContext } from './context.js';

const idTaken = () => new DomainError('VISIT_ID_TAKEN', '该走访编号已登记了另一条走访记录，请重新填写后提交', 409);
const photoIdTaken = () => new DomainError('PHOTO_ID_TAKEN', '该照片编号已用于另一张照片，请重新选择照片', 409);

/**
 * PUT /visits/{visitId}: records a visit made on the spot. The id is the phone's, so the same visit
 * sent again (a lost connection, the offline queue) returns the first record; the same id with
 * other content is refused. A risk signal starts 返贫 monitoring where the rules allow it, in the same
 * transaction as the visit, its audit entry and its event.
 */
export const recordVisit = httpHandler(visitsApi.recordVisit, async ({ params, body, staff, actor, assertInScope, clock, ids }) => {
  const me = staff();
  const existing = await loadVisit(params.visitId);
  if (existing) {
    assertInScope(existing.region);
    if (sameSubmission(existing, body, me.sub)) return visitView(existing);
    throw idTaken();
  }
  const today = shanghaiDate(clock.now());
  assertVisitDate(body.date, today);
  const item = await loadHousehold(body.householdId);
  assertInScope(item.region);
  await assertPhotosOf(body.photoIds, item.householdId);

  const uow = unitOfWork(clock, ids, actor);
  const decision = monitoringFor(item, body.risk, params.visitId);
  const monitoring = decision ? await signal(uow, item, decision, body.photoIds, me.role, clock) : undefined;
  const helper = currentHelper(item.helpers);
  const visit: visitsApi.Visit = {
    visitId: params.visitId,
    householdId: item.householdId,
    headName: item.headName,
    region: item.region,
    date: body.date,
    found: body.found,
    done: body.done,
    photoIds: body.photoIds,
    ...(body.location ? { location: body.location } : {}),
    ...(body.risk ? { risk: body.risk } : {}),
    ...(monitoring ? { monitoring } : {}),
    visitor: { sub: me.sub, name: me.name, role: me.role },
    ...(helper ? { helper: { name: helper.name, unit: helper.unit } } : {}),
    recordedAt: uow.timestamp,
  };
  createVisit(uow, visit, idTaken());
  uow.audit({
    subject: householdKeys.auditSubject(item.householdId),
    action: 'VISIT',
    after: { visitId: visit.visitId, date: visit.date, risk: Boolean(body.risk), photos: body.photoIds.length },
  });
  uow.emit(visitEvents.visitRecorded, `household/${item.householdId}`, {
    visitId: visit.visitId,
    householdId: visit.householdId,
    region: visit.region,
    date: visit.date,
    visitor: { sub: me.sub, name: me.name },
    ...(visit.helper ? { helper: visit.helper } : {}),
    risk: Boolean(body.risk),
  });
  try {
    await uow.commit();
  } catch (error) {
    // Two sends of the same visit at once: the second meets the first's record.
    if (error instanceof DomainError && error.code === 'VISIT_ID_TAKEN') {
      const winner = await loadVisit(params.visitId);
      if (winner && sameSubmission(winner, body, me.sub)) return visitView(winner);
    }
    throw error;
  }
  return visit;
});

/** Every photo named must have been uploaded for this household. */
async function assertPhotosOf(photoIds: readonly string[], householdId: string): Promise<void> {
  const photos = await Promise.all(photoIds.map((id) => loadPhoto(id)));
  const missing = photoIds.filter((_, index) => photos[index]?.householdId !== householdId);
  if (missing.length) throw new DomainError('PHOTO_MISSING', `有 ${missing.length} 张照片尚未上传成功，请重新上传后再提交`, 400, { photoIds: missing });
}

/**
 * The monitoring part of a visit: SIGNAL (workflows.md §1.4 D0) with the visit as the hardship
 * report and its photos as evidence, written with the visit; otherwise why the signal stays on the visit.
 */
async function signal(
  uow: ReturnType<typeof unitOfWork>,
  item: HouseholdItem,
  decision: MonitoringDecision,
  photoIds: readonly string[],
  role: Parameters<typeof actionContext>[2],
  clock: Parameters<typeof actionContext>[3],
): Promise<visitsApi.Visit['monitoring']> {
  if (decision.outcome !== 'start') return { outcome: decision.outcome, message: decision.message };
  const ctx = await actionContext(item.householdId, item.region, role, clock);
  let result: ReturnType<typeof applyAction>;
  try {
    result = applyAction(stripItem(item), decision.command, ctx);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { outcome: 'not-eligible', message: `未能发起监测：${error.messageZh}；风险情况已记入走访记录` };
  }
  const household = result.household;
  const evidence = [...decision.command.evidence, ...photoIds.map((id) => ({ kind: 'photos' as const, ref: `visit-photo:${id}` }))];
  household.evidence = [...household.evidence, ...evidence.map((e) => ({ ...e, at: ctx.today, action: 'SIGNAL' }))];
  writeHousehold(uow, item, household, { action: 'SIGNAL', reason: decision.command.reason }, result.events, result.changes);
  return startedMessage(ctx.today);
}

/** GET /households/{id}/visits */
export const listHouseholdVisits = httpHandler(visitsApi.listHouseholdVisits, async ({ params, query, assertInScope }) => {
  const item = await loadHousehold(params.householdId);
  assertInScope(item.region);
  const page = await visitsOfHousehold(item.householdId, query);
  return { items: page.items.map(visitView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
});

/** GET /visits/mine: the visits the signed-in account recorded (each still in its scope). */
export const listMyVisits = httpHandler(visitsApi.listMyVisits, async ({ query, staff, assertInScope }) => {
  const page = await visitsOfVisitor(staff().sub, query);
  for (const visit of page.items) assertInScope(visit.region);
  return { items: page.items.map(visitView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
});

/**
 * GET /visits/tasks?region=…: the households of a village (or town) with the day their next visit
 * is due, their workflow step with the 15-day monitoring limit (workflows.md §1.4) and whether a
 * notice is open. `mine=true` keeps the households whose current 帮扶责任人 bears the account's name.
 */
export const listVisitTasks = httpHandler(visitsApi.listVisitTasks, async ({ query, staff, assertInScope, clock }) => {
  assertInScope(query.region);
  const today = shanghaiDate(clock.now());
  const page = await listHouseholdsIn(query.region, { limit: query.limit, cursor: query.cursor });
  const me = staff();
  const items = page.items.filter((item) => query.mine !== 'true' || currentHelper(item.helpers)?.name === me.name);
  const lasts = await Promise.all(items.map((item) => lastVisitOn(item.householdId)));
  return {
    intervalDays: VISIT_INTERVAL_DAYS,
    items: items.map((item, index) => {
      const last = lasts[index];
      const helper = currentHelper(item.helpers);
      const workflow = item.workflow;
      return {
        householdId: item.householdId,
        headName: item.headName,
        region: item.region,
        ...(item.group ? { group: item.group } : {}),
        status: item.status,
        size: item.size,
        ...(helper ? { helper: { name: helper.name, unit: helper.unit, ...(helper.phone ? { phone: helper.phone } : {}) } } : {}),
        ...(last ? { lastVisitOn: last } : {}),
        ...visitDue(last, today),
        ...(workflow
          ? {
              workflow: {
                kind: workflow.kind,
                state: workflow.state,
                ...(workflow.dueDate ? { dueDate: workflow.dueDate, daysLeft: daysLeft(workflow.dueDate, today) } : {}),
                noticeOpen: Boolean(workflow.notice),
              },
            }
          : {}),
        version: item.version,
      };
    }),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
});

/**
 * PUT /households/{id}/visit-photos/{photoId}: one photo of a visit, kept as evidence. The phone
 * compresses it first; over the limit it is refused with the limit named (413). The same photo sent
 * again is the same photo.
 */
export const uploadVisitPhoto = httpHandler(visitsApi.uploadVisitPhoto, async ({ params, body, staff, actor, assertInScope, clock, ids }) => {
  const item = await loadHousehold(params.householdId);
  assertInScope(item.region);
  const content = Buffer.from(body.contentBase64, 'base64');
  if (content.length > visitsApi.MAX_PHOTO_BYTES) {
    throw new DomainError('PHOTO_TOO_LARGE', `照片 ${Math.ceil(content.length / 1024)} KB，超过 ${visitsApi.MAX_PHOTO_BYTES / 1024} KB，请压缩后再传`, 413, {
      bytes: content.length,
      limit: visitsApi.MAX_PHOTO_BYTES,
    });
  }
  if (!looksLike(body.contentType, content)) throw new DomainError('PHOTO_UNREADABLE', '文件不是 JPEG 或 PNG 照片', 400);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const view = { photoId: params.photoId, householdId: item.householdId, bytes: content.length, contentType: body.contentType };
  const existing = await loadPhoto(params.photoId);
  if (existing) {
    if (existing.sha256 === sha256 && existing.householdId === item.householdId && existing.uploadedBy === staff().sub) return view;
    throw photoIdTaken();
  }
  const uow = unitOfWork(clock, ids, actor);
  createPhoto(uow, { ...view, region: item.region, sha256, content, uploadedBy: staff().sub }, photoIdTaken());
  await uow.commit();
  return view;
});

/** JPEG starts FF D8 FF; PNG with its 8-byte signature. */
function looksLike(type: string, content: Buffer): boolean {
  if (type === 'image/jpeg') return content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff;
  return content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}

/** GET /households/{id}/visit-photos/{photoId}: the photo, in the household's scope. */
export const getVisitPhoto = httpHandler(visitsApi.getVisitPhoto, async ({ params, assertInScope }) => {
  const photo = await loadPhoto(params.photoId);
  if (!photo || photo.householdId !== params.householdId) throw new DomainError('NOT_FOUND', '照片不存在', 404);
  assertInScope(photo.region);
  return rawResponse(200, Buffer.from(photo.content), photo.contentType, { 'cache-control': 'private, max-age=86400' });
});
