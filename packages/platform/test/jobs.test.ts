import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { jobHandler } from '../src/jobs.js';

/** WD1 jobs (workflows.md §6): the schedule fires on days 1–10; the job runs on the first working day only. */
describe('jobHandler and the first-working-day gate', () => {
  const runs: string[] = [];
  const job = jobHandler(async (input) => {
    runs.push(input.scheduledTime as string);
    return { ran: true };
  });
  const invoke = (scheduledTime: string, onlyOn?: 'first-working-day') => job({ job: 'dropout-report', scheduledTime, ...(onlyOn ? { onlyOn } : {}) }, {} as Context);

  it('runs on the first working day and skips the other days, by the holiday calendar', async () => {
    // October 2019: 1–7 National Day holiday, so the first working day is Tuesday 8 October.
    expect(await invoke('2019-10-07T00:00:00.000Z', 'first-working-day')).toEqual({ skipped: '2019-10-07 不是本月第一个工作日' });
    expect(await invoke('2019-10-08T00:00:00.000Z', 'first-working-day')).toEqual({ ran: true });
    expect(await invoke('2019-10-09T00:00:00.000Z', 'first-working-day')).toMatchObject({ skipped: expect.any(String) });
    // The date is Asia/Shanghai's: 08:00 on 8 October is 00:00 UTC; 23:00 UTC on the 7th is already the 8th there.
    expect(await invoke('2019-10-07T23:00:00.000Z', 'first-working-day')).toEqual({ ran: true });
    expect(runs).toEqual(['2019-10-08T00:00:00.000Z', '2019-10-07T23:00:00.000Z']);
  });

  it('runs on any day when not gated (on-demand runs)', async () => {
    expect(await invoke('2019-10-05T00:00:00.000Z')).toEqual({ ran: true });
  });
});
