import { type Actor, type Clock, httpHandler, type IdGenerator, type UnitOfWork } from '@jingzhun/platform';
import { caseworkApi, DomainError, isWithinRegion, type StaffClaims, shanghaiDate } from '@jingzhun/types';
import { PUBLISHED } from '../domain/actions.js';
import * as cases from '../domain/casework/assistance.js';
import { assertParameters, type CaseworkParameters } from '../domain/casework/parameters.js';
import * as aid from '../domain/casework/temporary-aid.js';
import { setMinzhengStatus } from '../domain/register.js';
import {
  type AidItem,
  allCasesIn,
  auditRefusal,
  type CaseItem,
  createAid,
  createCase,
  listAidIn,
  listCasesIn,
  loadAid,
  loadCase,
  loadParameters,
  strip,
  writeAid,
  writeCase,
} from '../store/casework.js';
import { assertVersion, type HouseholdItem, loadHousehold, stripItem, unitOfWork, writeHousehold } from '../store/households.js';
import { caseworkKeys } from '../store/keys.js';
import { loadLineEntries } from '../store/reference.js';

/**
 * 民政 case work routes (issue 20): 低保/特困 cases and temporary aid. Each step loads the case,
 * checks the caller's region and role for the step, applies the pure rule and writes the case, its
 * audit, its event and (when the status changes) the household's 低保/特困 flag in one transaction.
 * A refused step writes nothing but its audit record.
 */

const countyOf = (region: string) => `${region.slice(0, 6)}000000`;

function caseView(item: CaseItem, today: string): caseworkApi.AssistanceCase {
  const record = strip(item) as cases.AssistanceCase;
  return { ...record, kindZh: cases.CASE_KIND_ZH[record.kind], stateZh: cases.CASE_STATE_ZH[record.state], alerts: cases.alertsOf(record, today), version: item.version };
}

function aidView(item: AidItem, nowIso: string): caseworkApi.AidCase {
  const record = strip(item) as aid.AidCase;
  return {
    ...record,
    approverZh: record.approver === 'town' ? '乡镇（街道）审批' : '区县民政部门审批',
    stateZh: aid.AID_STATE_ZH[record.state],
    overdue: aid.isAidOverdue(record, nowIso),
    version: item.version,
  };
}

const isMinzheng = (staff: StaffClaims) => staff.role === 'department' && staff.department === 'minzheng';

const STEP_ROLES = caseworkApi.CASE_STEP_ROLES;
const STEP_ROLES_ZH = { village: '村两委', town: '镇（街）', minzheng: '区县民政部门' };

function assertStepRole(action: caseworkApi.CaseAction['action'], staff: StaffClaims): void {
  const allowed = STEP_ROLES[action];
  const as = isMinzheng(staff) ? 'minzheng' : staff.role;
  if (!(allowed as readonly string[]).includes(as)) {
    throw new DomainError('FORBIDDEN', `这一步由${allowed.map((r) => STEP_ROLES_ZH[r]).join('或')}办理`, 403);
  }
}

/**
 * Runs a step; a refusal by the rules (a 4xx DomainError) is audited on the subject before it goes
 * back to the caller, and nothing else is written (issue 20 "Bad input").
 */
async function refusalsAudited<T>(
  subject: string,
  action: string,
  deps: { clock: Clock; ids: IdGenerator; actor: Actor },
  detail: Record<string, unknown>,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError && error.status >= 400 && error.status < 500 && error.code !== 'VERSION_CONFLICT' && error.code !== 'NOT_FOUND') {
      const uow = unitOfWork(deps.clock, deps.ids, deps.actor);
      auditRefusal(uow, subject, action, error, detail);
      await uow.commit();
    }
    throw error;
  }
}

function householdFacts(item: HouseholdItem): cases.HouseholdFacts {
  return { householdId: item.householdId, region: item.region, headName: item.headName, status: item.status, members: item.members };
}

/**
 * The household's 低保/特困 flag follows the case (004 ID-23 L904: 民政 is the source of the status):
 * set when the case reaches 在保, kept through 渐退 and until cancelled, cleared when it closes.
 */
async function syncFlag(uow: UnitOfWork, household: HouseholdItem, before: cases.AssistanceCase | undefined, after: cases.AssistanceCase): Promise<void> {
  const held = before ? cases.holdsStatus(before) : false;
  const holds = cases.holdsStatus(after);
  if (held === holds || household[after.kind] === holds) return;
  const { household: next, changed } = setMinzhengStatus(stripItem(household), { [after.kind]: holds }, await loadLineEntries());
  writeHousehold(
    uow,
    household,
    next,
    { action: `MINZHENG_CASE:${after.kind}:${after.state}`, reason: `${cases.CASE_KIND_ZH[after.kind]}案件${cases.CASE_STATE_ZH[after.state]}` },
    PUBLISHED(next.status) ? ['changed'] : [],
    changed,
  );
}

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

export const getParameters = httpHandler(caseworkApi.getParameters, async ({ params, assertInScope }) => {
  assertInScope(params.county);
  const item = await loadParameters(params.county);
  return { ...strip(item), version: item.version ?? 0, updatedAt: item.updatedAt ?? null };
});

export const putParameters = httpHandler(caseworkApi.putParameters, async ({ params, body, actor, assertInScope, clock, ids }) => {
  assertInScope(params.county);
  const before = await loadParameters(params.county);
  assertVersion({ version: before.version ?? 0 }, body.version);
  const { version: _v, reason, ...values } = body;
  const next: CaseworkParameters = { ...values, county: countyOf(params.county) };
  assertParameters(next);
  const uow = unitOfWork(clock, ids, actor);
  const item = { ...next, ...caseworkKeys.parameters(params.county), entity: 'casework-parameters' };
  const stored = before.version ? uow.replace({ ...item, version: before.version, createdAt: before.createdAt }) : uow.create(item);
  uow.audit({ subject: caseworkKeys.parametersAuditSubject(params.county), action: 'SET_PARAMETERS', before: before.version ? strip(before) : undefined, after: next, reason });
  await uow.commit();
  return { ...next, version: stored.version, updatedAt: uow.timestamp };
});

// ---------------------------------------------------------------------------------------------
// 低保 and 特困 cases
// ---------------------------------------------------------------------------------------------

export const openCase = httpHandler(caseworkApi.openCase, async ({ body, staff, actor, assertInScope, clock, ids }) => {
  const household = await loadHousehold(body.householdId);
  assertInScope(household.region);
  const today = shanghaiDate(clock.now());
  const parameters = await loadParameters(household.region);
  const record = cases.openCase(householdFacts(household), body, ids.next(), { today, actorName: staff().name, parameters });
  const uow = unitOfWork(clock, ids, actor);
  const item = createCase(uow, record);
  await uow.commit();
  return caseView(item, today);
});

export const listCases = httpHandler(caseworkApi.listCases, async ({ query, assertInScope, clock }) => {
  assertInScope(query.region);
  const page = await listCasesIn(query.region, query);
  const today = shanghaiDate(clock.now());
  return { items: page.items.map((item) => caseView(item, today)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
});

export const getCase = httpHandler(caseworkApi.getCase, async ({ params, assertInScope, clock }) => {
  const item = await loadCase(params.caseId);
  assertInScope(item.region);
  return caseView(item, shanghaiDate(clock.now()));
});

function nextCase(c: cases.AssistanceCase, household: cases.HouseholdFacts, body: caseworkApi.CaseAction, ctx: cases.StepContext): cases.AssistanceCase {
  switch (body.action) {
    case 'VERIFY':
      return cases.recordVerification(c, household, body.verification, body.evidence, ctx);
    case 'FILE':
      return cases.recordFiling(c, body.ref, ctx);
    case 'APPRAISE':
      return cases.recordAppraisal(c, body.meeting, body.evidence, ctx);
    case 'NOTICE':
      return cases.recordNotice(c, body.postedOn, body.evidence, ctx);
    case 'APPROVE':
      return cases.approve(c, body.evidence, ctx, body.care);
    case 'REJECT':
      return cases.reject(c, body.reason, body.evidence, ctx);
    case 'REVIEW':
      return cases.review(c, household, body.verification, body.evidence, ctx);
    case 'MARK_INELIGIBLE':
      return cases.markIneligible(c, body.reason, body.evidence, ctx);
    case 'CANCEL':
      return cases.cancel(c, body.evidence, ctx);
    case 'EXTEND_GRADUAL_EXIT':
      return cases.extendGradualExit(c, body.months, body.reason, ctx);
    case 'CHANGE_CARE':
      return cases.changeCare(c, body.care, body.evidence, ctx);
  }
}

export const caseAction = httpHandler(caseworkApi.caseAction, async ({ params, body, staff, actor, assertInScope, clock, ids }) => {
  const item = await loadCase(params.caseId);
  assertInScope(item.region);
  assertVersion(item, body.version);
  const today = shanghaiDate(clock.now());
  const subject = caseworkKeys.caseAuditSubject(item.caseId);
  return refusalsAudited(subject, body.action, { clock, ids, actor }, { body }, async () => {
    assertStepRole(body.action, staff());
    const [household, parameters] = await Promise.all([loadHousehold(item.householdId), loadParameters(item.region)]);
    const before = strip(item) as cases.AssistanceCase;
    const after = nextCase(before, householdFacts(household), body, { today, actorName: staff().name, parameters });
    const uow = unitOfWork(clock, ids, actor);
    const stored = writeCase(uow, item, after, body.action, 'reason' in body ? body.reason : undefined);
    await syncFlag(uow, household, before, after);
    await uow.commit();
    return caseView(stored, today);
  });
});

export const careRate = httpHandler(caseworkApi.careRate, async ({ query, assertInScope }) => {
  assertInScope(query.region);
  const all = await allCasesIn(query.region);
  return { region: query.region, ...cases.centralisedCareRate(all) };
});

/** Daily job (workflows.md §6 `cron(15 1 * * ? *)`, 004 ID-31 L322): a 渐退 past its last day ends the case and the 低保 flag. */
export async function endGradualExits(today: string, clock: Clock, ids: IdGenerator, due: () => Promise<{ caseId: string }[]>): Promise<{ ended: number }> {
  let ended = 0;
  for (const { caseId } of await due()) {
    const item = await loadCase(caseId);
    const after = cases.endGradualExitIfDue(strip(item) as cases.AssistanceCase, today);
    if (!after) continue;
    const household = await loadHousehold(item.householdId);
    const uow = unitOfWork(clock, ids, { sub: 'job:casework-daily', role: 'system', name: '低保渐退到期' });
    writeCase(uow, item, after, 'GRADUAL_EXIT_ENDED');
    await syncFlag(uow, household, strip(item) as cases.AssistanceCase, after);
    await uow.commit();
    ended++;
  }
  return { ended };
}

// ---------------------------------------------------------------------------------------------
// Temporary aid
// ---------------------------------------------------------------------------------------------

export const openAid = httpHandler(caseworkApi.openAid, async ({ body, staff, actor, assertInScope, clock, ids }) => {
  const household = await loadHousehold(body.householdId);
  assertInScope(household.region);
  const parameters = await loadParameters(household.region);
  const now = clock.now().toISOString();
  const record = aid.openAid(household, { ...body, reportedAt: new Date(body.reportedAt).toISOString() }, ids.next(), { now, actorName: staff().name, parameters });
  const uow = unitOfWork(clock, ids, actor);
  const item = createAid(uow, record);
  await uow.commit();
  return aidView(item, now);
});

export const listAid = httpHandler(caseworkApi.listAid, async ({ query, assertInScope, clock }) => {
  assertInScope(query.region);
  const page = await listAidIn(query.region, query);
  const now = clock.now().toISOString();
  return { items: page.items.map((item) => aidView(item, now)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
});

export const getAid = httpHandler(caseworkApi.getAid, async ({ params, assertInScope, clock }) => {
  const item = await loadAid(params.aidId);
  assertInScope(item.region);
  return aidView(item, clock.now().toISOString());
});

export const aidAction = httpHandler(caseworkApi.aidAction, async ({ params, body, staff, actor, assertInScope, clock, ids }) => {
  const item = await loadAid(params.aidId);
  assertInScope(item.region);
  assertVersion(item, body.version);
  const now = clock.now().toISOString();
  return refusalsAudited(caseworkKeys.aidAuditSubject(item.aidId), body.action, { clock, ids, actor }, { body }, async () => {
    const claims = staff();
    // The town acts for its own towns only; the county 民政 for the county (the scope check above).
    if (claims.role === 'town' && !isWithinRegion(item.region, claims.region)) throw new DomainError('FORBIDDEN', '不在本镇（街）辖区', 403);
    const ctx = { now, actorName: claims.name };
    const decider = { role: claims.role, department: claims.department };
    const before = strip(item) as aid.AidCase;
    const after =
      body.action === 'AID_FIRST'
        ? aid.aidFirst(before, ctx, body.evidence)
        : body.action === 'APPROVE'
          ? aid.approveAid(before, decider, ctx, body.evidence)
          : body.action === 'PAY'
            ? aid.payAid(before, ctx, body.evidence)
            : aid.rejectAid(before, decider, body.reason, ctx, body.evidence);
    const uow = unitOfWork(clock, ids, actor);
    const stored = writeAid(uow, item, after, body.action, body.action === 'REJECT' ? body.reason : undefined);
    await uow.commit();
    return aidView(stored, now);
  });
});
