import { paginateScan } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../packages/platform/src/dynamo.js';

/**
 * Entities that are read models fed by other services' events (or reference data loaded as such):
 * rebuilt from the events, they record no decision of anyone, so they carry no audit record of
 * their own. Everything else that is versioned is a state change someone made and must be audited.
 */
const READ_MODELS: Record<string, string> = {
  fact: 'dispatch: what an event last counted',
  'household-projection': "scoring: identification's household facts",
  household: "subsidy and funds: identification's household facts (in the identification table, households are audited)",
};

/**
 * Items written ahead of the transaction that audits them: a notice's lines are written in chunks
 * before the one transaction that creates or publishes the notice (docs/decisions.md, Notices 6),
 * so a line is covered when its notice (same pk) is audited and the line is not newer than it — or
 * when the line's own write is audited (a decision withdraws a line without rewriting its notice).
 */
const COVERED_BY_PARENT: Record<string, string> = { entry: 'notice' };

/** Entities that are read models only in the tables named here (elsewhere they are a service's own state). */
const READ_MODEL_TABLES: Record<string, string[]> = { household: ['subsidy', 'funds'] };

/**
 * Audit completeness over every service table: (1) every outbox event has an audit record written
 * in the same transaction (same instant, same table), and (2) every versioned entity's last write
 * has one too, except read models. Returns one line per gap.
 */
export async function auditGaps(endpoint: string, tables: string[]): Promise<string[]> {
  const client = createDocumentClient(endpoint);
  const gaps: string[] = [];
  for (const table of tables) {
    const items: Record<string, unknown>[] = [];
    for await (const page of paginateScan({ client }, { TableName: table, ConsistentRead: true })) items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    const auditedAt = new Set(items.filter((item) => item.entity === 'audit').map((item) => item.at as string));
    const parents = new Map(items.filter((item) => Object.values(COVERED_BY_PARENT).includes(item.entity as string)).map((item) => [`${item.entity}|${item.pk}`, item]));
    for (const item of items) {
      if (item.entity === 'outbox') {
        const event = item.event as { type: string; occurredAt: string; subject?: string };
        if (!auditedAt.has(event.occurredAt)) gaps.push(`${table}: event ${event.type} (${event.subject}) at ${event.occurredAt} has no audit record`);
        continue;
      }
      if (typeof item.version !== 'number' || typeof item.updatedAt !== 'string') continue;
      const entity = item.entity as string;
      const readModelIn = READ_MODEL_TABLES[entity];
      if (READ_MODELS[entity] && (!readModelIn || readModelIn.some((service) => table.endsWith(service)))) continue;
      const parentEntity = COVERED_BY_PARENT[entity];
      if (parentEntity) {
        const parent = parents.get(`${parentEntity}|${item.pk}`);
        const covered =
          auditedAt.has(item.updatedAt as string) || (parent && auditedAt.has(parent.updatedAt as string) && (item.updatedAt as string) <= (parent.updatedAt as string));
        if (!covered) gaps.push(`${table}: ${entity} ${item.pk}/${item.sk} v${item.version} is newer than its audited ${parentEntity}`);
        continue;
      }
      if (!auditedAt.has(item.updatedAt)) gaps.push(`${table}: ${entity} ${item.pk}/${item.sk} v${item.version} written at ${item.updatedAt} has no audit record`);
    }
  }
  client.destroy();
  return gaps;
}
