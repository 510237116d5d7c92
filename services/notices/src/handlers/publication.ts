import { httpHandler, respond } from '@jingzhun/platform';
import { noticesApi } from '@jingzhun/types';
import { createNotice as create, publishNotice as publish, requireNotice } from '../app/commands.js';
import { primeNameKey } from '../config.js';
import { droppedFields } from '../domain/projection.js';
import { withObjectionCounts } from '../store/notices.js';
import { assertPublisher, portsOf, staffNotice } from './views.js';

/** These functions write the public copy, whose name index is keyed with the name key: read at cold start (config.ts). */
primeNameKey();

/** POST /notices: a notice typed in by staff (or pasted from a list); a draft unless `publish`. */
export const createNotice = httpHandler(noticesApi.createNotice, async (ctx) => {
  const { body, staff, assertInScope } = ctx;
  assertInScope(body.region);
  assertPublisher(staff(), body);
  const notice = await create(portsOf(ctx), { type: body.type, region: body.region, title: body.title, entries: body.entries, publish: body.publish });
  const dropped = [...new Set(body.entries.flatMap((entry) => droppedFields(body.type, entry.fields)))];
  return respond(201, staffNotice(notice, dropped));
});

export const publishNotice = httpHandler(noticesApi.publishNotice, async (ctx) => {
  const { notice } = await requireNotice(ctx.params.noticeId);
  ctx.assertInScope(notice.region);
  assertPublisher(ctx.staff(), notice);
  return staffNotice(await withObjectionCounts(await publish(portsOf(ctx), notice.noticeId)));
});
