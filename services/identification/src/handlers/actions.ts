import { httpHandler, type IdGenerator, type UnitOfWork } from '@jingzhun/platform';
import { DomainError, identificationApi, type noticeEvents } from '@jingzhun/types';
import { type ActionContext, type ActionResult, applyAction, offeredActions } from '../domain/actions.js';
import { viewOf } from '../domain/household.js';
import type { Command } from '../domain/machine.js';
import { NOTICE_TITLES } from '../domain/notices.js';
import { noticeEntry } from '../domain/register.js';
import { assertVersion, type HouseholdItem, loadHousehold, stripItem, unitOfWork, writeHousehold } from '../store/households.js';
import { recordNoticeRequest } from '../store/notice-requests.js';
import { actionContext, actionContexts } from './context.js';
import { assertEvidenceFiles } from './evidence.js';

/** One household's step, computed and ready to write. */
interface PreparedStep {
  item: HouseholdItem;
  result: ActionResult;
}

function prepareStep(item: HouseholdItem, command: Command, ctx: ActionContext): PreparedStep {
  const result = applyAction(stripItem(item), command, ctx);
  const household = result.household;
  household.evidence = [...household.evidence, ...command.evidence.map((e) => ({ ...e, at: ctx.today, action: command.action }))];
  // The reference income a 不再享受政策 proposal rests on is kept with its source (seed 002 E-2 L31).
  if (command.referenceIncome) {
    const { fen, source } = command.referenceIncome;
    household.evidence.push({ kind: 'other', ref: source, note: `农民人均收入 ${fen / 100} 元`, at: ctx.today, action: command.action });
  }
  return { item, result };
}

/**
 * Writes prepared steps into one unit of work. Steps that post a notice share one notice request
 * (one notice listing every household), recorded with its event in the same transaction.
 */
function writeSteps(uow: UnitOfWork, steps: PreparedStep[], command: Command, ids: IdGenerator): { request?: noticeEvents.NoticeRequest; stored: HouseholdItem[] } {
  const noticing = steps.filter((step) => step.result.notice && step.result.household.workflow);
  let request: noticeEvents.NoticeRequest | undefined;
  const first = noticing[0];
  if (first?.result.notice) {
    const type = first.result.notice.type;
    const region = first.result.household.region;
    const workflow = first.result.household.workflow as NonNullable<typeof first.result.household.workflow>;
    request = {
      requestId: ids.next(),
      type,
      region,
      title: NOTICE_TITLES[type] ?? '公示',
      publish: true,
      entries: noticing.map((step) => noticeEntry(step.result.household)),
      context:
        noticing.length === 1
          ? { workflow: workflow.kind, state: workflow.state, householdId: first.result.household.householdId }
          : { workflow: workflow.kind, state: workflow.state, households: String(noticing.length) },
    };
    for (const step of noticing) {
      const household = step.result.household;
      if (household.workflow) household.workflow = { ...household.workflow, notice: { requestId: request.requestId, type, held: false } };
    }
    recordNoticeRequest(uow, request, 'households');
  }
  const stored = steps.map((step) =>
    writeHousehold(uow, step.item, step.result.household, { action: command.action, reason: command.reason }, step.result.events, step.result.changes),
  );
  return { ...(request ? { request } : {}), stored };
}

/**
 * GET /households/{id}/actions: the steps the caller's role may take on this household now, from
 * the same step tables, role lists and status rules the POST checks (domain offeredActions).
 */
export const householdActions = httpHandler(identificationApi.householdActions, async ({ params, staff, assertInScope }) => {
  const item = await loadHousehold(params.householdId);
  assertInScope(item.region);
  const offered = offeredActions(stripItem(item), staff().role);
  return { items: offered.items.map((step) => ({ ...step, evidence: [...step.evidence] })), ...(offered.waiting ? { waiting: offered.waiting } : {}) };
});

/**
 * POST /households/{id}/actions: one workflow step (entry, exit, monitoring, 返贫, risk
 * elimination). Role, region, evidence and version are checked; state + audit + events (and the
 * notice request, when the step posts a notice) are written in one transaction.
 */
export const householdAction = httpHandler(identificationApi.householdAction, async ({ params, body, staff, actor, assertInScope, clock, ids }) => {
  const item = await loadHousehold(params.householdId);
  assertInScope(item.region);
  assertVersion(item, body.version);
  await assertEvidenceFiles(item.householdId, body.evidence, clock.now());
  const step = prepareStep(item, body, await actionContext(item.householdId, item.region, staff().role, clock));
  const uow = unitOfWork(clock, ids, actor);
  const { request, stored } = writeSteps(uow, [step], body, ids);
  await uow.commit();
  return { ...viewOf(stored[0] as HouseholdItem), ...(request ? { noticeRequestId: request.requestId } : {}) };
});

/**
 * POST /villages/{code}/notice-lists: the village's list for one notice step (e.g. the 7-day exit
 * 公示 of every household the assembly appraised, seed 000 EX-3 L1040–1050): POST_NOTICE for each
 * household, all in the same state of the same workflow, posted as one notice in one transaction.
 * A household that cannot take the step fails the whole list, naming the household.
 */
export const postNoticeList = httpHandler(identificationApi.postNoticeList, async ({ params, body, staff, actor, assertInScope, clock, ids }) => {
  assertInScope(params.code);
  const command: Command = { action: 'POST_NOTICE', evidence: body.evidence, ...(body.reason ? { reason: body.reason } : {}) };
  const items = await Promise.all(body.households.map((entry) => loadHousehold(entry.householdId)));
  // Lines and window are read once for the village; a household outside it is refused below before its context is used.
  const contexts = await actionContexts(
    items.map((item) => item.householdId),
    params.code,
    staff().role,
    clock,
  );
  const steps: PreparedStep[] = [];
  for (const [index, item] of items.entries()) {
    const entry = body.households[index] as { householdId: string; version: number };
    if (item.region !== params.code) throw new DomainError('NOT_IN_VILLAGE', `户 ${item.headName}（${item.householdId}）不属于本村`, 400, { householdId: item.householdId });
    assertVersion(item, entry.version);
    await assertEvidenceFiles(item.householdId, body.evidence, clock.now());
    try {
      steps.push(prepareStep(item, command, contexts[index] as ActionContext));
    } catch (error) {
      throw namingHousehold(error, item);
    }
  }
  const types = new Set(steps.map((step) => `${step.result.household.workflow?.kind}:${step.result.notice?.type ?? 'none'}`));
  if (types.size > 1 || steps.some((step) => !step.result.notice)) {
    throw new DomainError('MIXED_NOTICE_STEPS', '名单中的户须处于同一流程的同一公示环节', 409, { steps: [...types] });
  }
  const uow = unitOfWork(clock, ids, actor);
  const { request, stored } = writeSteps(uow, steps, command, ids);
  await uow.commit();
  const posted = request as noticeEvents.NoticeRequest;
  return { noticeRequestId: posted.requestId, type: posted.type, households: stored.map((item) => viewOf(item)) };
});

/** A domain refusal for one household of a list says which household it was. */
function namingHousehold(error: unknown, item: HouseholdItem): unknown {
  if (!(error instanceof DomainError)) return error;
  const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
  return new DomainError(error.code, `${item.headName} 户：${error.messageZh}`, error.status, { ...details, householdId: item.householdId });
}
