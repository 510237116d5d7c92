import { httpHandler, queryPage } from '@jingzhun/platform';
import { CommonErrors, DomainError, formatYuan, isWithinRegion, noticeEvents, subsidyApi, subsidyEvents } from '@jingzhun/types';
import { currentCatalog } from '../catalog/index.js';
import { paidTotals } from '../domain/payment.js';
import type { RosterLine } from '../domain/roster.js';
import { loadRun, type RunItem, type RunStatus } from '../run/process.js';
import { lineKeys, runKeys } from '../store/keys.js';
import { allResults } from '../store/payments.js';
import { table } from '../store/table.js';
import { unitOfWork } from '../store/unit-of-work.js';
import { runView } from './views.js';

async function requireRun(period: string, region: string): Promise<RunItem> {
  const run = await loadRun(period, region);
  if (!run) throw CommonErrors.notFound('该期花名册');
  return run;
}

const APPROVED: RunStatus[] = ['APPROVED', 'PAID'];

/** GET /subsidy/rosters/{period}/{region}/lines?village= */
export const getRosterLines = httpHandler(subsidyApi.getRosterLines, async ({ params, query, assertInScope }) => {
  assertInScope(query.village);
  if (!isWithinRegion(query.village, params.region)) throw new DomainError('VILLAGE_NOT_IN_REGION', `村 ${query.village} 不在 ${params.region} 内`, 400);
  await requireRun(params.period, params.region);
  const page = await queryPage<RosterLine>({
    table: table(),
    partition: lineKeys.village(params.period, query.village),
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return {
    items: page.items.map((l) => ({
      householdId: l.householdId,
      village: l.village,
      town: l.town,
      headName: l.headName,
      group: l.group,
      itemId: l.itemId,
      nameZh: l.nameZh,
      status: l.status,
      amountFen: l.amountFen,
      subjects: l.subjects,
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
});

/** POST /subsidy/rosters/{period}/{region}/approve: county approval of a completed run. */
export const approveRoster = httpHandler(subsidyApi.approveRoster, async ({ params, body, assertInScope, clock, ids, actor }) => {
  assertInScope(params.region);
  const run = await requireRun(params.period, params.region);
  if (run.status === 'RUNNING')
    throw new DomainError('RUN_NOT_COMPLETE', '计算尚未完成，不能审核', 409, {
      progress: run.progress,
    });
  if (run.status !== 'COMPLETED') throw new DomainError('ALREADY_APPROVED', '该期花名册已审核', 409);
  if (run.attempt !== body.expectedAttempt) throw new DomainError('ATTEMPT_MISMATCH', `花名册已重算为第 ${run.attempt} 次结果，请核对后再审核`, 409, { attempt: run.attempt });
  const uow = unitOfWork({ clock, ids, actor });
  const approved = uow.replace({
    ...run,
    // Indexed once approved: the public payments lookup finds a village's approved rosters by it.
    ...runKeys.approvedIndex(run.period, run.region),
    status: 'APPROVED' as RunStatus,
    approvedAt: uow.timestamp,
    approvedBy: actor.name ?? actor.sub,
  });
  uow.audit({
    subject: runKeys.subject(run.period, run.region),
    action: 'roster.approved',
    after: { runId: run.runId, totalFen: run.totals.totalFen },
    ...(body.note ? { reason: body.note } : {}),
  });
  uow.emit(subsidyEvents.rosterApproved, runKeys.rosterId(run.period, run.region), {
    rosterId: runKeys.rosterId(run.period, run.region),
    period: run.period,
    region: run.region,
    totalFen: run.totals.totalFen,
    byItem: run.totals.byItem,
  });
  await uow.commit();
  return runView(approved);
});

/** The bank's results recorded for the period's roster and its re-issues; refuses before any. */
async function paidOf(run: RunItem) {
  const results = await allResults(run);
  if (results.length === 0) throw new DomainError('PAYMENT_RESULTS_MISSING', '尚未导入银行发放结果，不能登记发放或公示', 409);
  return paidTotals(results);
}

/**
 * POST /subsidy/rosters/{period}/{region}/publish: fund disclosure per town and item, no personal
 * data. It counts what the bank reported paid (the roster and its re-issues so far), not the
 * approved amounts.
 */
export const publishRoster = httpHandler(subsidyApi.publishRoster, async ({ params, assertInScope, clock, ids, actor }) => {
  assertInScope(params.region);
  const run = await requireRun(params.period, params.region);
  if (!APPROVED.includes(run.status)) throw new DomainError('ROSTER_NOT_APPROVED', '花名册未经区县审核，不能公开', 409, { status: run.status });
  if (run.publishedAt) throw new DomainError('ALREADY_PUBLISHED', '该期资金分配结果已提交公示', 409);
  const paid = await paidOf(run);
  const catalog = currentCatalog();
  const entries = Object.entries(paid.byTown).flatMap(([town, items]) =>
    Object.entries(items).map(([itemId, t]) => ({
      entryId: `${town}:${itemId}`,
      fullName: catalog.items.get(itemId)?.item.nameZh ?? itemId,
      region: town,
      // The fund-disclosure type's public fields (notices service): policy, period, households, amount.
      fields: {
        policy: catalog.items.get(itemId)?.item.nameZh ?? itemId,
        period: run.period,
        households: t.households,
        allocationYuan: formatYuan(t.totalFen),
      },
    })),
  );
  if (entries.length === 0) throw new DomainError('ROSTER_EMPTY', '该期没有发放金额，无需公示', 409);
  const uow = unitOfWork({ clock, ids, actor });
  const published = uow.replace({ ...run, publishedAt: uow.timestamp });
  uow.audit({
    subject: runKeys.subject(run.period, run.region),
    action: 'roster.published',
    after: { entries: entries.length, paidFen: paid.totalFen },
  });
  uow.emit(noticeEvents.subsidyNoticeRequested, runKeys.rosterId(run.period, run.region), {
    requestId: `subsidy-fund-${run.period}-${run.region}`,
    type: 'fund-disclosure',
    region: run.region,
    title: `${run.period} 扶贫资金分配结果公示`,
    publish: true,
    entries,
    context: {
      rosterId: runKeys.rosterId(run.period, run.region),
      runId: run.runId,
    },
  });
  await uow.commit();
  return runView(published);
});

/** POST /subsidy/rosters/{period}/{region}/paid */
export const markRosterPaid = httpHandler(subsidyApi.markRosterPaid, async ({ params, assertInScope, clock, ids, actor }) => {
  assertInScope(params.region);
  const run = await requireRun(params.period, params.region);
  if (run.status !== 'APPROVED') throw new DomainError('ROSTER_NOT_APPROVED', run.status === 'PAID' ? '该期已登记发放' : '花名册未经审核', 409, { status: run.status });
  const paidResults = await paidOf(run);
  const uow = unitOfWork({ clock, ids, actor });
  const paid = uow.replace({
    ...run,
    status: 'PAID' as RunStatus,
    paidAt: uow.timestamp,
  });
  uow.audit({
    subject: runKeys.subject(run.period, run.region),
    action: 'roster.paid',
    after: { paidFen: paidResults.totalFen, approvedFen: run.totals.totalFen },
  });
  uow.emit(subsidyEvents.rosterPaid, runKeys.rosterId(run.period, run.region), {
    rosterId: runKeys.rosterId(run.period, run.region),
    period: run.period,
    region: run.region,
    // What the bank paid (failed lines are paid, if at all, through a re-issue roster).
    totalFen: paidResults.totalFen,
  });
  await uow.commit();
  return runView(paid);
});
