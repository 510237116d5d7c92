import { addressKey, hourBucket, httpHandler, respond } from '@jingzhun/platform';
import { DomainError, noticesApi } from '@jingzhun/types';
import { objectionByNumber, takeRate } from '../app/commands.js';
import { ruleOf } from '../domain/notice-types.js';
import { publicObjectionStatus } from '../domain/objection-number.js';
import { LOOKUP_LIMITS } from '../domain/objections.js';
import { rateKeys } from '../store/keys.js';
import { loadNotice } from '../store/notices.js';

/**
 * GET /public/objections/{number}: where an objection stands, for whoever holds its number
 * (decisions Notices 24). It answers the notice, the line number, dates, the status and fixed words
 * for the outcome: never the reason, the objector, the contact or the staff's notes. Counted per
 * caller address (LOOKUP_LIMITS); an unknown number and a malformed one cost the same.
 */
export const objectionStatus = httpHandler(noticesApi.publicObjectionStatus, async ({ params, sourceIp, clock }) => {
  const now = clock.now();
  await takeRate(rateKeys.lookupsByAddress(addressKey(sourceIp), hourBucket(now)), LOOKUP_LIMITS.perAddressPerHour, now);
  const objection = await objectionByNumber(params.number);
  const found = objection ? await loadNotice(objection.noticeId) : undefined;
  if (!objection?.number || !found) throw new DomainError('OBJECTION_NOT_FOUND', '没有找到这个受理编号，请核对后重新输入', 404, { field: 'number' });
  const notice = { title: found.notice.title, typeName: ruleOf(found.notice.type).nameZh };
  // The answer changes when staff decide: never cached.
  return respond(200, publicObjectionStatus(objection as typeof objection & { number: string }, notice), { 'cache-control': 'no-store' });
});
