import { httpHandler } from '@jingzhun/platform';
import { DomainError, noticesApi, regionLevel } from '@jingzhun/types';
import { nameSecret, primeNameKey } from '../config.js';
import { nameKey, normaliseName, type PublicNotice } from '../domain/projection.js';
import { loadPublicNotice, publicEntriesByName } from '../store/notices.js';
import { cacheable } from './http-cache.js';
import { entryView } from './public.js';

/** This function hashes the searched name with the name key: read at cold start (config.ts). */
primeNameKey();

/** GET /public/villages/{code}/search?name=: exact full name, one village, masked results only. */
export const searchVillage = httpHandler(noticesApi.publicSearchVillage, async ({ params, query, headers }) => {
  if (regionLevel(params.code) !== 'village') throw new DomainError('VILLAGE_REQUIRED', '姓名查询须先选择一个村', 400);
  const name = normaliseName(query.name);
  if (Array.from(name).length < 2) throw new DomainError('FULL_NAME_REQUIRED', '请输入完整姓名（精确匹配）', 400);
  const hits = await publicEntriesByName(params.code, nameKey(name, await nameSecret()));
  const notices = new Map<string, PublicNotice | undefined>();
  const items = [];
  for (const hit of hits) {
    if (!notices.has(hit.noticeId)) notices.set(hit.noticeId, await loadPublicNotice(hit.noticeId));
    const notice = notices.get(hit.noticeId);
    if (!notice || notice.visibility === 'hidden') continue;
    items.push({ ...entryView(hit), noticeId: notice.noticeId, title: notice.title, typeName: notice.typeName });
  }
  return cacheable({ items }, headers);
});
