import { type Actor, type Clock, type IdGenerator, UnitOfWork } from '@jingzhun/platform';
import { table } from './table.js';

/** A unit of work on the funds table (state, ledger entries, audit and events in one transaction). */
export function unitOfWork(ctx: { clock: Clock; ids: IdGenerator; actor: Actor; correlationId?: string | undefined }): UnitOfWork {
  return new UnitOfWork({ table: table(), service: 'funds', clock: ctx.clock, ids: ctx.ids, actor: ctx.actor, ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}) });
}
