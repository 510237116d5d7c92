import * as z from 'zod';
import { defineEvent } from '../events.js';
import { StorableNumber } from '../number.js';

/**
 * Notice requests and window outcomes: how identification, subsidy and scoring publish through
 * the notices service and learn the result. Owned by the notices service.
 */
export const NOTICE_TYPES = [
  'entry-first', // 识别第一公示 (V2C, village, 7)
  'entry-second', // 识别第二公示
  'entry-announcement', // 识别公告 (CPO, 5)
  'monitoring', // 监测对象公示 (village, ≥5)
  'risk-elimination', // 风险消除公示
  'exit-village-notice', // 贫困户退出公示 (V2C, 7) seed 000 PN-1
  'exit-announcement', // 贫困户退出公告 (TWN, 5) seed 000 PN-2
  'exit-no-policy', // 脱贫不再享受政策公示 (7)
  'village-exit-notice', // 贫困村退出公示 (TWN, 7) seed 000 PN-3
  'village-exit-announcement', // 贫困村退出公告 (5) seed 000 PN-4
  'housing-list-1',
  'housing-list-2',
  'housing-list-3',
  'dibao-disclosure',
  'fund-disclosure', // 资金分配结果 (permanent)
  'project-disclosure', // 项目和资金使用 (≥7, archive kept)
  'asset-income',
  'commendation',
  'bank-prizes', // 银行考核奖励通报 (7)
  'unit-assessment', // 镇（街）和部门年度考核结果通报 (supervision; seed 000 AS-3 L42–44)
] as const;
export const NoticeType = z.enum(NOTICE_TYPES);
export type NoticeType = z.infer<typeof NoticeType>;

/** One line of a requested notice. Full names are for the printed village board only. */
export const NoticeEntryInput = z.object({
  /** The requesting service's id for the item (household id, village code, bank id…). */
  entryId: z.string(),
  fullName: z.string(),
  group: z.string().optional(),
  /** Village code of the entry (for per-village queries). */
  region: z.string(),
  /** Name of that village (shown with the masked name); optional. */
  regionName: z.string().optional(),
  /** Public, non-personal fields to show (size, attribute, action, amount in yuan…). */
  fields: z.record(z.string(), z.union([z.string(), StorableNumber, z.boolean()])).default({}),
});
export type NoticeEntryInput = z.infer<typeof NoticeEntryInput>;

export const NoticeRequest = z.object({
  /** Idempotency key from the requester: one notice per request id. */
  requestId: z.string(),
  type: NoticeType,
  /** Publishing region (village, town or county code). */
  region: z.string(),
  title: z.string(),
  /** Publish at once (default) or leave as a draft for staff. */
  publish: z.boolean().default(true),
  entries: z.array(NoticeEntryInput).min(1),
  /** Free context for the requester (workflow step, batch id). Echoed back on close. */
  context: z.record(z.string(), z.string()).default({}),
});
export type NoticeRequest = z.infer<typeof NoticeRequest>;

export const identificationNoticeRequested = defineEvent('identification.notice.requested', NoticeRequest);
export const subsidyNoticeRequested = defineEvent('subsidy.notice.requested', NoticeRequest);
export const scoringNoticeRequested = defineEvent('scoring.notice.requested', NoticeRequest);
export const supervisionNoticeRequested = defineEvent('supervision.notice.requested', NoticeRequest);

export const EntryOutcome = z.enum(['clear', 'held', 'upheld']);

export const noticePublished = defineEvent(
  'notices.notice.published',
  z.object({
    noticeId: z.string(),
    requestId: z.string().optional(),
    type: NoticeType,
    region: z.string(),
    windowStart: z.string(),
    windowEnd: z.string(),
    entryCount: z.number().int(),
  }),
);

/** The window closed: each entry proceeds (`clear`), waits for a decision (`held`) or falls back (`upheld`). */
export const noticeWindowClosed = defineEvent(
  'notices.window.closed',
  z.object({
    noticeId: z.string(),
    requestId: z.string().optional(),
    requester: z.string().optional(),
    type: NoticeType,
    region: z.string(),
    closedAt: z.string(),
    context: z.record(z.string(), z.string()).default({}),
    entries: z.array(z.object({ entryId: z.string(), outcome: EntryOutcome })),
  }),
);

/** A held entry's objection was decided after (or before) the close. */
export const objectionDecided = defineEvent(
  'notices.objection.decided',
  z.object({
    noticeId: z.string(),
    requestId: z.string().optional(),
    requester: z.string().optional(),
    type: NoticeType,
    entryId: z.string(),
    outcome: z.enum(['upheld', 'rejected']),
    context: z.record(z.string(), z.string()).default({}),
  }),
);

export const objectionLodged = defineEvent('notices.objection.lodged', z.object({ noticeId: z.string(), entryId: z.string(), type: NoticeType, region: z.string() }));

/** A published or draft notice was withdrawn by staff (with a reason); its entries do not proceed on it. */
export const noticeWithdrawn = defineEvent(
  'notices.notice.withdrawn',
  z.object({
    noticeId: z.string(),
    requestId: z.string().optional(),
    requester: z.string().optional(),
    type: NoticeType,
    region: z.string(),
    reason: z.string(),
    context: z.record(z.string(), z.string()).default({}),
  }),
);

/** A notice request could not be turned into a notice (bad region, entries outside it…): nothing was published. */
export const noticeRequestRejected = defineEvent(
  'notices.request.rejected',
  z.object({
    requestId: z.string(),
    requester: z.string(),
    type: z.string(),
    region: z.string(),
    code: z.string(),
    message: z.string(),
    context: z.record(z.string(), z.string()).default({}),
  }),
);
