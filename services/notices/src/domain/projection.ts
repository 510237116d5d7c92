import { createHmac } from 'node:crypto';
import { DomainError, findPersonalData, maskName, PERSONAL_DATA_KIND_ZH, shanghaiDate } from '@jingzhun/types';
import type { Notice, NoticeEntry, Visibility } from './notice.js';
import { visibilityOf } from './notice.js';
import { FIELD_LABELS, ruleOf } from './notice-types.js';
import { isExpired } from './window.js';

/**
 * The public projection, written at publication time (workflows.md §4.3): online copies show the
 * name as 张** (persons only), village and group, and the type's public content fields. Never ID
 * numbers, phones, accounts, health, causes or incomes: fields outside the type's list are dropped,
 * and so is any value that looks like an ID number, a phone number or an account number.
 */
export interface PublicEntry {
  noticeId: string;
  no: number;
  name: string;
  group?: string;
  village: string;
  villageName?: string;
  fields: Record<string, string | number | boolean>;
}

export interface PublicNotice {
  noticeId: string;
  type: Notice['type'];
  typeName: string;
  kind: string;
  publisher: string;
  region: string;
  title: string;
  postedOn: string;
  windowStart?: string;
  windowEnd?: string;
  closesAt?: string;
  visibility: Visibility;
  objectionsAccepted: boolean;
  entryCount: number;
  source: string;
}

/**
 * The public copy is an allow-list: only the type's content fields of a line go public. Anything
 * else a line carries is dropped (and reported back on create).
 */
export function publicFields(type: Notice['type'], fields: Record<string, string | number | boolean>): Record<string, string | number | boolean> {
  const allowed = new Set(ruleOf(type).contentFields);
  return Object.fromEntries(Object.entries(fields).filter(([key]) => allowed.has(key)));
}

/**
 * Every text that a publication would put before the public — title, group, village name, unit
 * name and the public fields — is scanned for ID, phone and account numbers (digits normalised:
 * separators, full-width digits, numbers given as numbers), and on lists of persons for health
 * details (workflows.md §4.3). One found refuses the publication with a 400 naming where it is;
 * nothing is dropped silently, nothing is shown.
 */
export function assertNothingPersonal(notice: Pick<Notice, 'type' | 'title'>, entries: readonly NoticeEntry[]): void {
  const rule = ruleOf(notice.type);
  const health = rule.subject === 'person';
  const check = (value: string | number | boolean | undefined, where: string, details: Record<string, unknown>) => {
    if (value === undefined) return;
    const found = findPersonalData(value, { health });
    if (found) {
      throw new DomainError('PERSONAL_DATA_IN_PUBLIC_TEXT', `${where}含有${PERSONAL_DATA_KIND_ZH[found.kind]}，不能公开；请删除后再发布`, 400, { ...details, kind: found.kind });
    }
  };
  check(notice.title, '标题', { field: 'title' });
  for (const entry of entries) {
    const at = `第 ${entry.no} 条的`;
    check(entry.group, `${at}村民小组`, { no: entry.no, field: 'group' });
    check(entry.regionName, `${at}村名`, { no: entry.no, field: 'regionName' });
    // A unit named by its own region code (identification names villages so) is a public statistical code.
    if (rule.subject === 'unit' && entry.fullName !== entry.region) check(entry.fullName, `${at}名称`, { no: entry.no, field: 'fullName' });
    for (const [key, value] of Object.entries(publicFields(notice.type, entry.fields))) {
      check(value, `${at}「${FIELD_LABELS[key] ?? key}」`, { no: entry.no, field: `fields.${key}` });
    }
  }
}

/** Fields a staff member sent that would not reach the public copy (reported back on create). */
export function droppedFields(type: Notice['type'], fields: Record<string, string | number | boolean>): string[] {
  const kept = publicFields(type, fields);
  return Object.keys(fields).filter((key) => !(key in kept));
}

export function toPublicEntry(type: Notice['type'], entry: NoticeEntry): PublicEntry {
  const rule = ruleOf(type);
  return {
    noticeId: entry.noticeId,
    no: entry.no,
    name: rule.subject === 'person' ? maskName(entry.fullName) : entry.fullName,
    ...(entry.group ? { group: entry.group } : {}),
    village: entry.region,
    ...(entry.regionName ? { villageName: entry.regionName } : {}),
    fields: publicFields(type, entry.fields),
  };
}

export function toPublicNotice(notice: Notice): PublicNotice {
  const rule = ruleOf(notice.type);
  return {
    noticeId: notice.noticeId,
    type: notice.type,
    typeName: rule.nameZh,
    kind: rule.kind,
    publisher: rule.publisherZh,
    region: notice.region,
    title: notice.title,
    postedOn: notice.window?.postedOn ?? (notice.publishedAt ? shanghaiDate(new Date(notice.publishedAt)) : ''),
    ...(notice.window ? { windowStart: notice.window.start, windowEnd: notice.window.end, closesAt: notice.window.closesAt } : {}),
    visibility: visibilityOf(notice),
    objectionsAccepted: rule.objections && notice.status === 'published',
    entryCount: notice.entryCount,
    source: rule.source,
  };
}

export type NoticePhase = 'upcoming' | 'open' | 'ended' | 'permanent';

/**
 * Where a public notice stands at `now`, from its dates in Asia/Shanghai (issue 14): the window
 * starts the day after posting (window.ts), so on the posting day a notice is on the board but
 * 待公示 (upcoming), not 公示中; after 24:00 of its last day it has ended (a permanent copy stays).
 * A disclosure without a window is permanent. The board used to call every notice on the board
 * 正在公示, which was a day early for every notice on its posting day.
 */
export function noticePhase(notice: Pick<PublicNotice, 'windowStart' | 'closesAt'>, now: Date): NoticePhase {
  if (!notice.windowStart) return 'permanent';
  if (shanghaiDate(now) < notice.windowStart) return 'upcoming';
  if (notice.closesAt && isExpired(notice.closesAt, now)) return 'ended';
  return 'open';
}

export function withPhase<T extends PublicNotice>(notice: T, now: Date): T & { phase: NoticePhase } {
  return { ...notice, phase: noticePhase(notice, now) };
}

/** Normal form of a typed name for exact matching: NFKC, no spaces. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** Keyed hash of a full name: lets the public projection answer an exact-name search without holding the name. */
export function nameKey(fullName: string, secret: string): string {
  return createHmac('sha256', secret).update(normaliseName(fullName)).digest('hex').slice(0, 32);
}
