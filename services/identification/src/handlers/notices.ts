import { eventHandler } from '@jingzhun/platform';
import { noticeEvents, shanghaiDate } from '@jingzhun/types';
import { applyNoticeOutcome } from '../domain/actions.js';
import { decisionOutcome } from '../domain/notices.js';
import { loadHousehold, stripItem, unitOfWork, writeHousehold } from '../store/households.js';
import { loadNoticeRequest } from '../store/notice-requests.js';
import { loadLineEntries } from '../store/reference.js';
import { applyVillageExitOutcome } from './village-exit.js';

const SYSTEM = { sub: 'system:notices', role: 'system', name: '公示结果' };
const REQUESTER = 'identification';

/**
 * notices.window.closed: each of our entries proceeds (`clear`), waits (`held`) or falls back
 * (`upheld`), workflows.md §4.1. Only requests this service made are applied (the stored request
 * mapping is the proof); the event is marked consumed in the same transaction.
 */
export const onWindowClosed = eventHandler('identification-window-closed', async (envelope, ctx) => {
  const data = noticeEvents.noticeWindowClosed.data.parse(envelope.data);
  if (data.requester && data.requester !== REQUESTER) return;
  const requestId = data.requestId ?? data.context.requestId;
  if (!requestId) return;
  const request = await loadNoticeRequest(requestId);
  if (!request) return;
  const today = shanghaiDate(ctx.clock.now());
  const uow = unitOfWork(ctx.clock, ctx.ids, SYSTEM);
  if (request.target === 'village-exit') {
    const entry = data.entries[0];
    if (entry) await applyVillageExitOutcome(uow, request, entry.outcome, 'window-closed', today);
  } else {
    const lines = await loadLineEntries();
    for (const entry of data.entries) {
      if (!request.entryIds.includes(entry.entryId)) continue;
      const item = await loadHousehold(entry.entryId);
      const result = applyNoticeOutcome(stripItem(item), requestId, entry.outcome, { lines, today });
      if (!result) continue;
      writeHousehold(uow, item, result.household, { action: `NOTICE_${entry.outcome.toUpperCase()}`, reason: `${data.type} ${data.noticeId}` }, result.events, result.changes);
    }
  }
  uow.markConsumed(ctx.consumer, envelope.id);
  await uow.commit();
});

/** notices.objection.decided: a held entry proceeds (objection rejected) or falls back (upheld). */
export const onObjectionDecided = eventHandler('identification-objection-decided', async (envelope, ctx) => {
  const data = noticeEvents.objectionDecided.data.parse(envelope.data);
  if (data.requester && data.requester !== REQUESTER) return;
  const requestId = data.requestId ?? data.context.requestId;
  if (!requestId) return;
  const request = await loadNoticeRequest(requestId);
  if (!request?.entryIds.includes(data.entryId)) return;
  const today = shanghaiDate(ctx.clock.now());
  const uow = unitOfWork(ctx.clock, ctx.ids, SYSTEM);
  const outcome = decisionOutcome(data.outcome);
  if (request.target === 'village-exit') {
    await applyVillageExitOutcome(uow, request, outcome, 'objection-decided', today);
  } else {
    const item = await loadHousehold(data.entryId);
    const result = applyNoticeOutcome(stripItem(item), requestId, outcome, { lines: await loadLineEntries(), today }, 'objection-decided');
    if (result)
      writeHousehold(uow, item, result.household, { action: `OBJECTION_${data.outcome.toUpperCase()}`, reason: `${data.type} ${data.noticeId}` }, result.events, result.changes);
  }
  uow.markConsumed(ctx.consumer, envelope.id);
  await uow.commit();
});
