import { DomainError, isWellFormedRegionCode, isWithinRegion, type noticeEvents, regionLevel } from '@jingzhun/types';
import { type NoticeTypeRule, ruleOf } from './notice-types.js';
import { assertCleanText, TEXT_LIMITS } from './text.js';
import { isExpired, type NoticeWindow, noticeWindow } from './window.js';

type NoticeType = noticeEvents.NoticeType;
type EntryOutcome = 'clear' | 'held' | 'upheld';
type FieldValue = string | number | boolean;

/**
 * Lifecycle (workflows.md §4.1): draft → published (window opens the day after posting) → closed
 * (with or without objections) → archived; a draft or published notice may be withdrawn with a
 * reason. Pure functions over plain data: the store persists what they return.
 */
export type NoticeStatus = 'draft' | 'published' | 'closed' | 'withdrawn' | 'archived';

export interface ObjectionCounts {
  open: number;
  upheld: number;
  rejected: number;
}

export interface Notice {
  noticeId: string;
  type: NoticeType;
  region: string;
  title: string;
  status: NoticeStatus;
  /** The service that requested the notice (envelope source), or absent when staff created it. */
  requester?: string;
  requestId?: string;
  context: Record<string, string>;
  entryCount: number;
  createdBy: { sub: string; role: string; name?: string };
  publishedAt?: string;
  window?: NoticeWindow;
  closedAt?: string;
  withdrawnAt?: string;
  withdrawReason?: string;
  archivedAt?: string;
  /** Counted from the objection items when read (never stored; see store/notices.ts). */
  objections: ObjectionCounts;
  /** Entry numbers that had an objection still open at close (HELD). */
  heldEntries: number[];
  outcomeCounts?: Record<EntryOutcome, number>;
}

export interface NoticeEntry {
  noticeId: string;
  /** Public line number (1…n): the only reference the public uses. */
  no: number;
  /** The requester's id of the item (household, village, bank…); never shown publicly. */
  entryId: string;
  fullName: string;
  group?: string;
  region: string;
  regionName?: string;
  fields: Record<string, FieldValue>;
  /** Counted from the objection items when read (never stored; see store/notices.ts). */
  objections: ObjectionCounts;
  /** An objection against it was upheld: it left the public copy and takes no more objections. */
  withdrawn?: boolean;
}

export interface EntryInput {
  entryId: string;
  fullName: string;
  group?: string | undefined;
  region: string;
  regionName?: string | undefined;
  fields: Record<string, FieldValue>;
}

export const MAX_ENTRIES = 2000;

export const NoticeErrors = {
  alreadyPublished: () => new DomainError('NOTICE_ALREADY_PUBLISHED', '该公示已发布，不能重复发布；发布后如需修改，请新建公示', 409),
  notDraft: () => new DomainError('NOTICE_NOT_DRAFT', '只有草稿状态的公示可以修改；已发布的公示如需修改，请撤回后新建公示', 409),
  empty: () => new DomainError('NOTICE_EMPTY', '公示没有任何条目，不能发布', 422),
  notPublished: () => new DomainError('NOTICE_NOT_OPEN', '该公示未在公示期内', 409),
  windowClosed: () => new DomainError('WINDOW_CLOSED', '公示期已结束，不能再提出异议', 409),
  objectionsNotAccepted: () => new DomainError('OBJECTIONS_NOT_ACCEPTED', '此类公开信息不受理异议，如有问题请通过监督电话反映', 409),
  entryNotInNotice: (no: number) => new DomainError('ENTRY_NOT_IN_NOTICE', `公示中没有第 ${no} 条`, 404, { no }),
  entryWithdrawn: (no: number) => new DomainError('ENTRY_WITHDRAWN', `第 ${no} 条已因异议成立撤下`, 409, { no }),
  cannotWithdraw: () => new DomainError('NOTICE_CANNOT_WITHDRAW', '只有草稿或公示期内的公示可以撤回', 409),
  cannotArchive: () => new DomainError('NOTICE_CANNOT_ARCHIVE', '只有已结束或已撤回的公示可以归档', 409),
  tooManyEntries: () => new DomainError('TOO_MANY_ENTRIES', `一份公示最多 ${MAX_ENTRIES} 条，请分村或分批公示`, 400),
};

/** Checks the header of a new notice against its type (workflows.md §4.2 scope). */
export function validateHeader(input: { type: NoticeType; region: string; title: string }): NoticeTypeRule {
  const rule = ruleOf(input.type);
  if (!isWellFormedRegionCode(input.region)) throw new DomainError('VALIDATION_FAILED', '区划代码不合法', 400, { region: input.region });
  if (!rule.regionLevels.includes(regionLevel(input.region))) {
    throw new DomainError('REGION_LEVEL_NOT_ALLOWED', `${rule.nameZh}须由${rule.regionLevels.map(levelZh).join('或')}发布`, 400, {
      region: input.region,
      allowed: rule.regionLevels,
    });
  }
  const title = input.title.trim();
  if (title.length === 0 || title.length > TEXT_LIMITS.title) throw new DomainError('TITLE_INVALID', `标题须为 1–${TEXT_LIMITS.title} 个字`, 400);
  assertCleanText(title, '标题');
  return rule;
}

function levelZh(level: string): string {
  return ({ province: '省级', city: '市级', county: '区县级', town: '镇（街）级', village: '村级' } as Record<string, string>)[level] ?? level;
}

/** Numbers and checks the lines of a notice; `existing` are lines already on the draft. */
export function prepareEntries(noticeId: string, region: string, inputs: readonly EntryInput[], existing: readonly Pick<NoticeEntry, 'entryId'>[] = []): NoticeEntry[] {
  if (existing.length + inputs.length > MAX_ENTRIES) throw NoticeErrors.tooManyEntries();
  const seen = new Set(existing.map((entry) => entry.entryId));
  return inputs.map((input, index) => {
    const no = existing.length + index + 1;
    if (seen.has(input.entryId)) throw new DomainError('DUPLICATE_ENTRY', `条目 ${input.entryId} 重复`, 400, { entryId: input.entryId });
    seen.add(input.entryId);
    if (!isWellFormedRegionCode(input.region) || !isWithinRegion(input.region, region)) {
      throw new DomainError('ENTRY_OUT_OF_REGION', `第 ${no} 条的区划 ${input.region} 不在公示区划内`, 400, { no, region: input.region });
    }
    const fullName = input.fullName.trim();
    if (fullName.length === 0 || fullName.length > TEXT_LIMITS.fullName)
      throw new DomainError('ENTRY_NAME_INVALID', `第 ${no} 条的名称须为 1–${TEXT_LIMITS.fullName} 个字`, 400, { no });
    assertCleanText(fullName, `第 ${no} 条的名称`);
    if (input.group !== undefined) {
      if (input.group.length > TEXT_LIMITS.group) throw new DomainError('ENTRY_GROUP_INVALID', `第 ${no} 条的村民小组过长`, 400, { no });
      assertCleanText(input.group, `第 ${no} 条的村民小组`);
    }
    for (const [key, value] of Object.entries(input.fields)) {
      if (typeof value === 'string') {
        if (value.length > TEXT_LIMITS.fieldText) throw new DomainError('ENTRY_FIELD_INVALID', `第 ${no} 条的 ${key} 过长`, 400, { no, field: key });
        assertCleanText(value, `第 ${no} 条的 ${key}`);
      }
    }
    return {
      noticeId,
      no,
      entryId: input.entryId,
      fullName,
      ...(input.group !== undefined ? { group: input.group } : {}),
      region: input.region,
      ...(input.regionName !== undefined ? { regionName: input.regionName } : {}),
      fields: input.fields,
      objections: { open: 0, upheld: 0, rejected: 0 },
    };
  });
}

export function newNotice(input: {
  noticeId: string;
  type: NoticeType;
  region: string;
  title: string;
  requester?: string;
  requestId?: string;
  context?: Record<string, string>;
  createdBy: Notice['createdBy'];
}): Notice {
  return {
    noticeId: input.noticeId,
    type: input.type,
    region: input.region,
    title: input.title.trim(),
    status: 'draft',
    ...(input.requester ? { requester: input.requester } : {}),
    ...(input.requestId ? { requestId: input.requestId } : {}),
    context: input.context ?? {},
    entryCount: 0,
    createdBy: input.createdBy,
    objections: { open: 0, upheld: 0, rejected: 0 },
    heldEntries: [],
  };
}

/** Publishing fixes the window (none for a permanent disclosure). Nothing is published twice. */
export function publish(notice: Notice, now: Date): Notice {
  if (notice.status !== 'draft')
    throw notice.status === 'published' || notice.status === 'closed' || notice.status === 'archived' ? NoticeErrors.alreadyPublished() : NoticeErrors.notDraft();
  if (notice.entryCount === 0) throw NoticeErrors.empty();
  const rule = ruleOf(notice.type);
  const publishedAt = now.toISOString();
  return { ...notice, status: 'published', publishedAt, ...(rule.days === null ? {} : { window: noticeWindow(now, rule.days) }) };
}

/** workflows.md §4.1 rule 5: upheld → falls back; open at close → HELD; otherwise it proceeds. */
export function entryOutcome(entry: Pick<NoticeEntry, 'objections'>): EntryOutcome {
  if (entry.objections.upheld > 0) return 'upheld';
  if (entry.objections.open > 0) return 'held';
  return 'clear';
}

/** True when the scheduled job should close this notice now. */
export function isDueForClosing(notice: Notice, now: Date): boolean {
  return notice.status === 'published' && notice.window !== undefined && isExpired(notice.window.closesAt, now);
}

/** Closes an expired window; every entry gets its outcome. Idempotence is the store's version check. */
export function close(notice: Notice, entries: readonly NoticeEntry[], now: Date): { notice: Notice; outcomes: { entryId: string; no: number; outcome: EntryOutcome }[] } {
  if (!isDueForClosing(notice, now)) throw new DomainError('WINDOW_NOT_EXPIRED', '公示期尚未结束', 409);
  const outcomes = entries.map((entry) => ({ entryId: entry.entryId, no: entry.no, outcome: entryOutcome(entry) }));
  const counts: Record<EntryOutcome, number> = { clear: 0, held: 0, upheld: 0 };
  for (const { outcome } of outcomes) counts[outcome]++;
  return {
    notice: {
      ...notice,
      status: 'closed',
      closedAt: now.toISOString(),
      heldEntries: outcomes.filter((o) => o.outcome === 'held').map((o) => o.no),
      outcomeCounts: counts,
    },
    outcomes,
  };
}

export function withdraw(notice: Notice, reason: string, now: Date): Notice {
  if (notice.status !== 'draft' && notice.status !== 'published') throw NoticeErrors.cannotWithdraw();
  const trimmed = reason.trim();
  if (trimmed.length === 0 || trimmed.length > TEXT_LIMITS.withdrawReason)
    throw new DomainError('REASON_REQUIRED', `请填写撤回原因（不超过 ${TEXT_LIMITS.withdrawReason} 字）`, 400);
  assertCleanText(trimmed, '撤回原因');
  return { ...notice, status: 'withdrawn', withdrawnAt: now.toISOString(), withdrawReason: trimmed };
}

export function archive(notice: Notice, now: Date): Notice {
  if (notice.status !== 'closed' && notice.status !== 'withdrawn') throw NoticeErrors.cannotArchive();
  return { ...notice, status: 'archived', archivedAt: now.toISOString() };
}

/** Where the online copy stands (workflows.md §4.3: removed at close, except fund and project disclosures). */
export type Visibility = 'open' | 'permanent' | 'hidden';

export function visibilityOf(notice: Pick<Notice, 'status' | 'type' | 'closedAt'>): Visibility {
  const rule = ruleOf(notice.type);
  if (notice.status === 'published') return rule.publicCopy === 'permanent' && rule.days === null ? 'permanent' : 'open';
  if ((notice.status === 'closed' || notice.status === 'archived') && rule.publicCopy === 'permanent' && (notice.closedAt !== undefined || rule.days === null)) return 'permanent';
  return 'hidden';
}
