import * as z from 'zod';

/** Periods are calendar months `YYYY-MM` in Asia/Shanghai. */
export const Period = z.string().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, { message: '期间须为 YYYY-MM 格式' });
export type Period = string;

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期须为 YYYY-MM-DD 格式' })
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    },
    { message: '日期不存在' },
  );

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000; // China has no daylight saving time.

/** Calendar date (YYYY-MM-DD) in Asia/Shanghai of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Period (YYYY-MM) in Asia/Shanghai of an instant. */
export function periodOf(instant: Date): Period {
  return shanghaiDate(instant).slice(0, 7);
}

export function addMonths(period: Period, months: number): Period {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Last calendar day of a period. */
export function periodEnd(period: Period): string {
  return addDays(`${addMonths(period, 1)}-01`, -1);
}

/** The instant at which a Shanghai calendar day ends (24:00 of that day). */
export function endOfShanghaiDay(date: string): Date {
  return new Date(Date.parse(`${addDays(date, 1)}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}
