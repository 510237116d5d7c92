import { type EventContext, tableName, UnitOfWork } from '@jingzhun/platform';
import type { EventEnvelope } from '@jingzhun/types';
import { dispatchTable } from '../store/table.js';

/** The unit of work of a delivered event: acts as the event's source and keeps its correlation id. */
export function eventUnitOfWork(envelope: EventEnvelope, ctx: EventContext): UnitOfWork {
  return new UnitOfWork({
    table: tableName(dispatchTable),
    service: 'dispatch',
    clock: ctx.clock,
    ids: ctx.ids,
    actor: { sub: `event:${envelope.source}`, role: 'system' },
    ...(envelope.correlationId ? { correlationId: envelope.correlationId } : {}),
  });
}
