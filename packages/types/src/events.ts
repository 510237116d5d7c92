import * as z from 'zod';

/**
 * The domain event envelope. Events leave a service only through its outbox: the state change,
 * its audit record and the event are written in one transaction.
 */
export const EventEnvelope = z.object({
  id: z.string(),
  type: z.string(), // e.g. identification.household.registered
  source: z.string(), // the service name
  occurredAt: z.string(),
  subject: z.string().optional(), // the entity the event is about
  correlationId: z.string().optional(),
  schemaVersion: z.literal(1),
  data: z.record(z.string(), z.unknown()),
});
export type EventEnvelope<T = Record<string, unknown>> = Omit<z.infer<typeof EventEnvelope>, 'data'> & { data: T };

/** A typed event definition: the type name plus the schema of its data. */
export interface EventDefinition<T extends z.ZodType = z.ZodType> {
  type: string;
  data: T;
}

export function defineEvent<T extends z.ZodType>(type: string, data: T): EventDefinition<T> {
  return { type, data };
}
