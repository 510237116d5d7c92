import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, documentClient, encodeCursor, getItem, type Page, queryAll, queryPage, tableName } from '@jingzhun/platform';
import type { Notice, NoticeEntry, ObjectionCounts } from '../domain/notice.js';
import { type Objection, type ObjectionTally, tallyObjections } from '../domain/objections.js';
import type { PublicEntry, PublicNotice } from '../domain/projection.js';
import { noticeKeys, publicKeys } from './keys.js';
import { noticesTable } from './table.js';

/** Reads of the notices table. Writes go through UnitOfWork in ../app. */
export const table = () => tableName(noticesTable);

type Stored<T> = T & { pk: string; sk: string; entity: string; version: number };

const META = ['pk', 'sk', 'entity', 'version', 'createdAt', 'updatedAt', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'ttl'] as const;

export function strip<T>(item: object): T {
  const copy = { ...item } as Record<string, unknown>;
  for (const key of META) delete copy[key];
  return copy as T;
}

export interface VersionedNotice {
  notice: Notice;
  version: number;
}

const NO_OBJECTIONS: ObjectionCounts = { open: 0, upheld: 0, rejected: 0 };

/**
 * Objection counts are not stored on the notice or its lines (lodging an objection writes only the
 * objection, so simultaneous objections never conflict): they are counted from the objection items
 * of the notice's partition, here, for the reads that show or use them.
 */
export async function loadObjectionTally(noticeId: string): Promise<ObjectionTally> {
  const { partition, sortKeyPrefix } = noticeKeys.objections(noticeId);
  const items: Pick<Objection, 'entryNo' | 'status'>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': partition.name, '#sk': sortKeyPrefix.name, '#status': 'status' },
        ExpressionAttributeValues: { ':pk': partition.value, ':prefix': sortKeyPrefix.value },
        ProjectionExpression: 'entryNo, #status',
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((result.Items ?? []) as Pick<Objection, 'entryNo' | 'status'>[]));
    start = result.LastEvaluatedKey;
  } while (start);
  return tallyObjections(items);
}

function counted<T extends { objections?: ObjectionCounts }>(value: T, counts: ObjectionCounts | undefined): T & { objections: ObjectionCounts } {
  return { ...value, objections: counts ?? NO_OBJECTIONS };
}

/** The notice as stored; its `objections` are zero here (see withObjectionCounts). */
export async function loadNotice(noticeId: string): Promise<VersionedNotice | undefined> {
  const item = await getItem<Stored<Notice>>(table(), noticeKeys.notice(noticeId));
  return item && item.entity === 'notice' ? { notice: counted(strip<Notice>(item), undefined), version: item.version } : undefined;
}

/** The notice with its objection counts (staff views, decisions). */
export async function withObjectionCounts(notice: Notice): Promise<Notice> {
  return counted(notice, (await loadObjectionTally(notice.noticeId)).notice);
}

/** One line as stored, without counts: lodging checks only `withdrawn`. */
export async function loadEntry(noticeId: string, no: number): Promise<{ entry: NoticeEntry; version: number } | undefined> {
  const item = await getItem<Stored<NoticeEntry>>(table(), noticeKeys.entry(noticeId, no));
  return item ? { entry: counted(strip<NoticeEntry>(item), undefined), version: item.version } : undefined;
}

/** Every line with its objection counts. */
export async function loadEntries(noticeId: string, tally?: ObjectionTally): Promise<NoticeEntry[]> {
  const [items, counts] = await Promise.all([queryAll<Stored<NoticeEntry>>({ table: table(), ...noticeKeys.entries(noticeId) }), tally ?? loadObjectionTally(noticeId)]);
  return items.map((item) => counted(strip<NoticeEntry>(item), counts.byEntry.get(item.no)));
}

export async function pageEntries(noticeId: string, limit: number, cursor?: string): Promise<Page<NoticeEntry>> {
  const [page, counts] = await Promise.all([
    queryPage<Stored<NoticeEntry>>({ table: table(), ...noticeKeys.entries(noticeId), limit, ...(cursor ? { cursor } : {}) }),
    loadObjectionTally(noticeId),
  ]);
  return { items: page.items.map((item) => counted(strip<NoticeEntry>(item), counts.byEntry.get(item.no))), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

export async function loadObjection(noticeId: string, objectionId: string): Promise<{ objection: Objection; version: number } | undefined> {
  const item = await getItem<Stored<Objection>>(table(), noticeKeys.objection(noticeId, objectionId));
  return item ? { objection: strip<Objection>(item), version: item.version } : undefined;
}

export async function loadObjections(noticeId: string): Promise<Objection[]> {
  const items = await queryAll<Stored<Objection>>({ table: table(), ...noticeKeys.objections(noticeId) });
  return items.map((item) => strip<Objection>(item));
}

export interface RequestGuard {
  requester: string;
  requestId: string;
  noticeId: string;
  status: 'accepted' | 'rejected';
  code?: string;
}

export async function loadRequestGuard(requester: string, requestId: string): Promise<RequestGuard | undefined> {
  const item = await getItem<Stored<RequestGuard>>(table(), noticeKeys.request(requester, requestId));
  return item ? strip<RequestGuard>(item) : undefined;
}

export async function pageNoticesInScope(scope: string, limit: number, cursor?: string): Promise<Page<Notice>> {
  const page = await queryPage<Stored<Notice>>({ table: table(), index: 'gsi1', ...noticeKeys.inScope(scope), limit, forward: false, ...(cursor ? { cursor } : {}) });
  const items = await Promise.all(page.items.map((item) => withObjectionCounts(strip<Notice>(item))));
  return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** Notices whose window closed before `nowIso` (the close job's work list). */
export async function dueNoticeIds(nowIso: string, max = 500): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :now',
        ExpressionAttributeValues: { ':pk': noticeKeys.openWindows().value, ':now': nowIso },
        ProjectionExpression: 'noticeId',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of result.Items ?? []) ids.push(String(item.noticeId));
    start = result.LastEvaluatedKey;
  } while (start && ids.length < max);
  return ids;
}

// ---- public projection (the only items public routes read) ----

export async function loadPublicNotice(noticeId: string): Promise<PublicNotice | undefined> {
  const item = await getItem<Stored<PublicNotice>>(table(), publicKeys.notice(noticeId), false);
  return item ? strip<PublicNotice>(item) : undefined;
}

export async function pagePublicNotices(scope: string, limit: number, cursor?: string, filter?: { type?: string; visibility: string[] }): Promise<Page<PublicNotice>> {
  const values: Record<string, unknown> = {};
  const conditions: string[] = [];
  if (filter) {
    conditions.push(`#visibility IN (${filter.visibility.map((_, i) => `:v${i}`).join(', ')})`);
    filter.visibility.forEach((v, i) => {
      values[`:v${i}`] = v;
    });
    if (filter.type) {
      conditions.push('#type = :type');
      values[':type'] = filter.type;
    }
  }
  const page = await queryPage<Stored<PublicNotice>>({
    table: table(),
    index: 'gsi1',
    ...publicKeys.inRegion(scope),
    limit,
    forward: false,
    ...(cursor ? { cursor } : {}),
    ...(filter
      ? {
          filter: {
            FilterExpression: conditions.join(' AND '),
            ExpressionAttributeNames: { '#visibility': 'visibility', ...(filter.type ? { '#type': 'type' } : {}) },
            ExpressionAttributeValues: values,
          },
        }
      : {}),
  });
  return { items: page.items.map((item) => strip<PublicNotice>(item)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/**
 * The one Query behind a page of a public notice's entries, which also reaches the notice itself
 * when the rest of the list fits in the page: the notice item (sk NOTICE) sorts after every ENTRY#
 * item of its partition, so `limit + 1` items from the page start from ENTRY# up to NOTICE are the
 * page's entries followed by the notice, or `limit + 1` entries when more pages follow.
 */
export function publicEntriesQuery(noticeId: string, limit: number, cursor?: string): QueryCommandInput {
  const { partition, sortKeyPrefix } = publicKeys.entries(noticeId);
  return {
    TableName: table(),
    KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :first AND :notice',
    ExpressionAttributeNames: { '#pk': partition.name, '#sk': sortKeyPrefix.name },
    ExpressionAttributeValues: { ':pk': partition.value, ':first': sortKeyPrefix.value, ':notice': publicKeys.notice(noticeId).sk },
    Limit: limit + 1,
    ExclusiveStartKey: decodeCursor(cursor, { partition, sortKeyPrefix }),
  };
}

/**
 * A page of a public notice's entries and, when the same Query reached it, the notice: one read
 * instead of a GetItem and a Query for every page that ends the list (most notices fit in one page).
 */
export async function pagePublicEntriesWithNotice(noticeId: string, limit: number, cursor?: string): Promise<{ page: Page<PublicEntry>; notice?: PublicNotice }> {
  const result = await documentClient().send(new QueryCommand(publicEntriesQuery(noticeId, limit, cursor)));
  const items = (result.Items ?? []) as Stored<PublicEntry | PublicNotice>[];
  const noticeItem = items.find((item) => item.sk === publicKeys.notice(noticeId).sk);
  const entries = items.filter((item) => item !== noticeItem).slice(0, limit);
  const last = entries[entries.length - 1];
  // More entries follow when the Query stopped before the notice: after `limit + 1` entries, or at
  // DynamoDB's 1 MB page size (then LastEvaluatedKey is set).
  const more = !noticeItem && last !== undefined && (items.length > limit || result.LastEvaluatedKey !== undefined);
  const nextCursor = more ? encodeCursor({ pk: last.pk, sk: last.sk }) : undefined;
  return {
    page: { items: entries.map((item) => strip<PublicEntry>(item)), ...(nextCursor ? { nextCursor } : {}) },
    ...(noticeItem ? { notice: strip<PublicNotice>(noticeItem) } : {}),
  };
}

export async function publicEntriesByName(village: string, nameKey: string): Promise<PublicEntry[]> {
  const items = await queryAll<Stored<PublicEntry>>({ table: table(), index: 'gsi1', partition: publicKeys.byName(village, nameKey), max: 200 });
  return items.map((item) => strip<PublicEntry>(item));
}

export async function publicEntriesOfVillage(village: string): Promise<PublicEntry[]> {
  const items = await queryAll<Stored<PublicEntry>>({ table: table(), index: 'gsi2', partition: publicKeys.byVillage(village), max: 5000 });
  return items.map((item) => strip<PublicEntry>(item));
}
