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

export interface DeadLetter {
  envelope: EventEnvelope;
  subscriber: string;
  error: string;
}

/**
 * The in-process event bus: the local adapter for EventBridge rules. Delivery is at least once;
 * a failing subscriber is retried with backoff, then recorded as a dead letter (visible at
 * GET /dev/events/dead-letters) so nothing fails silently.
 */
export class LocalBus {
  readonly deadLetters: DeadLetter[] = [];
  delivered = 0;
  private readonly listeners: ((envelope: EventEnvelope) => void)[] = [];

  constructor(
    private readonly subscribers: Subscriber[],
    private readonly retries = 4,
  ) {}

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
        for (const { subscriber, envelope } of queue) await this.deliver(subscriber, envelope);
      }),
    );
  }

  private async deliver(subscriber: Subscriber, envelope: EventEnvelope): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const handler = await loadHandler(subscriber.path, subscriber.exportName);
        await handler(toDelivery(envelope), lambdaContext(subscriber.functionName, envelope.id));
        this.delivered++;
        return;
      } catch (error) {
        if (attempt >= this.retries) {
          console.error(`[bus] ${subscriber.functionName} failed on ${envelope.type} ${envelope.id}:`, error);
          this.deadLetters.push({ envelope, subscriber: subscriber.functionName, error: String(error) });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    }
  }
}
