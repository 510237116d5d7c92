import type { Actor, RequestContext } from '@jingzhun/platform';
import { DomainError, type StaffClaims } from '@jingzhun/types';
import type { Ports } from '../app/commands.js';
import { entryOutcome, type Notice, type NoticeEntry } from '../domain/notice.js';
import { mayPublish, ruleOf } from '../domain/notice-types.js';
import { type Objection, objectionDueBy } from '../domain/objections.js';

/** Shapes returned to staff, and the checks every staff route shares. */
export function staffNotice(notice: Notice, droppedFields?: string[]) {
  return { ...notice, typeName: ruleOf(notice.type).nameZh, ...(droppedFields && droppedFields.length > 0 ? { droppedFields } : {}) };
}

export function staffEntry(entry: NoticeEntry) {
  const { noticeId: _n, ...rest } = entry;
  return { ...rest, outcome: entryOutcome(entry) };
}

export function staffObjection(objection: Objection) {
  const { noticeId: _n, ...rest } = objection;
  return { ...rest, dueBy: objectionDueBy(objection.lodgedAt) };
}

export function portsOf(ctx: Pick<RequestContext<unknown, unknown, unknown>, 'clock' | 'ids' | 'actor'>): Ports {
  return { clock: ctx.clock, ids: ctx.ids, actor: ctx.actor as Actor };
}

/** The publisher of a type (or county staff) may change a notice of it. */
export function assertPublisher(claims: StaffClaims, notice: Pick<Notice, 'type'>): void {
  const rule = ruleOf(notice.type);
  if (!mayPublish(rule, claims.role)) throw new DomainError('NOT_PUBLISHER', `${rule.nameZh}由${rule.publisherZh}发布，当前角色无权操作`, 403, { type: notice.type });
}
