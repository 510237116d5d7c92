/**
 * EventBridge Scheduler cron expressions: `cron(minutes hours day-of-month month day-of-week year)`,
 * evaluated in Asia/Shanghai (the only time zone the project schedules in; China has no DST).
 * Supported: `*`, `?`, lists, ranges, steps, month and weekday names. `L`, `W` and `#` are not used
 * by any job of workflows.md §6 and are rejected rather than misread.
 */
export interface CronSchedule {
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number> | 'any';
  months: Set<number>;
  daysOfWeek: Set<number> | 'any'; // 1 = Sunday … 7 = Saturday, as in EventBridge
  years: Set<number> | 'any';
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function parseField(field: string, min: number, max: number, names: string[] = [], nameBase = 1): Set<number> {
  const values = new Set<number>();
  const toNumber = (token: string): number => {
    const named = names.indexOf(token.toUpperCase());
    const value = named >= 0 ? named + nameBase : Number(token);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`cron value ${token} outside ${min}-${max}`);
    return value;
  };
  for (const part of field.split(',')) {
    if (/[LW#]/.test(part)) throw new Error(`cron feature not supported: ${part}`);
    const [range, stepText] = part.split('/') as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad cron step ${part}`);
    let from: number;
    let to: number;
    if (range === '*') {
      from = min;
      to = max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-') as [string, string];
      from = toNumber(a);
      to = toNumber(b);
    } else {
      from = toNumber(range);
      to = stepText === undefined ? from : max;
    }
    if (from > to) throw new Error(`bad cron range ${part}`);
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

export function parseCron(expression: string): CronSchedule {
  const match = /^cron\((.+)\)$/.exec(expression.trim());
  if (!match) throw new Error(`not a cron expression: ${expression}`);
  const fields = (match[1] as string).trim().split(/\s+/);
  if (fields.length !== 6) throw new Error(`cron needs 6 fields: ${expression}`);
  const [minutes, hours, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  if ((dom === '?') === (dow === '?')) throw new Error(`cron: exactly one of day-of-month and day-of-week must be ?: ${expression}`);
  return {
    minutes: parseField(minutes, 0, 59),
    hours: parseField(hours, 0, 23),
    daysOfMonth: dom === '?' || dom === '*' ? 'any' : parseField(dom, 1, 31),
    months: parseField(month, 1, 12, MONTHS),
    daysOfWeek: dow === '?' || dow === '*' ? 'any' : parseField(dow, 1, 7, DAYS),
    years: year === '*' ? 'any' : parseField(year, 1970, 2199),
  };
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** True when the schedule fires at the minute containing `instant`. */
export function cronMatches(schedule: CronSchedule, instant: Date): boolean {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return (
    schedule.minutes.has(local.getUTCMinutes()) &&
    schedule.hours.has(local.getUTCHours()) &&
    schedule.months.has(local.getUTCMonth() + 1) &&
    (schedule.daysOfMonth === 'any' || schedule.daysOfMonth.has(local.getUTCDate())) &&
    (schedule.daysOfWeek === 'any' || schedule.daysOfWeek.has(local.getUTCDay() + 1)) &&
    (schedule.years === 'any' || schedule.years.has(local.getUTCFullYear()))
  );
}

/** The next firing strictly after `after` (minute resolution), searching up to `horizonDays`. */
export function nextFiring(schedule: CronSchedule, after: Date, horizonDays = 400): Date | undefined {
  const start = Math.floor(after.getTime() / 60_000) * 60_000 + 60_000;
  const end = start + horizonDays * 86_400_000;
  for (let t = start; t < end; t += 60_000) {
    const candidate = new Date(t);
    if (cronMatches(schedule, candidate)) return candidate;
  }
  return undefined;
}
