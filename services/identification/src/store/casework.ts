import { getItem, queryAll, queryPage, type UnitOfWork } from '@jingzhun/platform';
import { caseworkEvents, DomainError, regionLevel } from '@jingzhun/types';
import { type AssistanceCase, holdsStatus } from '../domain/casework/assistance.js';
import { type CaseworkParameters, defaultParameters } from '../domain/casework/parameters.js';
import { type AidCase, isOpenAid } from '../domain/casework/temporary-aid.js';
import { type Stored, table } from './households.js';
import { caseworkKeys } from './keys.js';

/**
 * The identification table's 民政 case work items (issue 20): 低保/特困 cases with the guard that
 * keeps one open case of a kind per household, temporary-aid cases and the county's parameters.
 */
export type CaseItem = AssistanceCase & Stored;
export type AidItem = AidCase & Stored;
export type ParametersItem = CaseworkParameters & Partial<Stored>;

const KEY_FIELDS = ['pk', 'sk', 'entity', 'version', 'createdAt', 'updatedAt', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'] as const;

export function strip<T>(item: T & Partial<Stored>): T {
  const copy = { ...item } as Record<string, unknown>;
  for (const key of KEY_FIELDS) delete copy[key];
  return copy as T;
}

const notFound = (what: string) => new DomainError('NOT_FOUND', `${what}不存在`, 404);

export async function loadCase(caseId: string): Promise<CaseItem> {
  const item = await getItem<CaseItem>(table(), caseworkKeys.case(caseId));
  if (!item) throw notFound('案件');
  return item;
}

export async function loadAid(aidId: string): Promise<AidItem> {
  const item = await getItem<AidItem>(table(), caseworkKeys.aid(aidId));
  if (!item) throw notFound('临时救助');
  return item;
}

export async function loadParameters(county: string): Promise<ParametersItem> {
  return (await getItem<ParametersItem>(table(), caseworkKeys.parameters(county))) ?? { ...defaultParameters(county), version: 0 };
}

/** Whether an open case of the kind governs the household's 民政 flag (then the flag follows the case only). */
export async function openCaseOf(householdId: string, kind: string): Promise<{ caseId: string } | undefined> {
  return getItem<{ caseId: string }>(table(), caseworkKeys.openCase(householdId, kind));
}

const duplicateCase = () => new DomainError('CASE_ALREADY_OPEN', '该户已有同类未结案件，请在原案件中办理', 409);

/** A new case, its guard (one open case per household and kind) and its audit, in one transaction. */
export function createCase(uow: UnitOfWork, record: AssistanceCase): CaseItem {
  const stored = uow.create({
    ...record,
    ...caseworkKeys.case(record.caseId),
    ...caseworkKeys.caseIndexes(record.region, record.caseId),
    entity: 'assistance-case',
  }) as unknown as CaseItem;
  uow.create({ ...caseworkKeys.openCase(record.householdId, record.kind), entity: 'case-guard', caseId: record.caseId }, duplicateCase());
  uow.audit({ subject: caseworkKeys.caseAuditSubject(record.caseId), action: 'APPLY', after: auditView(record) });
  emitCase(uow, record);
  return stored;
}

/** Replaces a case at its version; a case that closes releases its guard. */
export function writeCase(uow: UnitOfWork, before: CaseItem, after: AssistanceCase, action: string, reason?: string): CaseItem {
  const stored = uow.replace({
    ...after,
    ...caseworkKeys.case(after.caseId),
    ...caseworkKeys.caseIndexes(after.region, after.caseId),
    entity: 'assistance-case',
    version: before.version,
    createdAt: before.createdAt,
  }) as unknown as CaseItem;
  if (after.closedOn && !before.closedOn) uow.delete(caseworkKeys.openCase(after.householdId, after.kind));
  const [was, now] = [dueMarker(before), dueMarker(after)];
  if (was?.sk !== now?.sk) {
    if (was) uow.delete(was);
    if (now) uow.put({ ...now, entity: 'case-due', caseId: after.caseId });
  }
  uow.audit({ subject: caseworkKeys.caseAuditSubject(after.caseId), action, before: auditView(before), after: auditView(after), ...(reason ? { reason } : {}) });
  emitCase(uow, after);
  return stored;
}

function dueMarker(c: AssistanceCase): { pk: string; sk: string } | undefined {
  return c.state === 'GRADUAL_EXIT' && c.gradualExit ? caseworkKeys.gradualExitDue(c.gradualExit.endsOn, c.caseId) : undefined;
}

/** The 渐退 periods whose last day is before `today`. */
export async function gradualExitsEndedBefore(today: string): Promise<{ caseId: string }[]> {
  const items = await queryAll<{ sk: string; caseId: string }>({ table: table(), ...caseworkKeys.gradualExitsDue() });
  return items.filter((item) => item.sk.slice(0, 10) < today).map((item) => ({ caseId: item.caseId }));
}

function emitCase(uow: UnitOfWork, c: AssistanceCase): void {
  uow.emit(caseworkEvents.assistanceCaseChanged, `assistance-case/${c.caseId}`, {
    caseId: c.caseId,
    kind: c.kind,
    householdId: c.householdId,
    region: c.region,
    state: c.state,
    holdsStatus: holdsStatus(c),
    ...(c.care ? { care: { canSelfCare: c.care.canSelfCare, centralised: c.care.centralised } } : {}),
    at: uow.timestamp,
  });
}

/** The audit keeps the state and decisions, not the history list (the audit trail is the history). */
function auditView(c: AssistanceCase | AidCase): Record<string, unknown> {
  const { history: _h, ...rest } = strip(c as AssistanceCase & Partial<Stored>) as AssistanceCase;
  return rest as unknown as Record<string, unknown>;
}

export function createAid(uow: UnitOfWork, record: AidCase): AidItem {
  const stored = uow.create({
    ...record,
    ...caseworkKeys.aid(record.aidId),
    ...caseworkKeys.aidIndexes(record.region, record.aidId),
    entity: 'temporary-aid',
  }) as unknown as AidItem;
  uow.audit({ subject: caseworkKeys.aidAuditSubject(record.aidId), action: 'APPLY', after: auditView(record) });
  emitAid(uow, record);
  return stored;
}

export function writeAid(uow: UnitOfWork, before: AidItem, after: AidCase, action: string, reason?: string): AidItem {
  const stored = uow.replace({
    ...after,
    ...caseworkKeys.aid(after.aidId),
    ...caseworkKeys.aidIndexes(after.region, after.aidId),
    entity: 'temporary-aid',
    version: before.version,
    createdAt: before.createdAt,
  }) as unknown as AidItem;
  uow.audit({ subject: caseworkKeys.aidAuditSubject(after.aidId), action, before: auditView(before), after: auditView(after), ...(reason ? { reason } : {}) });
  emitAid(uow, after);
  return stored;
}

function emitAid(uow: UnitOfWork, c: AidCase): void {
  const open = isOpenAid(c);
  const last = c.history[c.history.length - 1];
  uow.emit(caseworkEvents.temporaryAidChanged, `temporary-aid/${c.aidId}`, {
    aidId: c.aidId,
    householdId: c.householdId,
    region: c.region,
    emergency: c.emergency,
    state: c.state,
    amountFen: c.amountFen,
    openedOn: (c.history[0]?.at ?? c.reportedAt).slice(0, 10),
    ...(open ? { deadline: c.deadline } : {}),
    ...(!open && last ? { completedOn: last.at.slice(0, 10) } : {}),
    at: uow.timestamp,
  });
}

/** A refused step leaves its trace (issue 20 "Bad input": nothing written, audited): one audit item only. */
export function auditRefusal(uow: UnitOfWork, subject: string, action: string, error: DomainError, detail: Record<string, unknown>): void {
  uow.audit({ subject, action: `REFUSED:${action}`, after: { code: error.code, message: error.message, ...detail }, reason: error.message });
}

function regionTarget<K extends 'cases' | 'aid'>(kind: K, region: string) {
  const level = regionLevel(region);
  if (level !== 'county' && level !== 'town' && level !== 'village') throw new DomainError('REGION_TOO_BROAD', '请按区县、镇（街）或村查询', 400);
  const target =
    kind === 'cases'
      ? level === 'county'
        ? caseworkKeys.casesByCounty(region)
        : caseworkKeys.casesByTown(region)
      : level === 'county'
        ? caseworkKeys.aidByCounty(region)
        : caseworkKeys.aidByTown(region);
  return { ...target, ...(level === 'village' ? { sortKeyPrefix: caseworkKeys.villagePrefix(region, target.index as 'gsi1') } : {}) };
}

function stateFilter(filters: Record<string, string | undefined>) {
  const entries = Object.entries(filters).filter(([, value]) => value !== undefined) as [string, string][];
  if (entries.length === 0) return {};
  return {
    filter: {
      FilterExpression: entries.map(([name]) => `#${name} = :${name}`).join(' AND '),
      ExpressionAttributeNames: Object.fromEntries(entries.map(([name]) => [`#${name}`, name])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([name, value]) => [`:${name}`, value])),
    },
  };
}

export async function listCasesIn(region: string, options: { limit: number; cursor?: string | undefined; kind?: string | undefined; state?: string | undefined }) {
  return queryPage<CaseItem>({
    table: table(),
    ...regionTarget('cases', region),
    limit: options.limit,
    ...(options.cursor ? { cursor: options.cursor } : {}),
    ...stateFilter({ kind: options.kind, state: options.state }),
  });
}

export async function allCasesIn(region: string): Promise<CaseItem[]> {
  return queryAll<CaseItem>({ table: table(), ...regionTarget('cases', region) });
}

export async function listAidIn(region: string, options: { limit: number; cursor?: string | undefined; state?: string | undefined }) {
  return queryPage<AidItem>({
    table: table(),
    ...regionTarget('aid', region),
    limit: options.limit,
    ...(options.cursor ? { cursor: options.cursor } : {}),
    ...stateFilter({ state: options.state }),
  });
}
