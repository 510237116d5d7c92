import { addressKey, hourBucket, httpHandler } from '@jingzhun/platform';
import { DomainError, noticesApi, regionLevel } from '@jingzhun/types';
import { takeRate } from '../app/commands.js';
import { nameSecret, primeNameKey } from '../config.js';
import { SEARCH_LIMITS } from '../domain/objections.js';
import { nameKey, normaliseName, type PublicNotice } from '../domain/projection.js';
import { rateKeys } from '../store/keys.js';
import { loadPublicNotice, publicEntriesByName } from '../store/notices.js';
import { cacheable } from './http-cache.js';

/** This function hashes the searched name with the name key: read at cold start (config.ts). */
primeNameKey();

/**
 * GET /public/villages/{code}/search?name=: whether an exact full name is on the open notices of
 * one village (workflows.md §4.4: pick a village, exact match). It answers which notices list the
 * name, never the line: a masked list plus a line-level answer let a guesser confirm every masked
 * name. Limited per caller address and per village (SEARCH_LIMITS, hourly counters).
 */
export const searchVillage = httpHandler(noticesApi.publicSearchVillage, async ({ params, query, headers, sourceIp, clock }) => {
  if (regionLevel(params.code) !== 'village') throw new DomainError('VILLAGE_REQUIRED', '姓名查询须先选择一个村', 400);
  const name = normaliseName(query.name);
  if (Array.from(name).length < 2) throw new DomainError('FULL_NAME_REQUIRED', '请输入完整姓名（精确匹配）', 400);
  const now = clock.now();
  const hour = hourBucket(now);
  await takeRate(rateKeys.searchesByAddress(addressKey(sourceIp), hour), SEARCH_LIMITS.perAddressPerHour, now);
  await takeRate(rateKeys.searchesByVillage(params.code, hour), SEARCH_LIMITS.perVillagePerHour, now);
  const hits = await publicEntriesByName(params.code, nameKey(name, await nameSecret()));
  const items: { noticeId: string; title: string; typeName: string }[] = [];
  for (const noticeId of new Set(hits.map((hit) => hit.noticeId))) {
    const notice: PublicNotice | undefined = await loadPublicNotice(noticeId);
    if (notice && notice.visibility !== 'hidden') items.push({ noticeId: notice.noticeId, title: notice.title, typeName: notice.typeName });
  }
  return cacheable({ items }, headers);
});
