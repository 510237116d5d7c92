import { describe, expect, it } from 'vitest';
import { noticePhase } from '../src/domain/projection.js';
import { isExpired, noticeWindow } from '../src/domain/window.js';

/** Posting instants are given in Asia/Shanghai (+08:00). */
const at = (local: string) => new Date(`${local}+08:00`);

describe('notice window arithmetic (workflows.md Conventions "Days"; seed 000 PN-1 L1044–1050, PN-2 L1058–1062)', () => {
  it('a 7-day 公示 starts the day after posting and ends at 24:00 on day 7', () => {
    const window = noticeWindow(at('2018-10-24T10:00:00'), 7);
    expect(window).toEqual({ postedOn: '2018-10-24', start: '2018-10-25', nominalEnd: '2018-10-31', end: '2018-10-31', closesAt: '2018-10-31T16:00:00.000Z' });
  });

  it('crosses a month end and moves a Sunday last day to Monday', () => {
    const window = noticeWindow(at('2018-11-27T09:00:00'), 5);
    expect(window.start).toBe('2018-11-28');
    expect(window.nominalEnd).toBe('2018-12-02');
    expect(window.end).toBe('2018-12-03');
  });

  it('runs past a public holiday week to the next working day (国庆 2018)', () => {
    const window = noticeWindow(at('2018-09-26T15:00:00'), 7);
    expect(window.nominalEnd).toBe('2018-10-03');
    expect(window.end).toBe('2018-10-08');
    expect(window.closesAt).toBe('2018-10-08T16:00:00.000Z');
  });

  it('keeps a last day that is a 调休 make-up Saturday or Sunday (a working day)', () => {
    expect(noticeWindow(at('2018-09-22T08:00:00'), 7).end).toBe('2018-09-29'); // Saturday worked before 国庆 2018
    expect(noticeWindow(at('2019-04-21T08:00:00'), 7).end).toBe('2019-04-28'); // Sunday worked before 劳动节 2019
  });

  it('follows the 2020 Spring Festival extension and the 元旦 that starts in the old year', () => {
    expect(noticeWindow(at('2020-01-20T08:00:00'), 7).end).toBe('2020-02-03');
    const newYear = noticeWindow(at('2018-12-26T08:00:00'), 5);
    expect(newYear.nominalEnd).toBe('2018-12-31');
    expect(newYear.end).toBe('2019-01-02');
  });

  it('crosses 29 February in a leap year', () => {
    const window = noticeWindow(at('2020-02-24T08:00:00'), 5);
    expect(window.nominalEnd).toBe('2020-02-29');
    expect(window.end).toBe('2020-03-02');
  });

  it('counts from the Shanghai date of posting, not the UTC date', () => {
    // 01:30 on the 25th in Shanghai is still the 24th in UTC.
    const window = noticeWindow(new Date('2018-10-24T17:30:00Z'), 7);
    expect(window.postedOn).toBe('2018-10-25');
    expect(window.end).toBe('2018-11-01');
  });

  it('expires exactly at 24:00 of the last day', () => {
    const { closesAt } = noticeWindow(at('2018-10-24T10:00:00'), 7);
    expect(isExpired(closesAt, at('2018-10-31T23:59:59.999'))).toBe(false);
    expect(isExpired(closesAt, at('2018-11-01T00:00:00'))).toBe(true);
  });

  it('refuses a non-positive duration', () => {
    expect(() => noticeWindow(at('2018-10-24T10:00:00'), 0)).toThrow(RangeError);
  });
});

describe('the public phase of a notice from its dates (issue 14)', () => {
  const window = { windowStart: '2018-10-25', closesAt: '2018-10-31T16:00:00.000Z' };
  it('is upcoming on the posting day, even late at night in Shanghai when UTC is still a day behind', () => {
    expect(noticePhase(window, new Date('2018-10-24T23:30:00+08:00'))).toBe('upcoming');
    expect(noticePhase(window, new Date('2018-10-24T08:00:00+08:00'))).toBe('upcoming');
  });
  it('is open from 00:00 Shanghai time of the first day, even though UTC is still on the posting day', () => {
    expect(noticePhase(window, new Date('2018-10-24T16:00:00Z'))).toBe('open');
    expect(noticePhase(window, new Date('2018-10-31T23:59:59+08:00'))).toBe('open');
  });
  it('has ended at 24:00 of the last day; a disclosure without window is permanent', () => {
    expect(noticePhase(window, new Date('2018-11-01T00:00:00+08:00'))).toBe('ended');
    expect(noticePhase({}, new Date('2018-11-01T00:00:00+08:00'))).toBe('permanent');
  });
});
