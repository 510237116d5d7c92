import { type Actor, type Clock, type IdGenerator, UnitOfWork } from '@jingzhun/platform';
import { table } from './table.js';

/** A unit of work on the subsidy table (state + audit + events in one transaction), for staff requests and the run. */
export function unitOfWork(ctx: { clock: Clock; ids: IdGenerator; actor: Actor }): UnitOfWork {
  return new UnitOfWork({ table: table(), service: 'subsidy', clock: ctx.clock, ids: ctx.ids, actor: ctx.actor });
}
