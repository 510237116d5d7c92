import { httpHandler, respond } from '@jingzhun/platform';
import { CommonErrors, DomainError, noticesApi } from '@jingzhun/types';
import {
  addEntries as addEntriesToDraft,
  archiveNotice as archive,
  closeExpiredWindows,
  decide,
  recordInvestigation as investigate,
  lodgeObjection,
  requireNotice,
  withdrawNotice as withdraw,
} from '../app/commands.js';
import { droppedFields, toPublicEntry, toPublicNotice, withPhase } from '../domain/projection.js';
import { isListableScope } from '../store/keys.js';
import { loadObjections, pageEntries, pageNoticesInScope, withObjectionCounts } from '../store/notices.js';
import { entryFor, objectionFor } from './read-views.js';
import { assertPublisher, portsOf, staffNotice, staffObjection } from './views.js';

/** GET /notices?region=: notices in the caller's scope, newest region order. */
export const listNotices = httpHandler(noticesApi.listNotices, async ({ query, assertInScope }) => {
  assertInScope(query.region);
  if (!isListableScope(query.region)) throw new DomainError('REGION_TOO_BROAD', '请选择区县或以下区划', 400);
  const page = await pageNoticesInScope(query.region, query.limit, query.cursor);
  const items = query.status ? page.items.filter((notice) => notice.status === query.status) : page.items;
  return { items: items.map((notice) => staffNotice(notice)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
});

export const getNotice = httpHandler(noticesApi.getNotice, async ({ params, assertInScope }) => {
  const { notice } = await requireNotice(params.noticeId);
  assertInScope(notice.region);
  return staffNotice(await withObjectionCounts(notice));
});

export const listEntries = httpHandler(noticesApi.listEntries, async ({ params, query, staff, assertInScope }) => {
  const { notice } = await requireNotice(params.noticeId);
  assertInScope(notice.region);
  const page = await pageEntries(notice.noticeId, query.limit, query.cursor);
  return { items: page.items.map(entryFor(staff(), notice)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
});

/** GET /notices/{id}/preview: the public copy a publication writes (or wrote), from the same projection, for any status. */
export const previewNotice = httpHandler(noticesApi.previewNotice, async ({ params, query, assertInScope, clock }) => {
  const { notice } = await requireNotice(params.noticeId);
  assertInScope(notice.region);
  const page = await pageEntries(notice.noticeId, query.limit, query.cursor);
  // A line withdrawn by an upheld objection left the public copy (decisions: Notices 8).
  const items = page.items
    .filter((entry) => !entry.withdrawn)
    .map((entry) => {
      const { noticeId: _noticeId, ...line } = toPublicEntry(notice.type, entry);
      return line;
    });
  // With the phase the board derives from the dates (待公示 / 公示中 / 已结束), as the board will show it.
  return { notice: withPhase(toPublicNotice(notice), clock.now()), items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
});

export const addEntries = httpHandler(noticesApi.addEntries, async (ctx) => {
  const { notice } = await requireNotice(ctx.params.noticeId);
  ctx.assertInScope(notice.region);
  assertPublisher(ctx.staff(), notice);
  const updated = await addEntriesToDraft(portsOf(ctx), notice.noticeId, ctx.body.entries);
  const dropped = [...new Set(ctx.body.entries.flatMap((entry) => droppedFields(notice.type, entry.fields)))];
  return staffNotice(updated, dropped);
});

export const withdrawNotice = httpHandler(noticesApi.withdrawNotice, async (ctx) => {
  const { notice } = await requireNotice(ctx.params.noticeId);
  ctx.assertInScope(notice.region);
  assertPublisher(ctx.staff(), notice);
  return staffNotice(await withObjectionCounts(await withdraw(portsOf(ctx), notice.noticeId, ctx.body.reason)));
});

export const archiveNotice = httpHandler(noticesApi.archiveNotice, async (ctx) => {
  const { notice } = await requireNotice(ctx.params.noticeId);
  ctx.assertInScope(notice.region);
  assertPublisher(ctx.staff(), notice);
  return staffNotice(await withObjectionCounts(await archive(portsOf(ctx), notice.noticeId)));
});

export const listObjections = httpHandler(noticesApi.listObjections, async ({ params, staff, assertInScope }) => {
  const { notice } = await requireNotice(params.noticeId);
  assertInScope(notice.region);
  return { items: (await loadObjections(notice.noticeId)).map(objectionFor(staff(), notice)) };
});

/** An oral or written objection recorded by the publisher (workflows.md §4.1 rule 1). */
export const recordObjection = httpHandler(noticesApi.recordObjection, async (ctx) => {
  const { notice } = await requireNotice(ctx.params.noticeId);
  ctx.assertInScope(notice.region);
  assertPublisher(ctx.staff(), notice);
  const { entryNo, ...input } = ctx.body;
  const objection = await lodgeObjection(portsOf(ctx), notice.noticeId, entryNo, input, { channel: 'staff', address: ctx.sourceIp });
  return respond(201, staffObjection(objection));
});

export const recordInvestigation = httpHandler(noticesApi.recordInvestigation, async (ctx) => {
  const { notice } = await requireNotice(ctx.params.noticeId);
  ctx.assertInScope(notice.region);
  assertPublisher(ctx.staff(), notice);
  return staffObjection(await investigate(portsOf(ctx), notice.noticeId, ctx.params.objectionId, ctx.body.note));
});

export const decideObjection = httpHandler(noticesApi.decideObjection, async (ctx) => {
  const { notice } = await requireNotice(ctx.params.noticeId);
  ctx.assertInScope(notice.region);
  assertPublisher(ctx.staff(), notice);
  return staffObjection(await decide(portsOf(ctx), notice.noticeId, ctx.params.objectionId, ctx.body.outcome, ctx.body.reason));
});

/** POST /notices/close-expired: the daily close, on demand, for one region. Repeated runs change nothing. */
export const closeExpired = httpHandler(noticesApi.closeExpired, async (ctx) => {
  ctx.assertInScope(ctx.body.region);
  if (!ctx.claims) throw CommonErrors.unauthenticated();
  return closeExpiredWindows(portsOf(ctx), ctx.body.region);
});
