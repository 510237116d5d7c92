import { describe, expect, it } from 'vitest';
import { cronMatches, nextFiring, parseCron } from '../src/cron.js';

describe('EventBridge cron in Asia/Shanghai', () => {
  it('fires the monthly dispatch at 09:00 Shanghai on the 1st (workflows.md §6)', () => {
    const schedule = parseCron('cron(0 9 1 * ? *)');
    expect(cronMatches(schedule, new Date('2019-03-01T01:00:00Z'))).toBe(true); // 09:00 +08:00
    expect(cronMatches(schedule, new Date('2019-03-01T09:00:00Z'))).toBe(false);
    expect(nextFiring(schedule, new Date('2019-03-01T01:00:00Z'))?.toISOString()).toBe('2019-04-01T01:00:00.000Z');
  });

  it('handles lists, ranges, steps and weekday names', () => {
    const tenDay = parseCron('cron(0 9 1,11,21 * ? *)');
    expect(cronMatches(tenDay, new Date('2019-03-11T01:00:00Z'))).toBe(true);
    expect(cronMatches(tenDay, new Date('2019-03-12T01:00:00Z'))).toBe(false);
    const quarterly = parseCron('cron(0 9 5 1,4,7,10 ? *)');
    expect(cronMatches(quarterly, new Date('2019-04-05T01:00:00Z'))).toBe(true);
    expect(cronMatches(quarterly, new Date('2019-05-05T01:00:00Z'))).toBe(false);
    const weekdays = parseCron('cron(30 8 ? * MON-FRI *)');
    expect(cronMatches(weekdays, new Date('2019-03-04T00:30:00Z'))).toBe(true); // Monday
    expect(cronMatches(weekdays, new Date('2019-03-03T00:30:00Z'))).toBe(false); // Sunday
    const hourly = parseCron('cron(0 * * * ? *)');
    expect(cronMatches(hourly, new Date('2019-03-03T07:00:00Z'))).toBe(true);
    const steps = parseCron('cron(0/15 * * * ? *)');
    expect([...steps.minutes]).toEqual([0, 15, 30, 45]);
  });

  it('rejects malformed expressions', () => {
    expect(() => parseCron('0 9 1 * ? *')).toThrow();
    expect(() => parseCron('cron(0 9 1 * *)')).toThrow();
    expect(() => parseCron('cron(0 9 1 * 2 *)')).toThrow(); // day-of-month and day-of-week both set
    expect(() => parseCron('cron(0 25 1 * ? *)')).toThrow();
    expect(() => parseCron('cron(0 9 L * ? *)')).toThrow();
  });
});
