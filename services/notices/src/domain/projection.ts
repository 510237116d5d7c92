import { createHmac } from 'node:crypto';
import { maskName, shanghaiDate } from '@jingzhun/types';
import type { Notice, NoticeEntry, Visibility } from './notice.js';
import { visibilityOf } from './notice.js';
import { ruleOf } from './notice-types.js';

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

// 18-character ID numbers, 15-digit old IDs, 11-digit mobiles, long digit runs (accounts, cards).
const PERSONAL_VALUE = /\d{17}[\dXx]|\d{15}|1[3-9]\d{9}|\d{12,}|\d{4}[\s-]\d{4}[\s-]\d{4}/;
// Keys that name personal data, whatever a requester calls them.
const PERSONAL_KEY = /id.?(number|card|no)|身份证|phone|mobile|tel|电话|手机|account|card|账号|卡号|health|ill|disab|diagnos|病|残|cause|原因|income|收入|birth|出生/i;

export function looksPersonal(key: string, value: unknown): boolean {
  return PERSONAL_KEY.test(key) || (typeof value === 'string' && PERSONAL_VALUE.test(value));
}

export function publicFields(type: Notice['type'], fields: Record<string, string | number | boolean>): Record<string, string | number | boolean> {
  const allowed = new Set(ruleOf(type).contentFields);
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!allowed.has(key) || looksPersonal(key, value)) continue;
    out[key] = value;
  }
  return out;
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

/** Normal form of a typed name for exact matching: NFKC, no spaces. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** Keyed hash of a full name: lets the public projection answer an exact-name search without holding the name. */
export function nameKey(fullName: string, secret: string): string {
  return createHmac('sha256', secret).update(normaliseName(fullName)).digest('hex').slice(0, 32);
}
