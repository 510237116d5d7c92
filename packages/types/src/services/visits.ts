import * as z from 'zod';
import { defineContract, PageQuery, pageOf } from '../contracts.js';
import { MonitorType } from '../events/identification.js';
import { IsoDate, Period } from '../period.js';
import { RegionCode } from '../region.js';

/**
 * 入户走访 (issue 15): visits of helper cadres (帮扶责任人, one per household: 000 ID-13 L546–550,
 * 004 ID-65 L185) and village committees, recorded on the spot from the mini-program, and the photos
 * taken there. A visit is created with an id the phone made, so a visit sent again after a lost
 * connection is the same visit (PUT, idempotent).
 */
const Text = (max: number) => z.string().trim().min(1).max(max);
const householdId = z.string().regex(/^[0-9A-Z]{26}$/, { message: '户编号格式不正确' });
/** A client-made id: 16–64 letters, digits, '-' or '_' (the mini-program makes a ULID-like id). */
export const ClientId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { message: '编号须为 16–64 位字母、数字、- 或 _' });

/** Who records visits: the regional line that visits households (workflows.md §1.1 V2C, TWN, CPO). */
export const VISITORS = ['village', 'town', 'county'] as const;
/** Who reads visits: the same line and the leading group. */
const READERS = ['village', 'town', 'county', 'leading_group'] as const;

/** A photo is at most 300 KB after the phone compressed it (it is kept in one DynamoDB item of ≤ 400 KB). */
export const MAX_PHOTO_BYTES = 300 * 1024;
export const MAX_PHOTOS_PER_VISIT = 6;
export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;

export const Location = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** Metres, as wx.getLocation reports it. */
  accuracy: z.number().min(0).max(100_000).optional(),
});

export const RiskSignal = z.object({
  /** Which kind of monitoring object the visitor sees (workflows.md §1.4). */
  monitorType: MonitorType,
  /** What the risk is: illness, disaster, lost job, income fell… */
  note: Text(500),
});

export const VisitBody = z.object({
  householdId,
  date: IsoDate,
  /** What was found (情况). */
  found: Text(1000),
  /** What was done or agreed (帮扶). */
  done: z.string().trim().max(1000).default(''),
  photoIds: z
    .array(ClientId)
    .max(MAX_PHOTOS_PER_VISIT, { message: `每次走访最多 ${MAX_PHOTOS_PER_VISIT} 张照片` })
    .default([]),
  location: Location.optional(),
  risk: RiskSignal.optional(),
});
export type VisitBody = z.infer<typeof VisitBody>;

export const MonitoringOutcome = z.object({
  /** started: the signal opened monitoring (workflows.md §1.4 D0); otherwise why not. */
  outcome: z.enum(['started', 'already-monitored', 'in-register', 'not-eligible']),
  message: z.string(),
  dueDate: IsoDate.optional(),
});

export const Visit = z.object({
  visitId: z.string(),
  householdId: z.string(),
  headName: z.string(),
  region: z.string(),
  date: IsoDate,
  found: z.string(),
  done: z.string(),
  photoIds: z.array(z.string()),
  location: Location.optional(),
  risk: RiskSignal.optional(),
  monitoring: MonitoringOutcome.optional(),
  visitor: z.object({ sub: z.string(), name: z.string().optional(), role: z.string() }),
  helper: z.object({ name: z.string(), unit: z.string() }).optional(),
  recordedAt: z.string(),
});
export type Visit = z.infer<typeof Visit>;

export const recordVisit = defineContract({
  id: 'visits.recordVisit',
  method: 'PUT',
  path: '/visits/{visitId}',
  summary: '登记入户走访（编号由手机生成；重发同一走访不重复登记）',
  auth: 'staff',
  roles: VISITORS,
  params: z.object({ visitId: ClientId }),
  body: VisitBody,
  response: Visit,
});

export const listHouseholdVisits = defineContract({
  id: 'visits.listHouseholdVisits',
  method: 'GET',
  path: '/households/{householdId}/visits',
  summary: '某户的走访记录（新的在前）',
  auth: 'staff',
  roles: READERS,
  params: z.object({ householdId }),
  query: PageQuery,
  response: pageOf(Visit),
});

export const listMyVisits = defineContract({
  id: 'visits.listMyVisits',
  method: 'GET',
  path: '/visits/mine',
  summary: '我登记的走访记录（新的在前）',
  auth: 'staff',
  roles: VISITORS,
  query: PageQuery,
  response: pageOf(Visit),
});

/** The due visit of a household (issue 15 "tasks due"), with its monitoring step and notice. */
export const VisitTask = z.object({
  householdId: z.string(),
  headName: z.string(),
  region: z.string(),
  group: z.string().optional(),
  status: z.string(),
  size: z.number().int(),
  helper: z.object({ name: z.string(), unit: z.string(), phone: z.string().optional() }).optional(),
  lastVisitOn: IsoDate.optional(),
  /** The day the next visit is due (the last visit + the interval; today when never visited). */
  visitDueOn: IsoDate,
  visitOverdue: z.boolean(),
  /** A monitoring or other workflow in progress: its step and, for monitoring, the 15-day limit. */
  workflow: z.object({ kind: z.string(), state: z.string(), dueDate: IsoDate.optional(), daysLeft: z.number().int().optional(), noticeOpen: z.boolean() }).optional(),
  version: z.number().int(),
});
export type VisitTask = z.infer<typeof VisitTask>;

export const listVisitTasks = defineContract({
  id: 'visits.listVisitTasks',
  method: 'GET',
  path: '/visits/tasks',
  summary: '走访任务：本村（镇）各户的应访日期、监测环节期限和公示',
  auth: 'staff',
  roles: VISITORS,
  query: PageQuery.extend({ region: RegionCode, mine: z.enum(['true', 'false']).default('false') }),
  response: pageOf(VisitTask).extend({ intervalDays: z.number().int() }),
});

export const PhotoBody = z.object({
  contentType: z.enum(PHOTO_TYPES),
  /** Bounded loosely here (twice the limit) so the handler can answer 413 naming the photo's size. */
  contentBase64: z
    .string()
    .min(4)
    .max(MAX_PHOTO_BYTES * 2, { message: `照片不能超过 ${MAX_PHOTO_BYTES / 1024} KB，请压缩后再传` }),
});

export const uploadVisitPhoto = defineContract({
  id: 'visits.uploadVisitPhoto',
  method: 'PUT',
  path: '/households/{householdId}/visit-photos/{photoId}',
  summary: '上传走访照片（编号由手机生成；重传同一照片不重复保存）',
  auth: 'staff',
  roles: VISITORS,
  params: z.object({ householdId, photoId: ClientId }),
  body: PhotoBody,
  response: z.object({ photoId: z.string(), householdId: z.string(), bytes: z.number().int(), contentType: z.string() }),
});

export const getVisitPhoto = defineContract({
  id: 'visits.getVisitPhoto',
  method: 'GET',
  path: '/households/{householdId}/visit-photos/{photoId}',
  summary: '查看走访照片',
  auth: 'staff',
  roles: READERS,
  params: z.object({ householdId, photoId: ClientId }),
  produces: 'image/jpeg or image/png',
});

/** Visits of one helper or one village in a month (the dispatch's visit coverage). */
const CoverageRow = z.object({ visits: z.number().int(), householdsVisited: z.number().int(), riskSignals: z.number().int() });

export const visitCoverage = defineContract({
  id: 'dispatch.visitCoverage',
  method: 'GET',
  path: '/dispatch/visit-coverage/{region}/{period}',
  summary: '月调度：入户走访覆盖（按村、按帮扶责任人）',
  auth: 'staff',
  roles: ['village', 'town', 'county', 'leading_group'],
  params: z.object({ region: RegionCode, period: Period }),
  response: z.object({
    region: z.string(),
    period: z.string(),
    total: CoverageRow,
    villages: z.array(CoverageRow.extend({ village: z.string() })),
    helpers: z.array(CoverageRow.extend({ village: z.string(), name: z.string(), unit: z.string() })),
    /** Visits to households that had no 帮扶责任人 on the day (000 ID-13 L546–550 wants one per household). */
    withoutHelper: CoverageRow,
  }),
});
