import type { Role } from '@jingzhun/types';
import { DomainError, type identificationApi, type noticeEvents } from '@jingzhun/types';
import { buildMembers, type HouseholdRecord, type MemberRecord, type MonitorType, memberOf, type RegisterStatus, refresh } from './household.js';
import { checkStep, type Step } from './machine.js';
import { monitoringDueDate } from './monitoring.js';
import type { LineInput } from './poverty-lines.js';

/**
 * Register operations that are not workflow steps: opening a household (an entry application or
 * a monitoring signal), data changes with evidence, natural changes of members (birth, death,
 * marriage, move: 动态调整, 000 ID-10 L3858–3869), helper handovers and support measures.
 */
type CreateBody = identificationApi.CreateHouseholdBody;

/** Opening steps: an application needs the application form and the signed data-check authorisation (ANC §1). */
const OPEN_ENTRY: Step = { action: 'APPLY', from: null, to: 'APPLIED', roles: ['village'], evidence: ['application', 'authorisation'], citation: 'workflows.md §1.3 #1' };
const OPEN_MONITORING: Step = {
  action: 'SIGNAL',
  from: null,
  to: 'SIGNALLED',
  roles: ['village', 'town', 'county'],
  evidence: ['hardship-report'],
  citation: 'workflows.md §1.4 D0',
};

export function openHousehold(body: CreateBody, ctx: { householdId: string; nextId: () => string; today: string; role: Role; lines: readonly LineInput[] }): HouseholdRecord {
  const opening = body.procedure.kind === 'entry' ? OPEN_ENTRY : OPEN_MONITORING;
  checkStep(opening, ctx.role, { action: opening.action, evidence: body.evidence });
  const workflow: HouseholdRecord['workflow'] =
    body.procedure.kind === 'entry'
      ? { kind: 'entry', state: 'APPLIED', startedAt: ctx.today, stepAt: ctx.today, statusBefore: 'APPLYING' }
      : {
          kind: 'monitoring',
          state: 'SIGNALLED',
          startedAt: ctx.today,
          stepAt: ctx.today,
          statusBefore: 'APPLYING',
          monitorType: body.procedure.monitorType,
          signalledAt: ctx.today,
          dueDate: monitoringDueDate(ctx.today),
          cityStandard: body.procedure.cityStandard,
        };
  const record: HouseholdRecord = {
    ...fromForm(body, ctx),
    ...(body.phone ? { phone: body.phone } : {}),
    status: 'APPLYING',
    ...(body.standard ? { standardEntered: body.standard } : {}),
    workflow,
    lastDecision: { action: opening.action, at: ctx.today },
    evidence: body.evidence.map((item) => ({ ...item, at: ctx.today, action: opening.action })),
  };
  return refresh(record, ctx.lines);
}

/**
 * What an opened and a migrated household both take from the form. Head, size, per-capita income
 * and attribute are placeholders here: refresh() derives them from the members and income.
 */
function fromForm(body: Omit<CreateBody, 'procedure' | 'evidence'>, ctx: { householdId: string; nextId: () => string; today: string }) {
  return {
    householdId: ctx.householdId,
    region: body.region,
    group: body.group,
    mainCause: body.mainCause,
    secondaryCauses: body.secondaryCauses,
    standard: body.standard ?? 'provincial',
    income: body.income,
    welfare: body.welfare,
    housing: body.housing,
    // 民政 flags are never taken from the form (004 ID-23 L904): see setMinzhengStatus.
    dibao: false,
    tekun: false,
    members: buildMembers(body.members, ctx.nextId, ctx.today),
    helpers: body.helper ? [body.helper] : [],
    measures: [],
    headName: '',
    size: 0,
    incomePerCapitaFen: 0,
    attribute: '一般贫困户',
  } satisfies Partial<HouseholdRecord>;
}

/**
 * A household already in the national register before this system (存量建档立卡户), loaded with
 * its current status: used by the county's migration and the demo data. Exited households get
 * their policy period from their 销号 date.
 */
export function migratedHousehold(
  body: Omit<CreateBody, 'procedure' | 'evidence'>,
  status: Exclude<RegisterStatus, 'APPLYING'>,
  ctx: {
    householdId: string;
    nextId: () => string;
    today: string;
    registeredAt: string;
    exitedAt?: string;
    policyUntil?: string;
    monitorType?: MonitorType;
    /** For a monitored household: the day it was identified as a monitoring object. */
    monitoringSignalledAt?: string;
    /** The 民政 flags the national register already holds for a 存量 household. */
    minzheng?: { dibao: boolean; tekun: boolean };
    lines: readonly LineInput[];
  },
): HouseholdRecord {
  return refresh(
    {
      ...fromForm(body, ctx),
      ...(ctx.minzheng ?? {}),
      status,
      registeredAt: ctx.registeredAt,
      ...(ctx.exitedAt ? { exitedAt: ctx.exitedAt } : {}),
      ...(ctx.policyUntil ? { policyUntil: ctx.policyUntil } : {}),
      ...(ctx.monitorType ? { monitorType: ctx.monitorType } : {}),
      ...(ctx.monitoringSignalledAt ? { monitoringSignalledAt: ctx.monitoringSignalledAt } : {}),
      lastDecision: { action: 'MIGRATE', at: ctx.today },
      evidence: [],
    },
    ctx.lines,
  );
}

/** Field changes with evidence; returns the record and the names of the fields that changed. */
export function applyChanges(
  household: HouseholdRecord,
  changes: identificationApi.UpdateHouseholdChanges,
  lines: readonly LineInput[],
): { household: HouseholdRecord; changed: string[] } {
  if (household.workflow?.notice) {
    throw new DomainError('NOTICE_PENDING', '公示期间不能修改农户信息（须先处理异议或等公示结束）', 409);
  }
  const changed: string[] = [];
  const next: HouseholdRecord = { ...household };
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (JSON.stringify((household as unknown as Record<string, unknown>)[field]) === JSON.stringify(value)) continue;
    changed.push(field);
    if (field === 'standard') next.standardEntered = value as HouseholdRecord['standard'];
    else (next as unknown as Record<string, unknown>)[field] = value;
  }
  if (changed.length === 0) throw new DomainError('NOTHING_CHANGED', '提交的内容与现有记录相同', 400);
  return { household: refresh(next, lines), changed };
}

/**
 * 低保/特困 status as 民政 decided it (workflows.md §1.1 "Sources of truth"; 004 ID-23 L904): the
 * flags change only here and through a confirmed 民政 comparison hit, never through the household
 * form; the attribute follows (refresh). Returns the names of the flags that changed.
 */
export function setMinzhengStatus(
  household: HouseholdRecord,
  flags: { dibao?: boolean | undefined; tekun?: boolean | undefined },
  lines: readonly LineInput[],
): { household: HouseholdRecord; changed: ('dibao' | 'tekun')[] } {
  const changed = (['dibao', 'tekun'] as const).filter((flag) => flags[flag] !== undefined && flags[flag] !== household[flag]);
  if (changed.length === 0) throw new DomainError('NOTHING_CHANGED', '提交的低保、特困身份与现有记录相同', 400);
  const next = { ...household };
  for (const flag of changed) next[flag] = flags[flag] as boolean;
  return { household: refresh(next, lines), changed };
}

/** Birth, marriage in, move in (动态调整 natural changes). The caller reserves the ID number. */
export function addMember(
  household: HouseholdRecord,
  input: identificationApi.MemberInput,
  memberId: string,
  date: string,
  today: string,
  lines: readonly LineInput[],
): HouseholdRecord {
  if (input.relation === 'head') throw new DomainError('HEAD_REQUIRED', '新增成员不能作为第二名户主；更换户主请修改成员关系', 400);
  if (household.members.some((member) => member.idNumber === input.idNumber)) {
    throw new DomainError('DUPLICATE_ID_NUMBER', '该身份证号已在本户中', 409);
  }
  if (date > today) throw new DomainError('DATE_IN_FUTURE', '变更日期不能晚于今天', 400);
  return refresh({ ...household, members: [...household.members, memberOf(input, memberId, today, date)] }, lines);
}

/** Death, marriage out, move out. A deceased or departed head must be replaced first. */
export function changeMemberStatus(
  household: HouseholdRecord,
  memberId: string,
  status: 'deceased' | 'moved_out',
  date: string,
  today: string,
  lines: readonly LineInput[],
): { household: HouseholdRecord; member: MemberRecord } {
  const member = household.members.find((candidate) => candidate.memberId === memberId);
  if (!member) throw new DomainError('NOT_FOUND', '成员不存在', 404);
  if (member.status !== 'active') throw new DomainError('MEMBER_NOT_ACTIVE', '该成员已不在册', 409);
  if (date > today) throw new DomainError('DATE_IN_FUTURE', '变更日期不能晚于今天', 400);
  if (member.relation === 'head' && household.members.some((m) => m.status === 'active' && m.memberId !== memberId)) {
    throw new DomainError('HEAD_REQUIRED', '户主变更前须先指定新户主（修改成员关系）', 409);
  }
  if (household.members.filter((m) => m.status === 'active').length === 1) {
    throw new DomainError('LAST_MEMBER', '这是本户最后一名在册成员：整户注销请走退出或注销流程', 409);
  }
  const members = household.members.map((m) => (m.memberId === memberId ? { ...m, status, since: date } : m));
  return { household: refresh({ ...household, members }, lines), member };
}

/** 帮扶责任人 handover: the current helper's period ends the day the new one starts (000 ID-13 L546–550). */
export function handOver(household: HouseholdRecord, helper: identificationApi.HelperInputT): HouseholdRecord {
  const current = household.helpers.find((h) => !h.to);
  if (current && helper.from <= current.from) {
    throw new DomainError('HANDOVER_DATE_INVALID', `交接日期须晚于现任帮扶责任人的开始日期 ${current.from}`, 400);
  }
  const helpers = household.helpers.map((h) => (h === current ? { ...h, to: helper.from } : h));
  return { ...household, helpers: [...helpers, helper] };
}

export function addMeasure(household: HouseholdRecord, measure: identificationApi.MeasureInputT, measureId: string): HouseholdRecord {
  return { ...household, measures: [...household.measures, { ...measure, measureId }] };
}

/** The notice line of a household: public fields only (workflows.md §4.3: no ID, income, causes). */
export function noticeEntry(household: HouseholdRecord): noticeEvents.NoticeEntryInput {
  return {
    entryId: household.householdId,
    fullName: household.headName,
    group: household.group,
    region: household.region,
    fields: { size: household.size, attribute: household.attribute },
  };
}
