import type { EventEnvelope } from '@jingzhun/types';

/** Shifts the platform clock (systemClock reads JZ_CLOCK_OFFSET_MS, as `POST /dev/clock` does). */
export function setClock(iso: string): void {
  process.env.JZ_CLOCK_OFFSET_MS = String(Date.parse(iso) - Date.now());
}

export function resetClock(): void {
  delete process.env.JZ_CLOCK_OFFSET_MS;
}

export function eventsOf(events: EventEnvelope[], type: string): EventEnvelope[] {
  return events.filter((event) => event.type === type);
}
