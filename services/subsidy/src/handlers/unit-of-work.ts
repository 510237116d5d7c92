import { type Actor, type Clock, type IdGenerator, UnitOfWork } from '@jingzhun/platform';
import { table } from '../store/table.js';

/** A unit of work on the subsidy table for a staff request (state + audit + events in one transaction). */
export function unitOfWork(ctx: { clock: Clock; ids: IdGenerator; actor: Actor }): UnitOfWork {
  return new UnitOfWork({ table: table(), service: 'subsidy', clock: ctx.clock, ids: ctx.ids, actor: ctx.actor });
}
