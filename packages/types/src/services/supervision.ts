import * as z from 'zod';
import { defineContract } from '../contracts.js';
import { IsoDate } from '../period.js';
import { RegionCode } from '../region.js';

/**
 * HTTP contracts of the supervision service (issue 17): responsible units and yearly tasks, the
 * yearly assessment with the one-vote veto, consequences, the rectification ledger, village work
 * teams, pairings, helpers and coverage. Owned by the supervision service.
 *
 * Who reads what: the county poverty office (assessment team) and the leading group read the whole
 * district; a town or a department reads its own unit's records (the handlers filter); towns and
 * villages read the teams of their own villages (region scope).
 */
const Year = z.coerce.number().int().min(2016).max(2100);
const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { message: '编号须为字母、数字、下划线或连字符' });
const Text = (max: number) => z.string().trim().min(1).max(max);
const District = z.object({ district: RegionCode });
const DistrictYear = District.extend({ year: Year });

export const Evidence = z.object({ title: Text(100), reference: Text(100) });
const EvidenceList = z.array(Evidence).max(20);

const SUPERVISORS = ['county', 'leading_group'] as const;
const UNIT_READERS = ['county', 'leading_group', 'town', 'department'] as const;
const TEAM_READERS = ['county', 'leading_group', 'town', 'village'] as const;

// ── Units and tasks ─────────────────────────────────────────────────────────
export const UNIT_KINDS = ['town', 'department', 'zone', 'enterprise'] as const;
export const UnitInput = z.object({
  name: Text(60),
  kind: z.enum(UNIT_KINDS),
  region: RegionCode,
  department: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,31}$/)
    .optional(),
  roadTraffic: z.boolean().optional(),
  heads: z
    .array(z.object({ name: Text(30), post: Text(30) }))
    .max(10)
    .default([]),
  responsibilities: z
    .array(z.object({ text: Text(300), source: Text(100) }))
    .max(50)
    .default([]),
  expectedVersion: z.number().int().min(1).optional(),
});
export const Task = z.object({
  taskId: z.string(),
  unitId: z.string(),
  year: z.number().int(),
  title: z.string(),
  dueOn: z.string(),
  targetCode: z.string().optional(),
  source: z.string(),
  completedOn: z.string().optional(),
  evidence: z.array(Evidence).optional(),
  status: z.enum(['open', 'overdue', 'completed', 'completed-late']),
});
export const Unit = UnitInput.omit({ expectedVersion: true }).extend({
  unitId: z.string(),
  district: z.string(),
  version: z.number().int(),
  tasks: z.array(Task),
});

export const listUnits = defineContract({
  id: 'supervision.listUnits',
  method: 'GET',
  path: '/supervision/districts/{district}/units',
  summary: '责任单位及年度任务（镇、部门只见本单位）',
  auth: 'staff',
  roles: UNIT_READERS,
  params: District,
  query: z.object({ year: Year.optional() }),
  response: z.object({ items: z.array(Unit) }),
});
export const putUnit = defineContract({
  id: 'supervision.putUnit',
  method: 'PUT',
  path: '/supervision/districts/{district}/units/{unitId}',
  summary: '登记或更正责任单位及其职责',
  auth: 'staff',
  roles: ['county'],
  params: District.extend({ unitId: Id }),
  body: UnitInput,
  response: Unit,
});
export const addTask = defineContract({
  id: 'supervision.addTask',
  method: 'POST',
  path: '/supervision/districts/{district}/units/{unitId}/tasks',
  summary: '下达年度任务（有完成期限）',
  auth: 'staff',
  roles: ['county'],
  params: District.extend({ unitId: Id }),
  body: z.object({ year: Year, title: Text(200), dueOn: IsoDate, targetCode: z.string().max(64).optional(), source: Text(100) }),
  response: Task,
});
export const completeTask = defineContract({
  id: 'supervision.completeTask',
  method: 'POST',
  path: '/supervision/districts/{district}/tasks/{taskId}/complete',
  summary: '登记任务完成（须附佐证）',
  auth: 'staff',
  roles: SUPERVISORS,
  params: District.extend({ taskId: Id }),
  body: z.object({ completedOn: IsoDate, evidence: EvidenceList }),
  response: Task,
});

// ── Veto incidents ──────────────────────────────────────────────────────────
export const INCIDENT_KINDS = [
  'target-breach',
  'fatal-accident',
  'report-failure',
  'criticism',
  'hazard-order',
  'illegal-unhandled',
  'safety-assessment-failed',
  'false-exit',
] as const;
export const IncidentInput = z.object({
  unitId: Id,
  year: Year,
  kind: z.enum(INCIDENT_KINDS),
  occurredOn: IsoDate,
  description: Text(500),
  evidence: EvidenceList,
  deaths: z.number().int().min(0).max(1000).optional(),
  responsible: z.boolean().optional(),
  roadTraffic: z.boolean().optional(),
  deadline: IsoDate.optional(),
  rectifiedOn: IsoDate.optional(),
});
export const Incident = IncidentInput.extend({ incidentId: z.string(), recordedAt: z.string() });
export const recordIncident = defineContract({
  id: 'supervision.recordIncident',
  method: 'POST',
  path: '/supervision/districts/{district}/incidents',
  summary: '登记一票否决事项（事故、迟报瞒报、通报批评、整改指令等，须附证据）',
  auth: 'staff',
  roles: SUPERVISORS,
  params: District,
  body: IncidentInput,
  response: Incident,
});
export const listIncidents = defineContract({
  id: 'supervision.listIncidents',
  method: 'GET',
  path: '/supervision/districts/{district}/years/{year}/incidents',
  summary: '本年度一票否决事项（镇、部门只见本单位）',
  auth: 'staff',
  roles: UNIT_READERS,
  params: DistrictYear,
  response: z.object({ items: z.array(Incident) }),
});

// ── Assessment ──────────────────────────────────────────────────────────────
export const Indicator = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
  name: Text(60),
  weight: z.number().positive().max(100),
  source: z.enum(['task-completion', 'dispatch-metric', 'funds-progress', 'filings-on-time', 'rectification-closure', 'survey', 'entered']),
  method: z.enum(['ratio', 'points']),
  min: z.number().min(0),
  max: z.number().max(100),
  basis: Text(200),
  citation: Text(200),
});
export const SchemeBody = z.object({
  name: Text(100),
  indicators: z.array(Indicator).min(1).max(30),
  grades: z.object({ excellent: z.number(), good: z.number(), pass: z.number() }),
  reason: Text(500),
});
export const IndicatorInput = z.union([
  z.object({ code: z.string(), points: z.number() }).strict(),
  z.object({ code: z.string(), achieved: z.number().int(), due: z.number().int() }).strict(),
]);
const Veto = z.object({ rule: z.string(), name: z.string(), citation: z.string(), basis: z.array(z.string()), evidence: z.array(Evidence) });
export const UnitResult = z.object({
  unitId: z.string(),
  unitName: z.string(),
  score: z.object({ total: z.number(), items: z.array(z.object({ code: z.string(), name: z.string(), weight: z.number(), points: z.number(), explanation: z.string() })) }),
  vetoes: z.array(Veto),
  grade: z.enum(['优秀', '良好', '合格', '不合格']),
  eligibleForHonours: z.boolean(),
  award: z.string().nullable(),
  criticised: z.boolean(),
  rank: z.number().int(),
});
export const Assessment = z.object({
  district: z.string(),
  year: z.number().int(),
  status: z.enum(['draft', 'computed', 'reviewed', 'approved', 'published']),
  scheme: z.object({ schemeId: z.string(), name: z.string(), indicators: z.array(Indicator), grades: z.object({ excellent: z.number(), good: z.number(), pass: z.number() }) }),
  entered: z.record(z.string(), z.array(IndicatorInput)),
  results: z.array(UnitResult),
  computedAt: z.string().optional(),
  reviewedAt: z.string().optional(),
  approvedAt: z.string().optional(),
  publishedAt: z.string().optional(),
  version: z.number().int(),
});
export const getAssessment = defineContract({
  id: 'supervision.getAssessment',
  method: 'GET',
  path: '/supervision/districts/{district}/years/{year}/assessment',
  summary: '年度考核（方案、得分及每项得分说明、一票否决）；镇、部门在通报前只见本单位',
  auth: 'staff',
  roles: UNIT_READERS,
  params: DistrictYear,
  response: Assessment,
});
export const putScheme = defineContract({
  id: 'supervision.putScheme',
  method: 'PUT',
  path: '/supervision/districts/{district}/years/{year}/assessment/scheme',
  summary: '设定年度考核方案（指标、分值、评分范围、数据来源）',
  auth: 'staff',
  roles: ['county'],
  params: DistrictYear,
  body: SchemeBody,
  response: Assessment,
});
export const enterScores = defineContract({
  id: 'supervision.enterScores',
  method: 'PUT',
  path: '/supervision/districts/{district}/years/{year}/assessment/units/{unitId}',
  summary: '录入单位的考核数据（评分须在指标范围内；批准后不可更改）',
  auth: 'staff',
  roles: ['county'],
  params: DistrictYear.extend({ unitId: Id }),
  body: z.object({ inputs: z.array(IndicatorInput).min(1).max(30) }),
  response: Assessment,
});
const step = (id: string, path: string, summary: string, roles: readonly ('county' | 'leading_group')[]) =>
  defineContract({
    id,
    method: 'POST',
    path: `/supervision/districts/{district}/years/{year}/assessment/${path}`,
    summary,
    auth: 'staff',
    roles,
    params: DistrictYear,
    body: z.object({ reason: z.string().max(500).optional() }).optional(),
    response: Assessment,
  });
export const computeAssessment = step('supervision.compute', 'compute', '计算考核结果（含一票否决）', ['county']);
export const reviewAssessment = step('supervision.review', 'review', '考核组审核，提交领导小组审批', ['county']);
export const approveAssessment = step('supervision.approve', 'approve', '领导小组批准考核结果（此后不可更改；生成约谈、组织调整、奖励记录）', ['leading_group']);
export const publishAssessment = step('supervision.publish', 'publish', '发布考核结果通报', ['leading_group', 'county']);

export const AuditEntry = z.object({
  subject: z.string(),
  at: z.string(),
  action: z.string(),
  actor: z.unknown(),
  reason: z.string().optional(),
  before: z.unknown(),
  after: z.unknown(),
});
export const listAudit = defineContract({
  id: 'supervision.listAudit',
  method: 'GET',
  path: '/supervision/districts/{district}/years/{year}/audit',
  summary: '本年度考核、否决、后果和整改的操作及拒绝记录',
  auth: 'staff',
  roles: SUPERVISORS,
  params: DistrictYear,
  response: z.object({ items: z.array(AuditEntry) }),
});

// ── Consequences ────────────────────────────────────────────────────────────
export const Consequence = z.object({
  consequenceId: z.string(),
  year: z.number().int(),
  unitId: z.string(),
  unitName: z.string(),
  kind: z.enum(['interview', 'reorganisation', 'reward']),
  name: z.string(),
  citation: z.string(),
  basis: z.array(z.string()),
  heads: z.array(z.object({ name: z.string(), post: z.string() })),
  status: z.enum(['proposed', 'done', 'declined']),
  decision: z.object({ on: z.string(), summary: z.string(), evidence: z.array(Evidence), by: z.string() }).optional(),
  version: z.number().int(),
});
export const listConsequences = defineContract({
  id: 'supervision.listConsequences',
  method: 'GET',
  path: '/supervision/districts/{district}/years/{year}/consequences',
  summary: '考核结果运用：约谈、组织调整建议、提前完成奖励（镇、部门只见本单位）',
  auth: 'staff',
  roles: UNIT_READERS,
  params: DistrictYear,
  response: z.object({ items: z.array(Consequence) }),
});
export const decideConsequence = defineContract({
  id: 'supervision.decideConsequence',
  method: 'POST',
  path: '/supervision/districts/{district}/years/{year}/consequences/{consequenceId}/decision',
  summary: '登记约谈已进行、组织调整或奖励的决定（须附记录或文件）',
  auth: 'staff',
  roles: SUPERVISORS,
  params: DistrictYear.extend({ consequenceId: Id }),
  body: z.object({ outcome: z.enum(['done', 'declined']), on: IsoDate, summary: Text(1000), evidence: EvidenceList.min(1), expectedVersion: z.number().int().min(1) }),
  response: Consequence,
});

// ── Rectification ledger ────────────────────────────────────────────────────
export const FINDING_SOURCES = ['inspection', 'audit', 'complaint', 'monitoring', 'first-secretary-check'] as const;
export const Finding = z.object({
  findingId: z.string(),
  district: z.string(),
  source: z.enum(FINDING_SOURCES),
  title: z.string(),
  description: z.string(),
  foundOn: z.string(),
  ownerUnitId: z.string(),
  ownerUnitName: z.string(),
  deadline: z.string(),
  status: z.enum(['open', 'submitted', 'closed']),
  escalation: z.number().int(),
  progress: z.array(z.object({ at: z.string(), by: z.string(), measures: z.string(), evidence: z.array(Evidence) })),
  review: z.object({ at: z.string(), by: z.string(), role: z.string(), outcome: z.enum(['closed', 'returned']), opinion: z.string(), evidence: z.array(Evidence) }).optional(),
  closedOn: z.string().optional(),
  version: z.number().int(),
});
export const createFinding = defineContract({
  id: 'supervision.createFinding',
  method: 'POST',
  path: '/supervision/districts/{district}/findings',
  summary: '登记督查、审计、投诉或监测发现的问题，列入整改台账',
  auth: 'staff',
  roles: SUPERVISORS,
  params: District,
  body: z.object({ source: z.enum(FINDING_SOURCES), title: Text(200), description: Text(1000), foundOn: IsoDate, ownerUnitId: Id, deadline: IsoDate }),
  response: Finding,
});
export const listFindings = defineContract({
  id: 'supervision.listFindings',
  method: 'GET',
  path: '/supervision/districts/{district}/findings',
  summary: '整改台账（责任单位只见本单位的事项）',
  auth: 'staff',
  roles: UNIT_READERS,
  params: District,
  query: z.object({ status: z.enum(['open', 'submitted', 'closed', 'overdue']).optional() }),
  response: z.object({ items: z.array(Finding) }),
});
export const reportProgress = defineContract({
  id: 'supervision.reportProgress',
  method: 'POST',
  path: '/supervision/districts/{district}/findings/{findingId}/progress',
  summary: '责任单位报送整改措施和佐证材料',
  auth: 'staff',
  roles: ['town', 'department'],
  params: District.extend({ findingId: Id }),
  body: z.object({ measures: Text(2000), evidence: EvidenceList, expectedVersion: z.number().int().min(1) }),
  response: Finding,
});
export const reviewFinding = defineContract({
  id: 'supervision.reviewFinding',
  method: 'POST',
  path: '/supervision/districts/{district}/findings/{findingId}/review',
  summary: '复核整改：销号（须附佐证）或退回；责任单位不能为自己销号',
  auth: 'staff',
  // Towns and departments reach the handler so that a self-closing attempt is refused and audited there.
  roles: [...SUPERVISORS, 'town', 'department'],
  params: District.extend({ findingId: Id }),
  body: z.object({ outcome: z.enum(['closed', 'returned']), opinion: Text(1000), evidence: EvidenceList.default([]), expectedVersion: z.number().int().min(1) }),
  response: Finding,
});

// ── Villages, teams, pairings, helpers, coverage ────────────────────────────
export const Assignment = z.object({
  assignmentId: z.string(),
  village: z.string(),
  personId: z.string(),
  personName: z.string(),
  unitName: z.string(),
  level: z.enum(['city', 'district', 'town']),
  role: z.enum(['first-secretary', 'leader', 'member']),
  from: z.string(),
  termEnds: z.string(),
  endedOn: z.string().optional(),
  endReason: z.enum(['term-ended', 'replaced', 'recalled', 'other']).optional(),
  version: z.number().int(),
});
export const TeamCheck = z.object({
  checkId: z.string(),
  village: z.string(),
  kind: z.enum(['quarterly-inspection', 'attendance', 'visit', 'yearly-report']),
  on: z.string(),
  result: z.string(),
  by: z.string(),
});
export const Pairing = z.object({
  pairingId: z.string(),
  village: z.string(),
  partnerName: z.string(),
  partnerKind: z.enum(['unit', 'civilised-unit', 'enterprise']),
  from: z.string(),
  commitments: z.array(z.string()),
  actions: z.array(z.object({ on: z.string(), what: z.string(), amountFen: z.number().int() })),
  version: z.number().int(),
});
export const KeyVillage = z.object({
  village: z.string(),
  name: z.string(),
  town: z.string(),
  townName: z.string(),
  level: z.enum(['provincial', 'municipal']),
  taskDone: z.boolean(),
  team: z.array(Assignment),
  checks: z.array(TeamCheck),
  pairings: z.array(Pairing),
  version: z.number().int(),
});
export const listVillages = defineContract({
  id: 'supervision.listVillages',
  method: 'GET',
  path: '/supervision/districts/{district}/villages',
  summary: '扶贫工作重点村及其驻村工作队、督查记录和结对帮扶（镇、村只见本辖区）',
  auth: 'staff',
  roles: TEAM_READERS,
  params: District,
  response: z.object({ items: z.array(KeyVillage) }),
});
export const putVillage = defineContract({
  id: 'supervision.putVillage',
  method: 'PUT',
  path: '/supervision/districts/{district}/villages/{village}',
  summary: '登记扶贫工作重点村（或登记其脱贫任务已完成）',
  auth: 'staff',
  roles: ['county'],
  params: District.extend({ village: RegionCode }),
  body: z.object({
    name: Text(40),
    townName: Text(40),
    level: z.enum(['provincial', 'municipal']),
    taskDone: z.boolean().default(false),
    expectedVersion: z.number().int().min(1).optional(),
  }),
  response: KeyVillage,
});
export const assignMember = defineContract({
  id: 'supervision.assignMember',
  method: 'POST',
  path: '/supervision/districts/{district}/assignments',
  summary: '选派第一书记或驻村工作队员（同一人不能同时驻两个村）',
  auth: 'staff',
  roles: ['county', 'town'],
  params: District,
  body: z.object({
    village: RegionCode,
    personId: Id,
    personName: Text(30),
    unitName: Text(60),
    level: z.enum(['city', 'district', 'town']),
    role: z.enum(['first-secretary', 'leader', 'member']),
    from: IsoDate,
    termEnds: IsoDate,
  }),
  response: Assignment,
});
export const endAssignment = defineContract({
  id: 'supervision.endAssignment',
  method: 'POST',
  path: '/supervision/districts/{district}/assignments/{assignmentId}/end',
  summary: '办理离任交接（重点村任务未完成不得撤回）',
  auth: 'staff',
  roles: ['county', 'town'],
  params: District.extend({ assignmentId: Id }),
  body: z.object({ on: IsoDate, reason: z.enum(['term-ended', 'replaced', 'recalled', 'other']), note: z.string().max(500).optional(), expectedVersion: z.number().int().min(1) }),
  response: Assignment,
});
export const recordTeamCheck = defineContract({
  id: 'supervision.recordTeamCheck',
  method: 'POST',
  path: '/supervision/districts/{district}/villages/{village}/checks',
  summary: '登记第一书记和工作队的督查、考勤、走访或年度述职',
  auth: 'staff',
  roles: ['county', 'town'],
  params: District.extend({ village: RegionCode }),
  body: z.object({ kind: z.enum(['quarterly-inspection', 'attendance', 'visit', 'yearly-report']), on: IsoDate, result: Text(1000) }),
  response: TeamCheck,
});
export const addPairing = defineContract({
  id: 'supervision.addPairing',
  method: 'POST',
  path: '/supervision/districts/{district}/villages/{village}/pairings',
  summary: '登记单位或企业与村结对帮扶及其承诺',
  auth: 'staff',
  roles: ['county'],
  params: District.extend({ village: RegionCode }),
  body: z.object({ partnerName: Text(60), partnerKind: z.enum(['unit', 'civilised-unit', 'enterprise']), from: IsoDate, commitments: z.array(Text(300)).min(1).max(20) }),
  response: Pairing,
});
export const recordPairingAction = defineContract({
  id: 'supervision.recordPairingAction',
  method: 'POST',
  path: '/supervision/districts/{district}/villages/{village}/pairings/{pairingId}/actions',
  summary: '登记结对帮扶落实情况（金额以分计）',
  auth: 'staff',
  roles: ['county', 'town'],
  params: District.extend({ village: RegionCode, pairingId: Id }),
  body: z.object({ on: IsoDate, what: Text(300), amountFen: z.number().int().min(0).max(1e12), expectedVersion: z.number().int().min(1) }),
  response: Pairing,
});
export const setHelper = defineContract({
  id: 'supervision.setHelper',
  method: 'PUT',
  path: '/supervision/districts/{district}/households/{householdId}/helper',
  summary: '落实贫困户帮扶责任人',
  auth: 'staff',
  roles: ['county', 'town', 'village'],
  params: District.extend({ householdId: Id }),
  body: z.object({ helperName: Text(30), helperUnit: Text(60), from: IsoDate }),
  response: z.object({ householdId: z.string(), village: z.string(), helperName: z.string(), helperUnit: z.string(), from: z.string() }),
});
export const Coverage = z.object({
  district: z.string(),
  on: z.string(),
  keyVillages: z.number().int(),
  covered: z.number().int(),
  gaps: z.array(z.object({ village: z.string(), name: z.string(), missing: z.array(z.enum(['first-secretary', 'team'])) })),
  poorHouseholds: z.number().int(),
  withHelper: z.number().int(),
  withoutHelper: z.array(z.object({ householdId: z.string(), village: z.string() })),
  overdue: z.array(z.object({ kind: z.enum(['task', 'finding']), id: z.string(), unitName: z.string(), title: z.string(), dueOn: z.string(), region: z.string() })),
});
export const getCoverage = defineContract({
  id: 'supervision.getCoverage',
  method: 'GET',
  path: '/supervision/districts/{district}/coverage',
  summary: '驻村帮扶覆盖检查（今日实时计算：重点村第一书记和工作队、贫困户帮扶责任人）',
  auth: 'staff',
  roles: ['county', 'leading_group', 'town'],
  params: District,
  response: Coverage,
});
