import { type Actor, type Clock, type IdGenerator, UnitOfWork } from '@jingzhun/platform';
import { table } from './table.js';

/**
 * A unit of work on the subsidy table (state + audit + events in one transaction), for staff
 * requests, the run and event consumers (which carry the incoming event's correlation id on).
 */
export function unitOfWork(ctx: { clock: Clock; ids: IdGenerator; actor: Actor; correlationId?: string | undefined }): UnitOfWork {
  return new UnitOfWork({
    table: table(),
    service: 'subsidy',
    clock: ctx.clock,
    ids: ctx.ids,
    actor: ctx.actor,
    ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}),
  });
}
