import { regionLevel, regionPrefix } from '@jingzhun/types';

/**
 * Key builders for the notices table: the only place key strings are written.
 *
 * | entity          | pk                                   | sk                 | gsi1pk / gsi1sk                                   | gsi2pk / gsi2sk                          |
 * |-----------------|--------------------------------------|--------------------|---------------------------------------------------|------------------------------------------|
 * | notice          | NOTICE#<id>                          | NOTICE             | NOTICES#<county6> / <region>#<id>                 | OPEN_WINDOWS / <closesAt>#<id> (open)    |
 * | entry (private) | NOTICE#<id>                          | ENTRY#<no 5>       |                                                   |                                          |
 * | objection       | NOTICE#<id>                          | OBJECTION#<oid>    |                                                   |                                          |
 * | objection no.   | OBJECTION_NO#<number>                | OBJECTION_NO       |                                                   |                                          |
 * | request guard   | REQUEST#<requester>#<requestId>      | REQUEST            |                                                   |                                          |
 * | public notice   | PUBLIC#NOTICE#<id>                   | NOTICE             | PUBLIC_NOTICES#<county6> / <region>#<id>          |                                          |
 * | public entry    | PUBLIC#NOTICE#<id>                   | ENTRY#<no 5>       | PUBLIC_NAME#<village>#<nameKey> / <id>#<no 5>     | PUBLIC_VILLAGE#<village> / <id>#<no 5>   |
 * | rate counter    | RATE#<what>#<subject>#<hour>         | RATE               |                                                   |                                          |
 */
const pad = (no: number) => String(no).padStart(5, '0');

/** Partitions by county (6 digits): every town and village notice of a county lives in one partition, sorted by region. */
export function countyOf(region: string): string {
  return region.slice(0, 6);
}

/** A region usable as a listing scope: county level or below (a province or city scope is too broad). */
export function isListableScope(region: string): boolean {
  const level = regionLevel(region);
  return level === 'county' || level === 'town' || level === 'village';
}

export const noticeKeys = {
  notice: (noticeId: string) => ({ pk: `NOTICE#${noticeId}`, sk: 'NOTICE' }),
  byRegion: (region: string, noticeId: string) => ({ gsi1pk: `NOTICES#${countyOf(region)}`, gsi1sk: `${region}#${noticeId}` }),
  inScope: (scope: string) => ({
    partition: { name: 'gsi1pk', value: `NOTICES#${countyOf(scope)}` },
    sortKeyPrefix: { name: 'gsi1sk', value: regionPrefix(scope) },
  }),
  openWindow: (closesAt: string, noticeId: string) => ({ gsi2pk: 'OPEN_WINDOWS', gsi2sk: `${closesAt}#${noticeId}` }),
  openWindows: () => ({ name: 'gsi2pk', value: 'OPEN_WINDOWS' }),
  entry: (noticeId: string, no: number) => ({ pk: `NOTICE#${noticeId}`, sk: `ENTRY#${pad(no)}` }),
  entries: (noticeId: string) => ({ partition: { name: 'pk', value: `NOTICE#${noticeId}` }, sortKeyPrefix: { name: 'sk', value: 'ENTRY#' } }),
  objection: (noticeId: string, objectionId: string) => ({ pk: `NOTICE#${noticeId}`, sk: `OBJECTION#${objectionId}` }),
  objections: (noticeId: string) => ({ partition: { name: 'pk', value: `NOTICE#${noticeId}` }, sortKeyPrefix: { name: 'sk', value: 'OBJECTION#' } }),
  /** The short public number → its objection (unique: created with attribute_not_exists). */
  objectionNumber: (number: string) => ({ pk: `OBJECTION_NO#${number}`, sk: 'OBJECTION_NO' }),
  request: (requester: string, requestId: string) => ({ pk: `REQUEST#${requester}#${requestId}`, sk: 'REQUEST' }),
};

export const publicKeys = {
  notice: (noticeId: string) => ({ pk: `PUBLIC#NOTICE#${noticeId}`, sk: 'NOTICE' }),
  byRegion: (region: string, noticeId: string) => ({ gsi1pk: `PUBLIC_NOTICES#${countyOf(region)}`, gsi1sk: `${region}#${noticeId}` }),
  inRegion: (scope: string) => ({
    partition: { name: 'gsi1pk', value: `PUBLIC_NOTICES#${countyOf(scope)}` },
    sortKeyPrefix: { name: 'gsi1sk', value: regionPrefix(scope) },
  }),
  entry: (noticeId: string, no: number) => ({ pk: `PUBLIC#NOTICE#${noticeId}`, sk: `ENTRY#${pad(no)}` }),
  entries: (noticeId: string) => ({ partition: { name: 'pk', value: `PUBLIC#NOTICE#${noticeId}` }, sortKeyPrefix: { name: 'sk', value: 'ENTRY#' } }),
  nameIndex: (village: string, nameKey: string, noticeId: string, no: number) => ({ gsi1pk: `PUBLIC_NAME#${village}#${nameKey}`, gsi1sk: `${noticeId}#${pad(no)}` }),
  byName: (village: string, nameKey: string) => ({ name: 'gsi1pk', value: `PUBLIC_NAME#${village}#${nameKey}` }),
  villageIndex: (village: string, noticeId: string, no: number) => ({ gsi2pk: `PUBLIC_VILLAGE#${village}`, gsi2sk: `${noticeId}#${pad(no)}` }),
  byVillage: (village: string) => ({ name: 'gsi2pk', value: `PUBLIC_VILLAGE#${village}` }),
};

export const rateKeys = {
  objectionsByAddress: (addressHash: string, hour: string) => ({ pk: `RATE#OBJECTION_ADDRESS#${addressHash}#${hour}`, sk: 'RATE' }),
  objectionsByNotice: (noticeId: string, hour: string) => ({ pk: `RATE#OBJECTION_NOTICE#${noticeId}#${hour}`, sk: 'RATE' }),
  searchesByAddress: (addressHash: string, hour: string) => ({ pk: `RATE#SEARCH_ADDRESS#${addressHash}#${hour}`, sk: 'RATE' }),
  searchesByVillage: (village: string, hour: string) => ({ pk: `RATE#SEARCH_VILLAGE#${village}#${hour}`, sk: 'RATE' }),
  lookupsByAddress: (addressHash: string, hour: string) => ({ pk: `RATE#OBJECTION_LOOKUP_ADDRESS#${addressHash}#${hour}`, sk: 'RATE' }),
};
