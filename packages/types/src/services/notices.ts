import * as z from 'zod';
import { REGIONAL_ROLES } from '../auth.js';
import { defineContract, PageQuery, pageOf } from '../contracts.js';
import { NoticeEntryInput, NoticeType } from '../events/notices.js';
import { StorableNumber } from '../number.js';
import { PhoneNumber } from '../phone.js';
import { RegionCode } from '../region.js';

/** HTTP contracts of the notices service (staff console and public board). Owned by that service. */

/**
 * Staff who read notices: the roles that publish some type of notice (workflows.md §4.2: village,
 * town, county, leading group, departments, the financial office). The PBoC and banks publish none.
 * Full names and objectors' contacts go to the notice's owner only (services/notices read-views).
 */
const NOTICE_READERS = [...REGIONAL_ROLES, 'department', 'finance_office'] as const;

const NoticeId = z.string().regex(/^[0-9A-Z]{10,40}$/, { message: '公示编号不合法' });
const ObjectionId = z.string().regex(/^[0-9A-Z]{10,40}$/, { message: '异议编号不合法' });
/**
 * The short number an objector is given (issue 14): ten characters of an alphabet without 0/O,
 * 1/I/L and U, random, so it reveals neither when it was lodged nor how many there are. Typed
 * in any case, with spaces or dashes; normalised before it is checked.
 */
export const OBJECTION_NUMBER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const OBJECTION_NUMBER_LENGTH = 10;
export const ObjectionNumber = z
  .string()
  .max(40)
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(
    z.string().regex(new RegExp(`^[${OBJECTION_NUMBER_ALPHABET}]{${OBJECTION_NUMBER_LENGTH}}$`), { message: `受理编号是${OBJECTION_NUMBER_LENGTH}位字母和数字，请核对后重新输入` }),
  );
const FieldValue = z.union([z.string(), StorableNumber, z.boolean()]);
const Counts = z.object({ open: z.number().int(), upheld: z.number().int(), rejected: z.number().int() });

export const NoticeStatus = z.enum(['draft', 'published', 'closed', 'withdrawn', 'archived']);
export const Visibility = z.enum(['open', 'permanent', 'hidden']);

export const NoticeWindow = z.object({
  postedOn: z.string(),
  start: z.string(),
  nominalEnd: z.string(),
  end: z.string(),
  closesAt: z.string(),
});

/** A notice as staff see it. */
export const StaffNotice = z.object({
  noticeId: z.string(),
  type: NoticeType,
  typeName: z.string(),
  region: z.string(),
  title: z.string(),
  status: NoticeStatus,
  requester: z.string().optional(),
  requestId: z.string().optional(),
  context: z.record(z.string(), z.string()),
  entryCount: z.number().int(),
  createdBy: z.object({ sub: z.string(), role: z.string(), name: z.string().optional() }),
  publishedAt: z.string().optional(),
  window: NoticeWindow.optional(),
  closedAt: z.string().optional(),
  withdrawnAt: z.string().optional(),
  withdrawReason: z.string().optional(),
  archivedAt: z.string().optional(),
  objections: Counts,
  heldEntries: z.array(z.number().int()),
  outcomeCounts: z.object({ clear: z.number().int(), held: z.number().int(), upheld: z.number().int() }).optional(),
  /** Line fields that will not reach the public copy (not public for this type, or personal-looking). */
  droppedFields: z.array(z.string()).optional(),
});

export const StaffEntry = z.object({
  no: z.number().int(),
  entryId: z.string(),
  fullName: z.string(),
  group: z.string().optional(),
  region: z.string(),
  regionName: z.string().optional(),
  fields: z.record(z.string(), FieldValue),
  objections: Counts,
  outcome: z.enum(['clear', 'held', 'upheld']),
});

export const StaffObjection = z.object({
  objectionId: z.string(),
  /** The short number given to the objector (objections lodged before it existed have none). */
  number: z.string().optional(),
  entryNo: z.number().int(),
  entryId: z.string(),
  objectorName: z.string().optional(),
  contact: z.string().optional(),
  reason: z.string(),
  channel: z.enum(['online', 'staff']),
  lodgedAt: z.string(),
  status: z.enum(['open', 'upheld', 'rejected']),
  investigation: z.array(z.object({ at: z.string(), by: z.string(), note: z.string() })),
  decision: z.object({ outcome: z.enum(['upheld', 'rejected']), reason: z.string(), at: z.string(), by: z.string() }).optional(),
  decidedAfterClose: z.boolean().optional(),
  /** Working-day deadline for the investigation (workflows.md §4.1 rule 2). */
  dueBy: z.string(),
});

/** Public, masked shapes: the only ones public routes return. */
export const PublicNotice = z.object({
  noticeId: z.string(),
  type: NoticeType,
  typeName: z.string(),
  kind: z.string(),
  publisher: z.string(),
  region: z.string(),
  title: z.string(),
  postedOn: z.string(),
  windowStart: z.string().optional(),
  windowEnd: z.string().optional(),
  closesAt: z.string().optional(),
  visibility: Visibility,
  /** From the dates in Asia/Shanghai at the time of the answer: before the window, in it, after it, or a disclosure without one. */
  phase: z.enum(['upcoming', 'open', 'ended', 'permanent']),
  objectionsAccepted: z.boolean(),
  entryCount: z.number().int(),
  source: z.string(),
});

export const PublicEntry = z.object({
  no: z.number().int(),
  name: z.string(),
  group: z.string().optional(),
  village: z.string(),
  villageName: z.string().optional(),
  fields: z.record(z.string(), FieldValue),
});

const EntryInputBody = NoticeEntryInput.extend({
  entryId: z.string().min(1).max(80),
  fullName: z.string().max(200),
  group: z.string().max(200).optional(),
  region: RegionCode,
  regionName: z.string().max(50).optional(),
  fields: z.record(z.string().max(40), z.union([z.string().max(2000), StorableNumber, z.boolean()])).default({}),
});

export const CreateNoticeBody = z.object({
  type: NoticeType,
  region: RegionCode,
  title: z.string().max(500),
  entries: z.array(EntryInputBody).max(2000).default([]),
  /** Publish at once (default false: staff usually review the draft first). */
  publish: z.boolean().default(false),
});

// ---------------- staff ----------------

export const createNotice = defineContract({
  id: 'notices.create',
  method: 'POST',
  path: '/notices',
  summary: '新建公示（草稿，可直接发布）',
  auth: 'staff',
  body: CreateNoticeBody,
  response: StaffNotice,
});

export const listNotices = defineContract({
  id: 'notices.list',
  method: 'GET',
  path: '/notices',
  summary: '辖区内的公示（工作人员）',
  auth: 'staff',
  roles: NOTICE_READERS,
  query: PageQuery.extend({ region: RegionCode, status: NoticeStatus.optional() }),
  response: pageOf(StaffNotice),
});

export const getNotice = defineContract({
  id: 'notices.get',
  method: 'GET',
  path: '/notices/{noticeId}',
  summary: '查看公示（工作人员）',
  auth: 'staff',
  roles: NOTICE_READERS,
  params: z.object({ noticeId: NoticeId }),
  response: StaffNotice,
});

export const listEntries = defineContract({
  id: 'notices.entries',
  method: 'GET',
  path: '/notices/{noticeId}/entries',
  summary: '公示条目（含全名，工作人员）',
  auth: 'staff',
  roles: NOTICE_READERS,
  params: z.object({ noticeId: NoticeId }),
  query: PageQuery,
  response: pageOf(StaffEntry),
});

export const addEntries = defineContract({
  id: 'notices.addEntries',
  method: 'POST',
  path: '/notices/{noticeId}/entries',
  summary: '向草稿添加条目',
  auth: 'staff',
  params: z.object({ noticeId: NoticeId }),
  body: z.object({ entries: z.array(EntryInputBody).min(1).max(2000) }),
  response: StaffNotice,
});

export const publishNotice = defineContract({
  id: 'notices.publish',
  method: 'POST',
  path: '/notices/{noticeId}/publish',
  summary: '发布公示（公示期自次日起算）',
  auth: 'staff',
  params: z.object({ noticeId: NoticeId }),
  response: StaffNotice,
});

export const withdrawNotice = defineContract({
  id: 'notices.withdraw',
  method: 'POST',
  path: '/notices/{noticeId}/withdraw',
  summary: '撤回公示（须填写原因）',
  auth: 'staff',
  params: z.object({ noticeId: NoticeId }),
  body: z.object({ reason: z.string().max(5000) }),
  response: StaffNotice,
});

export const archiveNotice = defineContract({
  id: 'notices.archive',
  method: 'POST',
  path: '/notices/{noticeId}/archive',
  summary: '归档已结束的公示',
  auth: 'staff',
  params: z.object({ noticeId: NoticeId }),
  response: StaffNotice,
});

export const listObjections = defineContract({
  id: 'notices.objections',
  method: 'GET',
  path: '/notices/{noticeId}/objections',
  summary: '公示的异议（异议人姓名与联系方式仅公示发布者可见）',
  auth: 'staff',
  roles: NOTICE_READERS,
  params: z.object({ noticeId: NoticeId }),
  response: z.object({ items: z.array(StaffObjection) }),
});

const ObjectionBody = z.object({
  entryNo: z.number().int(),
  name: z.string().max(5000).optional(),
  /** A telephone number to call back on: mobile or landline with area code (normalised). */
  contact: PhoneNumber.optional(),
  reason: z.string().max(20000),
});

export const recordObjection = defineContract({
  id: 'notices.recordObjection',
  method: 'POST',
  path: '/notices/{noticeId}/objections',
  summary: '登记口头或书面异议（工作人员代录）',
  auth: 'staff',
  params: z.object({ noticeId: NoticeId }),
  body: ObjectionBody,
  response: StaffObjection,
});

export const recordInvestigation = defineContract({
  id: 'notices.investigate',
  method: 'POST',
  path: '/notices/{noticeId}/objections/{objectionId}/investigation',
  summary: '记录异议调查情况',
  auth: 'staff',
  params: z.object({ noticeId: NoticeId, objectionId: ObjectionId }),
  body: z.object({ note: z.string().max(20000) }),
  response: StaffObjection,
});

export const decideObjection = defineContract({
  id: 'notices.decide',
  method: 'POST',
  path: '/notices/{noticeId}/objections/{objectionId}/decision',
  summary: '异议处理结论（成立 / 不成立）',
  auth: 'staff',
  params: z.object({ noticeId: NoticeId, objectionId: ObjectionId }),
  body: z.object({ outcome: z.enum(['upheld', 'rejected']), reason: z.string().max(20000) }),
  response: StaffObjection,
});

export const closeExpired = defineContract({
  id: 'notices.closeExpired',
  method: 'POST',
  path: '/notices/close-expired',
  summary: '立即关闭辖区内已到期的公示（与每日任务相同，可重复执行）',
  auth: 'staff',
  roles: ['county', 'town', 'leading_group'],
  body: z.object({ region: RegionCode }),
  response: z.object({ closed: z.array(z.string()), checked: z.number().int() }),
});

export const printNotice = defineContract({
  id: 'notices.print',
  method: 'GET',
  path: '/notices/{noticeId}/print',
  summary: '打印版公示（含全名，用于村务公开栏张贴）',
  auth: 'staff',
  roles: NOTICE_READERS,
  params: z.object({ noticeId: NoticeId }),
  produces: 'text/html',
});

export const exportNotice = defineContract({
  id: 'notices.export',
  method: 'GET',
  path: '/notices/{noticeId}/export',
  summary: '导出公示条目（CSV / XLSX，含全名）',
  auth: 'staff',
  roles: NOTICE_READERS,
  params: z.object({ noticeId: NoticeId }),
  query: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }),
  produces: 'text/csv',
});

// ---------------- public (anonymous, masked, cacheable) ----------------

export const publicListNotices = defineContract({
  id: 'notices.public.list',
  method: 'GET',
  path: '/public/notices',
  summary: '正在公示的公示公告（按区划）',
  auth: 'public',
  query: PageQuery.extend({ region: RegionCode, type: NoticeType.optional() }),
  response: pageOf(PublicNotice),
});

export const publicGetNotice = defineContract({
  id: 'notices.public.get',
  method: 'GET',
  path: '/public/notices/{noticeId}',
  summary: '公示详情（姓名脱敏）',
  auth: 'public',
  params: z.object({ noticeId: NoticeId }),
  response: PublicNotice,
});

export const publicListEntries = defineContract({
  id: 'notices.public.entries',
  method: 'GET',
  path: '/public/notices/{noticeId}/entries',
  summary: '公示条目（姓名脱敏，分页）',
  auth: 'public',
  params: z.object({ noticeId: NoticeId }),
  query: PageQuery,
  response: pageOf(PublicEntry).extend({
    notice: PublicNotice,
    /** Chinese column names of the fields on this page's lines (field key → 家庭人口, 拟办事项 …). */
    fieldLabels: z.record(z.string(), z.string()),
  }),
});

export const publicLodgeObjection = defineContract({
  id: 'notices.public.objection',
  method: 'POST',
  path: '/public/notices/{noticeId}/objections',
  summary: '对公示中的某一条提出异议（联系方式仅工作人员可见）',
  auth: 'public',
  params: z.object({ noticeId: NoticeId }),
  body: ObjectionBody,
  response: z.object({
    /** The short number to look the outcome up with (publicObjectionStatus). */
    number: z.string(),
    objectionId: z.string(),
    noticeId: z.string(),
    entryNo: z.number().int(),
    status: z.literal('open'),
    lodgedAt: z.string(),
    dueBy: z.string(),
    message: z.string(),
  }),
});

export const PublicObjectionStatus = z.object({
  number: z.string(),
  noticeId: z.string(),
  noticeTitle: z.string(),
  typeName: z.string(),
  entryNo: z.number().int(),
  lodgedOn: z.string(),
  /** Working day by which the publisher answers (workflows.md §4.1 rule 2). */
  dueBy: z.string(),
  status: z.enum(['open', 'upheld', 'rejected']),
  statusName: z.string(),
  decidedOn: z.string().optional(),
  /** What the outcome means for the line, in fixed words (never the staff's free text, which may name people). */
  outcome: z.string(),
});

export const publicObjectionStatus = defineContract({
  id: 'notices.public.objectionStatus',
  method: 'GET',
  path: '/public/objections/{number}',
  summary: '按受理编号查询异议处理结果（不含异议内容和任何个人信息）',
  auth: 'public',
  params: z.object({ number: ObjectionNumber }),
  response: PublicObjectionStatus,
});

export const publicVillageSummary = defineContract({
  id: 'notices.public.village',
  method: 'GET',
  path: '/public/villages/{code}',
  summary: '村级公示汇总（不含个人信息）',
  auth: 'public',
  params: z.object({ code: RegionCode }),
  response: z.object({
    village: z.string(),
    openNotices: z.number().int(),
    byType: z.array(z.object({ type: NoticeType, typeName: z.string(), notices: z.number().int(), entries: z.number().int() })),
    notices: z.array(PublicNotice),
  }),
});

export const publicSearchVillage = defineContract({
  id: 'notices.public.search',
  method: 'GET',
  path: '/public/villages/{code}/search',
  summary: '在一个村内按完整姓名查询是否列入正在公示的名单（精确匹配，只答是否列入哪份公示，不答第几条）',
  auth: 'public',
  params: z.object({ code: RegionCode }),
  query: z.object({ name: z.string().min(1).max(50) }),
  response: z.object({ items: z.array(z.object({ noticeId: z.string(), title: z.string(), typeName: z.string() })) }),
});

export const publicDisclosures = defineContract({
  id: 'notices.public.disclosures',
  method: 'GET',
  path: '/public/disclosures',
  summary: '扶贫资金分配和项目公开（长期公开）',
  auth: 'public',
  query: PageQuery.extend({ region: RegionCode, type: z.enum(['fund-disclosure', 'project-disclosure']).optional() }),
  response: pageOf(PublicNotice),
});
