import { eventHandler } from '@jingzhun/platform';
import { consume } from '../app/consume.js';
import type { Projector } from '../domain/projection.js';
import { coverageChecked } from '../domain/supervision-projection.js';
import { CONSUMER } from './events.js';

/** The supervision service's daily coverage check (same read-model consumer). */
export const onCoverageChecked = eventHandler(CONSUMER, (envelope, ctx) => consume(coverageChecked as Projector, envelope, ctx));

export const SUPERVISION_SUBSCRIPTIONS: readonly { event: string; handler: string }[] = [
  { event: coverageChecked.event.type, handler: 'handlers/supervision-events.ts#onCoverageChecked' },
];
