import { httpHandler, respond } from '@jingzhun/platform';
import { DomainError, noticesApi, regionLevel } from '@jingzhun/types';
import { lodgeObjection } from '../app/commands.js';
import { FIELD_LABELS, ruleOf } from '../domain/notice-types.js';
import { objectionDueBy } from '../domain/objections.js';
import { type PublicEntry, type PublicNotice, withPhase } from '../domain/projection.js';
import { isListableScope } from '../store/keys.js';
import { loadPublicNotice, pagePublicEntriesWithNotice, pagePublicNotices, publicEntriesOfVillage } from '../store/notices.js';
import { cacheable } from './http-cache.js';
import { portsOf } from './views.js';

/**
 * Anonymous routes. They read only the public projection written at publication time (masked
 * names, village, group, public fields), never the private notice, line or objection items —
 * except the objection POST, which must update the private line and returns only a receipt.
 */
function entryView(entry: PublicEntry) {
  const { noticeId: _n, ...rest } = entry as PublicEntry & { type?: string };
  delete (rest as { type?: string }).type;
  return rest;
}

async function visibleNotice(noticeId: string, loaded?: PublicNotice): Promise<PublicNotice> {
  const notice = loaded ?? (await loadPublicNotice(noticeId));
  if (!notice || notice.visibility === 'hidden') throw new DomainError('NOT_FOUND', '公示不存在或公示期已结束', 404);
  return notice;
}

function requireScope(region: string): void {
  if (!isListableScope(region)) throw new DomainError('REGION_TOO_BROAD', '请选择区县、镇（街）或村', 400);
}

/** GET /public/notices?region=: notices currently open in a region (there is no browse-all of people). */
export const listOpenNotices = httpHandler(noticesApi.publicListNotices, async ({ query, headers, clock }) => {
  requireScope(query.region);
  const page = await pagePublicNotices(query.region, query.limit, query.cursor, { visibility: ['open'], ...(query.type ? { type: query.type } : {}) });
  return cacheable({ items: page.items.map((notice) => withPhase(notice, clock.now())), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }, headers);
});

export const getPublicNotice = httpHandler(noticesApi.publicGetNotice, async ({ params, headers, clock }) =>
  cacheable(withPhase(await visibleNotice(params.noticeId), clock.now()), headers),
);

/** One Query when the page ends the list (it reaches the notice too), else that Query and a GetItem of the notice. */
export const listPublicEntries = httpHandler(noticesApi.publicListEntries, async ({ params, query, headers, clock }) => {
  const { page, notice: reached } = await pagePublicEntriesWithNotice(params.noticeId, query.limit, query.cursor);
  // Entries of a hidden or unknown notice were read but are never returned.
  const notice = await visibleNotice(params.noticeId, reached);
  const fieldLabels = Object.fromEntries([...new Set(page.items.flatMap((item) => Object.keys(item.fields)))].map((key) => [key, FIELD_LABELS[key] ?? '其他信息']));
  return cacheable({ notice: withPhase(notice, clock.now()), fieldLabels, items: page.items.map(entryView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }, headers);
});

/** POST /public/notices/{id}/objections: anyone, during the window, against one numbered line. */
export const lodgePublicObjection = httpHandler(noticesApi.publicLodgeObjection, async (ctx) => {
  const { entryNo, ...input } = ctx.body;
  const objection = await lodgeObjection(portsOf(ctx), ctx.params.noticeId, entryNo, input, { channel: 'online', address: ctx.sourceIp });
  return respond(
    201,
    {
      number: (objection as { number: string }).number,
      objectionId: objection.objectionId,
      noticeId: objection.noticeId,
      entryNo: objection.entryNo,
      status: 'open' as const,
      lodgedAt: objection.lodgedAt,
      dueBy: objectionDueBy(objection.lodgedAt),
      message: '异议已受理。发布单位将在5个工作日内调查核实并答复；您的联系方式仅工作人员可见。',
    },
    { 'cache-control': 'no-store' },
  );
});

/** GET /public/villages/{code}: per-village counts of what is on the board now (no names). */
export const villageSummary = httpHandler(noticesApi.publicVillageSummary, async ({ params, headers, clock }) => {
  if (regionLevel(params.code) !== 'village') throw new DomainError('VILLAGE_REQUIRED', '请选择一个村', 400);
  const entries = await publicEntriesOfVillage(params.code);
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.noticeId, (counts.get(entry.noticeId) ?? 0) + 1);
  const notices: (PublicNotice & { phase: string })[] = [];
  for (const noticeId of counts.keys()) {
    const notice = await loadPublicNotice(noticeId);
    if (notice && notice.visibility !== 'hidden') notices.push(withPhase(notice, clock.now()));
  }
  const byType = new Map<string, { notices: number; entries: number }>();
  for (const notice of notices) {
    const current = byType.get(notice.type) ?? { notices: 0, entries: 0 };
    byType.set(notice.type, { notices: current.notices + 1, entries: current.entries + (counts.get(notice.noticeId) ?? 0) });
  }
  return cacheable(
    {
      village: params.code,
      // On the board (each notice's phase says whether its window has begun).
      openNotices: notices.filter((notice) => notice.visibility === 'open').length,
      byType: [...byType.entries()].map(([type, value]) => ({ type: type as PublicNotice['type'], typeName: ruleOf(type as PublicNotice['type']).nameZh, ...value })),
      notices,
    },
    headers,
  );
});

/** GET /public/disclosures?region=: fund allocation and project disclosures, kept permanently (workflows.md §4.3). */
export const listDisclosures = httpHandler(noticesApi.publicDisclosures, async ({ query, headers, clock }) => {
  requireScope(query.region);
  const types = query.type ? [query.type] : (['fund-disclosure', 'project-disclosure'] as const);
  const items: PublicNotice[] = [];
  let nextCursor: string | undefined;
  if (types.length === 1) {
    const page = await pagePublicNotices(query.region, query.limit, query.cursor, { type: types[0], visibility: ['open', 'permanent'] });
    items.push(...page.items);
    nextCursor = page.nextCursor;
  } else {
    const page = await pagePublicNotices(query.region, query.limit, query.cursor, { visibility: ['open', 'permanent'] });
    items.push(...page.items.filter((notice) => notice.type === 'fund-disclosure' || notice.type === 'project-disclosure'));
    nextCursor = page.nextCursor;
  }
  return cacheable({ items: items.map((notice) => withPhase(notice, clock.now())), ...(nextCursor ? { nextCursor } : {}) }, headers);
});
