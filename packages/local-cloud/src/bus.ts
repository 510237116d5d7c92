import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { toDelivery } from '@jingzhun/platform/events';
import type { EventEnvelope } from '@jingzhun/types';
import { lambdaContext, loadHandler } from './lambda-context.js';

export interface Subscriber {
  service: string;
  event: string;
  path: string;
  exportName: string;
  functionName: string;
}

/** An event one subscriber failed on after its retries: kept until a redrive delivers it. */
export interface DeadLetter {
  /** `<function>|<event id>`: one letter per subscriber and event, however often it failed. */
  id: string;
  envelope: EventEnvelope;
  subscriber: string;
  error: string;
  failedAt: string;
}

/** Where dead letters are kept: in memory (tests), or in a file under the data folder (`npm start`). */
export interface DeadLetterStore {
  list(): DeadLetter[];
  put(letter: DeadLetter): void;
  remove(id: string): void;
}

export class MemoryDeadLetters implements DeadLetterStore {
  private readonly letters = new Map<string, DeadLetter>();
  list(): DeadLetter[] {
    return [...this.letters.values()];
  }
  put(letter: DeadLetter): void {
    this.letters.set(letter.id, letter);
  }
  remove(id: string): void {
    this.letters.delete(id);
  }
}

/**
 * Dead letters in a JSON file, rewritten whole (to a temporary file, then renamed over the old one)
 * on every change, so a crash leaves either the old or the new list. A file, not an item in
 * DynamoDB Local: the letters that matter most are those of deliveries that failed while DynamoDB
 * Local was down, when an item could not have been written either.
 */
export class FileDeadLetters implements DeadLetterStore {
  private readonly letters = new Map<string, DeadLetter>();

  constructor(private readonly file: string) {
    if (!existsSync(file)) return;
    try {
      for (const letter of JSON.parse(readFileSync(file, 'utf8')) as DeadLetter[]) this.letters.set(letter.id, letter);
    } catch (error) {
      // An unreadable file is set aside, not lost, and does not stop `npm start`.
      const aside = `${file}.unreadable-${Date.now()}`;
      renameSync(file, aside);
      console.error(`[bus] ${file} could not be read (${String(error)}); moved to ${aside}, starting with no dead letters`);
    }
  }
  list(): DeadLetter[] {
    return [...this.letters.values()];
  }
  put(letter: DeadLetter): void {
    this.letters.set(letter.id, letter);
    this.save();
  }
  remove(id: string): void {
    if (this.letters.delete(id)) this.save();
  }
  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.list(), null, 2));
    renameSync(temporary, this.file);
  }
}

export interface RedriveResult {
  redelivered: number;
  /** Letters that failed again (kept, with the new error) or whose subscriber no longer exists. */
  failed: number;
}

/**
 * The in-process event bus: the local adapter for EventBridge rules. Delivery is at least once;
 * a failing subscriber is retried with backoff, then its event is kept as a dead letter (GET
 * /dev/events/dead-letters; in a file under the data folder with `npm start`, so it survives a
 * restart) until `redrive` (POST /dev/events/redrive) delivers it again, to that subscriber only,
 * as the cloud's target dead-letter queue is redriven to its target (docs/development.md).
 */
export class LocalBus {
  delivered = 0;
  private readonly listeners: ((envelope: EventEnvelope) => void)[] = [];
  private redriving: Promise<RedriveResult> | undefined;

  constructor(
    private readonly subscribers: Subscriber[],
    private readonly retries = 4,
    private readonly deadLetterStore: DeadLetterStore = new MemoryDeadLetters(),
  ) {}

  get deadLetters(): DeadLetter[] {
    return this.deadLetterStore.list();
  }

  onEvent(listener: (envelope: EventEnvelope) => void): void {
    this.listeners.push(listener);
  }

  async publish(envelope: EventEnvelope): Promise<void> {
    await this.publishAll([envelope]);
  }

  /**
   * Delivers a batch read from a stream: each consumer function gets its events in stream order,
   * one at a time, while different consumers (other services' tables) work at the same time.
   */
  async publishAll(envelopes: readonly EventEnvelope[]): Promise<void> {
    for (const envelope of envelopes) for (const listener of this.listeners) listener(envelope);
    const queues = new Map<string, { subscriber: Subscriber; envelope: EventEnvelope }[]>();
    for (const envelope of envelopes) {
      for (const subscriber of this.subscribers) {
        if (subscriber.event !== envelope.type) continue;
        const queue = queues.get(subscriber.functionName) ?? [];
        queue.push({ subscriber, envelope });
        queues.set(subscriber.functionName, queue);
      }
    }
    await Promise.all(
      [...queues.values()].map(async (queue) => {
        for (const { subscriber, envelope } of queue) {
          const error = await this.deliver(subscriber, envelope);
          if (error !== undefined) this.deadLetter(subscriber, envelope, error);
        }
      }),
    );
  }

  /**
   * Delivers every dead letter once more to its own subscriber (with the usual retries); delivered
   * letters are removed, failing ones kept with their new error. One redrive at a time.
   */
  redrive(): Promise<RedriveResult> {
    const previous = this.redriving ?? Promise.resolve({ redelivered: 0, failed: 0 });
    const next = previous.catch(() => undefined).then(() => this.redriveAll());
    this.redriving = next;
    return next;
  }

  private async redriveAll(): Promise<RedriveResult> {
    const result: RedriveResult = { redelivered: 0, failed: 0 };
    for (const letter of this.deadLetterStore.list()) {
      const subscriber = this.subscribers.find((candidate) => candidate.functionName === letter.subscriber && candidate.event === letter.envelope.type);
      if (!subscriber) {
        result.failed++;
        continue;
      }
      const error = await this.deliver(subscriber, letter.envelope);
      if (error === undefined) {
        this.deadLetterStore.remove(letter.id);
        result.redelivered++;
      } else {
        this.deadLetter(subscriber, letter.envelope, error);
        result.failed++;
      }
    }
    return result;
  }

  private deadLetter(subscriber: Subscriber, envelope: EventEnvelope, error: unknown): void {
    console.error(`[bus] ${subscriber.functionName} failed on ${envelope.type} ${envelope.id}; kept as a dead letter:`, error);
    this.deadLetterStore.put({
      id: `${subscriber.functionName}|${envelope.id}`,
      envelope,
      subscriber: subscriber.functionName,
      error: String(error),
      failedAt: new Date().toISOString(),
    });
  }

  /** One delivery with its retries; the last error when every attempt failed. */
  private async deliver(subscriber: Subscriber, envelope: EventEnvelope): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      try {
        const handler = await loadHandler(subscriber.path, subscriber.exportName);
        await handler(toDelivery(envelope), lambdaContext(subscriber.functionName, envelope.id));
        this.delivered++;
        return undefined;
      } catch (error) {
        if (attempt >= this.retries) return error ?? new Error('delivery failed');
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    }
  }
}
