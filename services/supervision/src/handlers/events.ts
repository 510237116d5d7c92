import { eventHandler, UnitOfWork } from '@jingzhun/platform';
import { identificationEvents, regionLevel, regionPath } from '@jingzhun/types';
import { householdKeys } from '../store/keys.js';
import { getHousehold, table } from '../store/repo.js';

const districtOf = (village: string) => regionPath(village).find((code) => regionLevel(code) === 'county') ?? village;

/**
 * identification household events → the list of households the helper coverage counts (000 L3082
 * "每个贫困户都有帮扶责任人"). Only id, village, head's name and status are kept. A stale event
 * (older than the stored one) changes nothing; a repeated one is stopped by the consumption mark.
 */
export const onHouseholdEvent = eventHandler('supervision.households', async (envelope, ctx) => {
  const data = identificationEvents.householdChanged.data.partial({ changes: true }).parse(envelope.data);
  const district = districtOf(data.region);
  const stored = await getHousehold(district, data.householdId);
  const uow = new UnitOfWork({
    table: table(),
    service: 'supervision',
    clock: ctx.clock,
    ids: ctx.ids,
    actor: { sub: `event:${envelope.source}`, role: 'system' },
    ...(envelope.correlationId ? { correlationId: envelope.correlationId } : {}),
  });
  if (!stored || stored.lastAt <= envelope.occurredAt) {
    const item = {
      ...householdKeys.item(district, data.householdId),
      // A read model of identification's events: no decision of anyone, so no audit record (test/support/audit.ts).
      entity: 'household-projection',
      householdId: data.householdId,
      village: data.region,
      headName: data.snapshot.headName,
      status: data.snapshot.status,
      lastAt: envelope.occurredAt,
    };
    if (stored) uow.replace({ ...item, version: stored.version });
    else uow.create(item);
  }
  uow.markConsumed(ctx.consumer, envelope.id);
  await uow.commit();
});
