import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { EventEnvelope } from '@jingzhun/types';
import middy from '@middy/core';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { type Clock, systemClock } from './clock.js';
import { withCorrelation } from './correlation.js';
import { type IdGenerator, ulidGenerator } from './ids.js';
import { logger } from './logger.js';
import { businessMetricsFlush } from './metrics.js';
import { EventAlreadyConsumed } from './unit-of-work.js';

/** The detail-type of a delivered event is the event type; the detail is the whole envelope. */
export type DeliveredEvent = EventBridgeEvent<string, unknown>;

export interface EventContext {
  clock: Clock;
  ids: IdGenerator;
  /** Name under which this consumer records the events it has handled (idempotency). */
  consumer: string;
}

/**
 * Wraps an event subscriber. Deliveries are at least once (EventBridge, the local relay); the
 * consumer makes them exactly once in effect by calling `uow.markConsumed(ctx.consumer, event.id)`
 * in the same transaction as its writes. A repeated delivery then fails that transaction and is
 * acknowledged as already handled.
 */
export function eventHandler(consumer: string, impl: (event: EventEnvelope, ctx: EventContext) => Promise<void>, ports: { clock?: Clock; ids?: IdGenerator } = {}) {
  const handle = async (delivered: DeliveredEvent): Promise<{ status: 'handled' | 'duplicate' }> => {
    const envelope = EventEnvelope.parse(delivered.detail);
    // An event made outside any request (a job's, a seed's) starts its own correlation at itself.
    const correlationId = envelope.correlationId ?? envelope.id;
    logger.appendKeys({ correlationId, eventId: envelope.id, eventType: envelope.type, consumer });
    try {
      await withCorrelation(correlationId, () => impl(envelope, { clock: ports.clock ?? systemClock, ids: ports.ids ?? ulidGenerator, consumer }));
      return { status: 'handled' };
    } catch (error) {
      if (error instanceof EventAlreadyConsumed) {
        logger.info('duplicate delivery ignored', { consumer, eventId: envelope.id });
        return { status: 'duplicate' };
      }
      throw error;
    }
  };
  return middy<DeliveredEvent, { status: 'handled' | 'duplicate' }, Error, Context>(handle)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(businessMetricsFlush());
}

/** Builds the EventBridge-shaped delivery of an envelope (used by the local bus and tests). */
export function toDelivery(envelope: EventEnvelope): DeliveredEvent {
  return {
    version: '0',
    id: envelope.id,
    'detail-type': envelope.type,
    source: `jingzhun.${envelope.source}`,
    account: '000000000000',
    time: envelope.occurredAt,
    region: process.env.AWS_REGION ?? 'cn-north-1',
    resources: [],
    detail: envelope,
  };
}
