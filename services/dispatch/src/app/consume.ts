import type { EventContext } from '@jingzhun/platform';
import type { EventEnvelope } from '@jingzhun/types';
import { factId, mergeDeltas, type Projector } from '../domain/projection.js';
import { counterUpdate } from '../store/counters.js';
import { loadFacts, writeFact } from '../store/facts.js';
import { eventUnitOfWork } from './event-unit-of-work.js';

/**
 * Applies one delivered event to the read model: the counter ADDs of every region level, the
 * facts they were computed from and the consumption mark, in one transaction. A repeated delivery
 * fails on the mark and has no effect; a concurrent change of the same fact fails on its version
 * and is retried by the bus.
 */
export async function consume(projector: Projector, envelope: EventEnvelope, ctx: EventContext): Promise<void> {
  const data = projector.event.data.parse(envelope.data);
  const refs = projector.needs(data);
  const loaded = await loadFacts(refs);
  const facts = new Map([...loaded].map(([key, item]) => [key, item.data]));
  const projection = projector.project(data, { occurredAt: envelope.occurredAt }, facts);
  const uow = eventUnitOfWork(envelope, ctx);
  for (const { region, period, values } of mergeDeltas(projection.deltas).values()) uow.raw(counterUpdate(region, period, values));
  for (const write of projection.writes) writeFact(uow, write, loaded.get(factId(write)));
  uow.markConsumed(ctx.consumer, envelope.id);
  await uow.commit();
}
