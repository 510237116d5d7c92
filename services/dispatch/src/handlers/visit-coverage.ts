import { eventHandler, httpHandler, queryAll, tableName } from '@jingzhun/platform';
import { DomainError, regionLevel, visitEvents, visitsApi } from '@jingzhun/types';
import { eventUnitOfWork } from '../app/event-unit-of-work.js';
import { visitCoverage as coverageOf, type VisitFact } from '../domain/visit-coverage.js';
import { dispatchTable } from '../store/table.js';
import { visitFactKeys } from '../store/visit-keys.js';

/** Its own consumer name: the visit facts are not counters of the read model. */
const CONSUMER = 'dispatch.visits';

/** identification.visit.recorded → one visit fact per visit, in the month of the visit's date. */
export const onVisitRecorded = eventHandler(CONSUMER, async (envelope, ctx) => {
  const data = visitEvents.visitRecorded.data.parse(envelope.data);
  const uow = eventUnitOfWork(envelope, ctx);
  const fact: VisitFact = {
    visitId: data.visitId,
    householdId: data.householdId,
    village: data.region,
    date: data.date,
    risk: data.risk,
    ...(data.helper ? { helper: data.helper } : {}),
  };
  uow.put({ ...visitFactKeys.item(data.region, data.date.slice(0, 7), data.visitId), entity: 'visit-fact', ...fact });
  uow.markConsumed(ctx.consumer, envelope.id);
  await uow.commit();
});

/** GET /dispatch/visit-coverage/{region}/{period}: a county's, town's or village's visits in a month. */
export const visitCoverage = httpHandler(visitsApi.visitCoverage, async ({ params, assertInScope }) => {
  assertInScope(params.region);
  const level = regionLevel(params.region);
  if (level !== 'county' && level !== 'town' && level !== 'village') throw new DomainError('REGION_TOO_BROAD', '请按区县、镇（街）或村查询走访覆盖', 400);
  const facts = await queryAll<VisitFact>({ table: tableName(dispatchTable), ...visitFactKeys.ofRegion(params.region, level, params.period), max: 50_000 });
  return { region: params.region, period: params.period, ...coverageOf(facts) };
});

export const VISIT_COVERAGE_ROUTES = [{ contract: visitsApi.visitCoverage, handler: 'handlers/visit-coverage.ts#visitCoverage' }];
export const VISIT_COVERAGE_SUBSCRIPTIONS = [{ event: visitEvents.visitRecorded.type, handler: 'handlers/visit-coverage.ts#onVisitRecorded' }];
