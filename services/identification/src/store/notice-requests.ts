import { getItem, type UnitOfWork } from '@jingzhun/platform';
import { noticeEvents } from '@jingzhun/types';
import { table } from './households.js';
import { noticeRequestKey } from './keys.js';

/**
 * requestId → the households (or village exit) a notice was requested for, so a window-closed
 * event can be applied. Written in the same transaction as the step that posts the notice.
 */
export interface NoticeRequestItem {
  requestId: string;
  type: string;
  target: 'households' | 'village-exit';
  entryIds: string[];
  context?: Record<string, string>;
  version: number;
}

export function recordNoticeRequest(uow: UnitOfWork, request: noticeEvents.NoticeRequest, target: NoticeRequestItem['target']): void {
  uow.create({
    ...noticeRequestKey(request.requestId),
    entity: 'notice-request',
    requestId: request.requestId,
    type: request.type,
    target,
    entryIds: request.entries.map((e) => e.entryId),
    context: request.context,
  });
  uow.emit(noticeEvents.identificationNoticeRequested, `notice-request/${request.requestId}`, request);
}

export async function loadNoticeRequest(requestId: string): Promise<NoticeRequestItem | undefined> {
  return getItem<NoticeRequestItem>(table(), noticeRequestKey(requestId));
}
