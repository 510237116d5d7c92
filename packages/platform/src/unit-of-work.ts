import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { CommonErrors, type DomainError, type EventDefinition, type EventEnvelope } from '@jingzhun/types';
import type { z } from 'zod';
import type { Clock } from './clock.js';
import { currentCorrelationId } from './correlation.js';
import { documentClient } from './dynamo.js';
import type { IdGenerator } from './ids.js';
import { TTL_ATTRIBUTE } from './table.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface Key {
  pk: string;
  sk: string;
}

/** Every stored entity carries its kind and an optimistic-concurrency version. */
export interface Versioned extends Key {
  entity: string;
  version: number;
  [attribute: string]: unknown;
}

export interface Actor {
  sub: string;
  role: string;
  region?: string;
  name?: string;
}

export interface AuditEntry {
  /** What changed, e.g. `HOUSEHOLD#01J…`. */
  subject: string;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

/** How long outbox items stay after the relay has read them from the stream. */
const OUTBOX_TTL_SECONDS = 7 * 24 * 3600;
const MAX_TRANSACT_ITEMS = 100;

/** Key builders for the items every service table holds besides its own entities. */
export const platformKeys = {
  outbox: (eventId: string): Key => ({ pk: `OUTBOX#${eventId}`, sk: 'OUTBOX' }),
  audit: (subject: string, at: string, id: string): Key => ({ pk: `AUDIT#${subject}`, sk: `${at}#${id}` }),
  consumed: (consumer: string, eventId: string): Key => ({ pk: `CONSUMED#${consumer}`, sk: eventId }),
};

const MAX_CONFLICT_RETRIES = 3;

/**
 * Told after every commit that wrote outbox items. The local runtime uses it to read the stream
 * at once instead of polling it; in the cloud nothing listens (the stream triggers the relay).
 */
let outboxListener: (() => void) | undefined;
export function onOutboxWritten(listener: (() => void) | undefined): void {
  outboxListener = listener;
}

function isConflictOnly(error: unknown): boolean {
  if (!(error instanceof TransactionCanceledException)) return false;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return codes.includes('TransactionConflict') && codes.every((code) => code === 'TransactionConflict' || code === 'None');
}

export class EventAlreadyConsumed extends Error {
  constructor(readonly eventId: string) {
    super(`event ${eventId} already consumed`);
  }
}

/**
 * The transactional outbox: a state change, its audit records and its outgoing events are
 * written in one TransactWriteItems. Updates are conditional on the stored version.
 */
export class UnitOfWork {
  private readonly items: TransactItem[] = [];
  private readonly conflicts: (DomainError | 'consumed' | undefined)[] = [];
  private readonly events: EventEnvelope[] = [];
  private readonly now: string;
  /** The correlation id its audit entries and events carry: the one given, else the work in progress's. */
  private readonly correlationId: string | undefined;

  constructor(
    private readonly ctx: {
      table: string;
      service: string;
      clock: Clock;
      ids: IdGenerator;
      actor: Actor;
      correlationId?: string;
    },
  ) {
    this.now = ctx.clock.now().toISOString();
    this.correlationId = ctx.correlationId ?? currentCorrelationId();
  }

  get timestamp(): string {
    return this.now;
  }

  /** Creates an item that must not exist yet. */
  create<T extends Omit<Versioned, 'version'>>(item: T, onExists?: DomainError): T & { version: number } {
    const stored = { ...item, version: 1, createdAt: this.now, updatedAt: this.now };
    this.push(
      {
        Put: {
          TableName: this.ctx.table,
          Item: stored,
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onExists ?? CommonErrors.alreadyExists('记录'),
    );
    return stored;
  }

  /** Replaces an item whose stored version must still be `item.version`; returns the new item. */
  replace<T extends Versioned>(item: T): T {
    const stored = { ...item, version: item.version + 1, updatedAt: this.now };
    this.push(
      {
        Put: {
          TableName: this.ctx.table,
          Item: stored,
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': item.version },
        },
      },
      CommonErrors.versionConflict(),
    );
    return stored;
  }

  /** Writes an item unconditionally (projections, derived data). */
  put(item: Record<string, unknown> & Key): void {
    this.push({ Put: { TableName: this.ctx.table, Item: { ...item, updatedAt: this.now } } }, undefined);
  }

  /** Deletes an item, optionally only at a given version. */
  delete(key: Key, expectedVersion?: number): void {
    this.push(
      {
        Delete: {
          TableName: this.ctx.table,
          Key: key,
          ...(expectedVersion === undefined ? {} : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
        },
      },
      CommonErrors.versionConflict(),
    );
  }

  /** Asserts that another item is still at a version (or absent with `absent`). */
  check(key: Key, expect: { version: number } | 'absent', onFail?: DomainError): void {
    this.push(
      {
        ConditionCheck: {
          TableName: this.ctx.table,
          Key: key,
          ...(expect === 'absent'
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expect.version } }),
        },
      },
      onFail ?? CommonErrors.versionConflict(),
    );
  }

  /** Escape hatch for an atomic counter or other update expression. */
  raw(item: TransactItem, onConditionFail?: DomainError): void {
    this.push(item, onConditionFail);
  }

  audit(entry: AuditEntry): void {
    const id = this.ctx.ids.next();
    this.put({
      ...platformKeys.audit(entry.subject, this.now, id),
      entity: 'audit',
      id,
      at: this.now,
      service: this.ctx.service,
      actor: this.ctx.actor,
      action: entry.action,
      before: entry.before,
      after: entry.after,
      reason: entry.reason,
      correlationId: this.correlationId,
    });
  }

  /** Queues an event; it is written to the outbox in the same transaction. */
  emit<D extends z.ZodType>(definition: EventDefinition<D>, subject: string, data: z.input<D>): EventEnvelope {
    const parsed = definition.data.parse(data) as Record<string, unknown>;
    const event: EventEnvelope = {
      id: this.ctx.ids.next(),
      type: definition.type,
      source: this.ctx.service,
      occurredAt: this.now,
      subject,
      schemaVersion: 1,
      data: parsed,
      ...(this.correlationId ? { correlationId: this.correlationId } : {}),
    };
    this.events.push(event);
    this.put({
      ...platformKeys.outbox(event.id),
      entity: 'outbox',
      event,
      [TTL_ATTRIBUTE]: Math.floor(Date.parse(this.now) / 1000) + OUTBOX_TTL_SECONDS,
    });
    return event;
  }

  /** Records that a consumer handled an event; a second delivery fails the whole transaction. */
  markConsumed(consumer: string, eventId: string): void {
    this.push(
      {
        Put: {
          TableName: this.ctx.table,
          Item: { ...platformKeys.consumed(consumer, eventId), entity: 'consumed', at: this.now },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      'consumed',
    );
  }

  get size(): number {
    return this.items.length;
  }

  get emitted(): readonly EventEnvelope[] {
    return this.events;
  }

  async commit(): Promise<void> {
    if (this.items.length === 0) return;
    if (this.items.length > MAX_TRANSACT_ITEMS) {
      throw new Error(`a unit of work holds at most ${MAX_TRANSACT_ITEMS} items (${this.items.length})`);
    }
    // A TransactionConflict (another transaction on the same items at the same moment) is retried:
    // the transaction is atomic and its conditions are evaluated again, so a retry never doubles
    // an effect. A failed condition is final.
    for (let attempt = 0; ; attempt++) {
      try {
        await documentClient().send(new TransactWriteCommand({ TransactItems: this.items }));
        if (this.events.length > 0) outboxListener?.();
        return;
      } catch (error) {
        if (attempt < MAX_CONFLICT_RETRIES && isConflictOnly(error)) {
          await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt + Math.random() * 20));
          continue;
        }
        throw this.translate(error);
      }
    }
  }

  private push(item: TransactItem, onConditionFail: DomainError | 'consumed' | undefined): void {
    this.items.push(item);
    this.conflicts.push(onConditionFail);
  }

  private translate(error: unknown): unknown {
    if (!(error instanceof TransactionCanceledException)) return error;
    const reasons = error.CancellationReasons ?? [];
    for (const [index, reason] of reasons.entries()) {
      if (reason.Code !== 'ConditionalCheckFailed') continue;
      const mapped = this.conflicts[index];
      if (mapped === 'consumed') {
        const item = this.items[index]?.Put?.Item as Key | undefined;
        return new EventAlreadyConsumed(item?.sk ?? 'unknown');
      }
      return mapped ?? CommonErrors.versionConflict();
    }
    // TransactionConflict: another transaction touched the same item at the same moment.
    if (reasons.some((reason) => reason.Code === 'TransactionConflict')) return CommonErrors.versionConflict();
    return error;
  }
}
