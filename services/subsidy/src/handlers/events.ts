import { eventHandler } from '@jingzhun/platform';
import { identificationEvents } from '@jingzhun/types';
import { applySnapshot, getHousehold } from '../store/projection.js';
import { unitOfWork } from '../store/unit-of-work.js';

const schemas: Record<
  string,
  {
    data: {
      parse(value: unknown): {
        snapshot: identificationEvents.HouseholdSnapshot;
      };
    };
  }
> = {
  [identificationEvents.householdRegistered.type]: identificationEvents.householdRegistered,
  [identificationEvents.householdChanged.type]: identificationEvents.householdChanged,
  [identificationEvents.householdExited.type]: identificationEvents.householdExited,
  [identificationEvents.householdReturned.type]: identificationEvents.householdReturned,
};

/** Projection of identification's household events (registered / changed / exited / returned). Idempotent. */
export const onHouseholdEvent = eventHandler('subsidy-projection', async (envelope, ctx) => {
  const schema = schemas[envelope.type];
  if (!schema) return;
  const { snapshot } = schema.data.parse(envelope.data);
  const existing = await getHousehold(snapshot.householdId);
  const uow = unitOfWork({ clock: ctx.clock, ids: ctx.ids, actor: { sub: 'identification', role: 'system' }, correlationId: envelope.correlationId });
  uow.markConsumed(ctx.consumer, envelope.id);
  applySnapshot(uow, existing, snapshot, envelope.occurredAt, envelope.id);
  await uow.commit();
});
