import { eventHandler } from '@jingzhun/platform';
import { consume } from '../app/consume.js';
import * as f from '../domain/funds-projection.js';
import type { Projector } from '../domain/projection.js';
import { CONSUMER } from './events.js';

/** Subscribers for the funds service's money events (same read-model consumer). */
const subscriber = (projector: Projector) => eventHandler(CONSUMER, (envelope, ctx) => consume(projector, envelope, ctx));

export const onFundReceived = subscriber(f.fundReceived as Projector);
export const onPaymentDisbursed = subscriber(f.paymentDisbursed as Projector);

export const FUNDS_SUBSCRIPTIONS: readonly { event: string; handler: string }[] = [
  { event: f.fundReceived.event.type, handler: 'handlers/funds-events.ts#onFundReceived' },
  { event: f.paymentDisbursed.event.type, handler: 'handlers/funds-events.ts#onPaymentDisbursed' },
];
