import { eventHandler } from '@jingzhun/platform';
import { identificationEvents } from '@jingzhun/types';
import { writeHousehold } from '../store/households.js';
import { unitOfWork } from '../store/unit-of-work.js';

const SNAPSHOT_EVENTS = [
  identificationEvents.householdRegistered,
  identificationEvents.householdChanged,
  identificationEvents.householdExited,
  identificationEvents.householdReturned,
  identificationEvents.monitoringIdentified,
];
const schemas = new Map(SNAPSHOT_EVENTS.map((definition) => [definition.type, definition.data]));

/**
 * identification's household events: funds keeps each household's village, status, size and the
 * head's name (beneficiaries must live in the project's region and be eligible; the village board of
 * an income distribution names the head). Idempotent by the consumption mark; the snapshot is the
 * household's whole current state, so the latest delivery wins.
 */
export const onHouseholdEvent = eventHandler('funds.households', async (envelope, ctx) => {
  const schema = schemas.get(envelope.type);
  if (!schema) return;
  const { snapshot } = schema.parse(envelope.data) as { snapshot: identificationEvents.HouseholdSnapshot };
  const uow = unitOfWork({ clock: ctx.clock, ids: ctx.ids, actor: { sub: `event:${envelope.source}`, role: 'system' }, correlationId: envelope.correlationId });
  writeHousehold(uow, { householdId: snapshot.householdId, region: snapshot.region, headName: snapshot.headName, size: snapshot.size, status: snapshot.status });
  uow.markConsumed(ctx.consumer, envelope.id);
  await uow.commit();
});

export const SUBSCRIPTIONS = SNAPSHOT_EVENTS.map((definition) => ({ event: definition.type, handler: 'handlers/events.ts#onHouseholdEvent' }));
