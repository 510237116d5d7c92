import { httpHandler, queryPage } from '@jingzhun/platform';
import { CommonErrors, subsidyApi } from '@jingzhun/types';
import { loadRun, processRun } from '../run/process.js';
import { startRun as start } from '../run/start.js';
import { diffKeys } from '../store/keys.js';
import { table } from '../store/table.js';
import { runView } from './views.js';

/** How long a request computes before answering with the progress (the job or a new request resumes). */
const INLINE_BUDGET_MS = Number(process.env.JZ_SUBSIDY_INLINE_MS ?? 20_000);

/** POST /subsidy/runs: start, resume or re-run (period, region), computing inline within a time budget. */
export const startRun = httpHandler(subsidyApi.startRun, async ({ body, assertInScope, clock, ids, actor }) => {
  assertInScope(body.region);
  const run = await start(body.period, body.region, { clock, ids, actor });
  return runView(
    await processRun(run.period, run.region, {
      clock,
      ids,
      actor,
      deadline: clock.now().getTime() + INLINE_BUDGET_MS,
    }),
  );
});

/** GET /subsidy/runs/{period}/{region} */
export const getRun = httpHandler(subsidyApi.getRun, async ({ params, assertInScope }) => {
  assertInScope(params.region);
  const run = await loadRun(params.period, params.region);
  if (!run) throw CommonErrors.notFound('该期计算');
  return runView(run);
});

/** GET /subsidy/runs/{period}/{region}/diff: what the latest attempt changed. */
export const getRunDiff = httpHandler(subsidyApi.getRunDiff, async ({ params, query, assertInScope }) => {
  assertInScope(params.region);
  const run = await loadRun(params.period, params.region);
  if (!run) throw CommonErrors.notFound('该期计算');
  const page = await queryPage<{
    householdId: string;
    itemId: string;
    kind: 'added' | 'changed' | 'removed';
    beforeFen: number | null;
    afterFen: number | null;
  }>({
    table: table(),
    partition: diffKeys.ofAttempt(params.period, params.region, run.attempt),
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return {
    attempt: run.attempt,
    items: page.items.map((d) => ({
      householdId: d.householdId,
      itemId: d.itemId,
      kind: d.kind,
      beforeFen: d.beforeFen,
      afterFen: d.afterFen,
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
});
