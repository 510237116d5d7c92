import { httpHandler } from '@jingzhun/platform';
import { identificationApi, type noticeEvents } from '@jingzhun/types';
import { applyAction } from '../domain/actions.js';
import { viewOf } from '../domain/household.js';
import { NOTICE_TITLES } from '../domain/notices.js';
import { noticeEntry } from '../domain/register.js';
import { assertVersion, loadHousehold, stripItem, unitOfWork, writeHousehold } from '../store/households.js';
import { recordNoticeRequest } from '../store/notice-requests.js';
import { actionContext } from './context.js';

/**
 * POST /households/{id}/actions: one workflow step (entry, exit, monitoring, 返贫, risk
 * elimination). Role, region, evidence and version are checked; state + audit + events (and the
 * notice request, when the step posts a notice) are written in one transaction.
 */
export const householdAction = httpHandler(identificationApi.householdAction, async ({ params, body, staff, actor, assertInScope, clock, ids }) => {
  const item = await loadHousehold(params.householdId);
  assertInScope(item.region);
  assertVersion(item, body.version);
  const ctx = await actionContext(item.householdId, item.region, staff().role, clock);
  const result = applyAction(stripItem(item), body, ctx);
  const household = result.household;
  household.evidence = [...household.evidence, ...body.evidence.map((e) => ({ ...e, at: ctx.today, action: body.action }))];
  const uow = unitOfWork(clock, ids, actor);
  let request: noticeEvents.NoticeRequest | undefined;
  if (result.notice && household.workflow) {
    request = {
      requestId: ids.next(),
      type: result.notice.type,
      region: household.region,
      title: NOTICE_TITLES[result.notice.type] ?? '公示',
      publish: true,
      entries: [noticeEntry(household)],
      context: { workflow: household.workflow.kind, state: household.workflow.state, householdId: household.householdId },
    };
    household.workflow = { ...household.workflow, notice: { requestId: request.requestId, type: request.type, held: false } };
    recordNoticeRequest(uow, request, 'households');
  }
  const stored = writeHousehold(uow, item, household, { action: body.action, reason: body.reason }, result.events, result.changes);
  await uow.commit();
  return { ...viewOf(stored), ...(request ? { noticeRequestId: request.requestId } : {}) };
});
