import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The correlation id of the work in progress: one id from the HTTP request (or the schedule's
 * invocation) through the outbox envelope to every consumer of its events and their own events,
 * so an operator follows one user action across services by one value in the logs.
 *
 * Held in AsyncLocalStorage rather than passed by hand: every unit of work reads it when it is made
 * (audit entries and emitted envelopes carry it), and the local cloud runs many invocations in one
 * process at once, so a module variable would mix them.
 */
const current = new AsyncLocalStorage<string>();

/** The header a client (or an upstream system) may send to continue its own correlation id. */
export const CORRELATION_HEADER = 'x-correlation-id';

/** A correlation id a caller may send: printable, short, no separators that break log queries. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's correlation id when it is acceptable, else the fallback (the request's own id). */
export function correlationFrom(sent: string | undefined, fallback: string): string {
  return sent && ACCEPTABLE.test(sent) ? sent : fallback;
}

export function withCorrelation<T>(id: string, work: () => Promise<T>): Promise<T> {
  return current.run(id, work);
}

export function currentCorrelationId(): string | undefined {
  return current.getStore();
}
