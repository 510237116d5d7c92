import { eventHandler } from '@jingzhun/platform';
import { consume } from '../app/consume.js';
import * as c from '../domain/casework-projection.js';
import type { Projector } from '../domain/projection.js';
import { CONSUMER } from './events.js';

/** Subscribers for identification's 民政 case work (issue 20; same read-model consumer). */
const subscriber = (projector: Projector) => eventHandler(CONSUMER, (envelope, ctx) => consume(projector, envelope, ctx));

export const onAssistanceCaseChanged = subscriber(c.assistanceCaseChanged as Projector);
export const onTemporaryAidChanged = subscriber(c.temporaryAidChanged as Projector);

export const CASEWORK_SUBSCRIPTIONS: readonly { event: string; handler: string }[] = [
  { event: c.assistanceCaseChanged.event.type, handler: 'handlers/casework-events.ts#onAssistanceCaseChanged' },
  { event: c.temporaryAidChanged.event.type, handler: 'handlers/casework-events.ts#onTemporaryAidChanged' },
];
