import { eventHandler } from '@jingzhun/platform';
import { consume } from '../app/consume.js';
import * as m from '../domain/microcredit-projection.js';
import type { Projector } from '../domain/projection.js';
import { CONSUMER } from './events.js';

/** Subscribers for the scoring service's per-period micro-credit events (same read-model consumer). */
const subscriber = (projector: Projector) => eventHandler(CONSUMER, (envelope, ctx) => consume(projector, envelope, ctx));

export const onSubsidyComputed = subscriber(m.subsidyComputed as Projector);
export const onQuarterReviewed = subscriber(m.quarterReviewed as Projector);
export const onRiskFundDrawn = subscriber(m.riskFundDrawn as Projector);

export const MICROCREDIT_SUBSCRIPTIONS: readonly { event: string; handler: string }[] = [
  { event: m.subsidyComputed.event.type, handler: 'handlers/microcredit-events.ts#onSubsidyComputed' },
  { event: m.quarterReviewed.event.type, handler: 'handlers/microcredit-events.ts#onQuarterReviewed' },
  { event: m.riskFundDrawn.event.type, handler: 'handlers/microcredit-events.ts#onRiskFundDrawn' },
];
