/** Time and ids are ports so domain code and tests control them. */
export interface Clock {
  now(): Date;
}

/**
 * The system clock. Local-cloud may shift it for demos and end-to-end tests of notice windows
 * (`POST /dev/clock`); nothing sets the offset in the cloud.
 */
export const systemClock: Clock = {
  now: () => new Date(Date.now() + Number(process.env.JZ_CLOCK_OFFSET_MS ?? 0)),
};

export function fixedClock(iso: string): Clock & { set(iso: string): void; advanceDays(days: number): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current.getTime()),
    set: (next: string) => {
      current = new Date(next);
    },
    advanceDays: (days: number) => {
      current = new Date(current.getTime() + days * 86_400_000);
    },
  };
}
