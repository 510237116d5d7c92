import { describe, expect, it } from 'vitest';
import {
  DomainError,
  firstWorkingDayOfMonth,
  HOLIDAY_CALENDAR,
  isCalendarCovered,
  isFirstWorkingDayOfMonth,
  isStatutoryRestDay,
  isWeekend,
  isWorkingDay,
  nextWorkingDay,
  workingDayOnOrAfter,
} from '../src/index.js';

describe('PRC holiday calendar data (国务院办公厅关于X年部分节假日安排的通知)', () => {
  it('covers every year 2016–2027, each with its source', () => {
    expect(HOLIDAY_CALENDAR.map((entry) => entry.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    for (const entry of HOLIDAY_CALENDAR) {
      expect(entry.source).toMatch(/国务院办公厅关于\d{4}年/);
      expect(entry.periods.length).toBeGreaterThanOrEqual(6);
    }
    expect(HOLIDAY_CALENDAR.filter((entry) => entry.provisional).map((entry) => entry.year)).toEqual([2027]);
  });

  it('lists holidays on weekdays only and make-up days on weekends only, never both', () => {
    for (const entry of HOLIDAY_CALENDAR) {
      for (const date of entry.holidays) expect(isWeekend(date), `${entry.year} holiday ${date}`).toBe(false);
      for (const date of entry.makeUpWorkdays) {
        expect(isWeekend(date), `${entry.year} make-up ${date}`).toBe(true);
        expect(entry.holidays).not.toContain(date);
      }
    }
  });

  it('balances each year: weekday rest days = statutory days + make-up days (catches transcription slips)', () => {
    // 11 statutory days until 2024; 13 from 2025 (国务院令第798号 added 除夕 and 5月2日).
    for (const entry of HOLIDAY_CALENDAR) {
      if (entry.provisional) continue;
      const statutory = entry.year >= 2025 ? 13 : 11;
      // 2020: the Spring Festival extension added 1月31日 (Fri) and cancelled the 2月1日 make-up Saturday.
      const extra = entry.year === 2020 ? 2 : 0;
      expect(entry.holidays.length, String(entry.year)).toBe(statutory + entry.makeUpWorkdays.length + extra);
    }
  });
});

describe('working days (workflows.md Conventions, "Days")', () => {
  it('treats public holidays as rest days and 调休 weekends as working days', () => {
    expect(isStatutoryRestDay('2018-10-03')).toBe(true); // 国庆
    expect(isWorkingDay('2018-09-29')).toBe(true); // Saturday worked before 国庆 2018
    expect(isWorkingDay('2019-05-05')).toBe(true); // Sunday worked after the revised 劳动节 2019
    expect(isWorkingDay('2024-02-18')).toBe(true); // Sunday worked after 春节 2024
    expect(isStatutoryRestDay('2020-02-01')).toBe(true); // make-up Saturday cancelled by the extension
    expect(isStatutoryRestDay('2018-12-31')).toBe(true); // 元旦 2019 starts in 2018
    expect(isWorkingDay('2018-12-29')).toBe(true);
    expect(isStatutoryRestDay('2018-11-10')).toBe(true); // an ordinary Saturday
    expect(isWorkingDay('2018-11-12')).toBe(true); // an ordinary Monday
  });

  it('finds the next working day across a holiday week and a month end', () => {
    expect(nextWorkingDay('2024-09-30')).toBe('2024-10-08');
    expect(nextWorkingDay('2018-09-28')).toBe('2018-09-29'); // make-up Saturday
    expect(nextWorkingDay('2020-01-23')).toBe('2020-02-03');
    expect(nextWorkingDay('2017-12-29')).toBe('2018-01-02');
    expect(workingDayOnOrAfter('2018-11-12')).toBe('2018-11-12');
    expect(workingDayOnOrAfter('2018-11-10')).toBe('2018-11-12');
  });

  it('computes the first working day of a month (WD1, workflows.md §6)', () => {
    expect(firstWorkingDayOfMonth('2024-10')).toBe('2024-10-08');
    expect(firstWorkingDayOfMonth('2025-02')).toBe('2025-02-05');
    expect(firstWorkingDayOfMonth('2026-01')).toBe('2026-01-04'); // a make-up Sunday
    expect(firstWorkingDayOfMonth('2023-01')).toBe('2023-01-03');
    expect(firstWorkingDayOfMonth('2019-06')).toBe('2019-06-03');
    expect(firstWorkingDayOfMonth('2020-02')).toBe('2020-02-03');
    expect(firstWorkingDayOfMonth('2018-05')).toBe('2018-05-02');
    expect(isFirstWorkingDayOfMonth('2026-01-04')).toBe(true);
    expect(isFirstWorkingDayOfMonth('2026-01-05')).toBe(false);
  });

  it('refuses years the calendar does not hold instead of guessing', () => {
    expect(isCalendarCovered('2027-03-01')).toBe(true);
    expect(isCalendarCovered('2028-03-01')).toBe(false);
    expect(() => isWorkingDay('2028-03-01')).toThrow(DomainError);
    expect(() => firstWorkingDayOfMonth('2018-13')).toThrow(/YYYY-MM/);
  });
});
