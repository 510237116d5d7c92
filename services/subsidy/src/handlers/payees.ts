import { eventHandler, getItem } from '@jingzhun/platform';
import { identificationEvents } from '@jingzhun/types';
import { payeeKeys } from '../store/keys.js';
import { applyPayees, type PayeesItem } from '../store/payees.js';
import { table } from '../store/table.js';
import { unitOfWork } from '../store/unit-of-work.js';

/** identification.household.payees → the payees this service pays from. Idempotent (consumer mark). */
export const onPayees = eventHandler('subsidy-payees', async (envelope, ctx) => {
  const { householdId, region, payees } = identificationEvents.householdPayees.data.parse(envelope.data);
  const existing = await getItem<PayeesItem>(table(), payeeKeys.household(householdId));
  const uow = unitOfWork({ clock: ctx.clock, ids: ctx.ids, actor: { sub: 'identification', role: 'system' }, correlationId: envelope.correlationId });
  uow.markConsumed(ctx.consumer, envelope.id);
  applyPayees(uow, existing, householdId, payees, envelope.occurredAt, region);
  await uow.commit();
});
