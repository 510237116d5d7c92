import { DomainError } from './errors.js';
import { addDays, type Period } from './period.js';

/**
 * PRC working-day calendar (法定节假日 and 调休 make-up working days), per year, as data.
 * Owned by the notices service (notice windows) and used by dispatch (first working day).
 *
 * Each year is transcribed from the State Council General Office's yearly notice
 * (国务院办公厅关于X年部分节假日安排的通知, plus any later adjustment notice). A holiday period is
 * written as the notice states it ("2月7日至13日放假调休"); the weekday rest days are derived from
 * it. Dates may fall in the previous calendar year when the notice says so (元旦 2019 starts
 * 2018-12-30, with 2018-12-29 worked).
 *
 * Rule used with it (workflows.md Conventions, "Days"): a statutory rest day (法定休假日) is a
 * public holiday or a Saturday/Sunday that is not a 调休 make-up working day.
 */
export interface HolidayPeriod {
  /** 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 (or combinations). */
  name: string;
  /** First and last rest day as the notice states them (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
}

export interface YearCalendar {
  year: number;
  /** Statutory rest days that fall on weekdays (YYYY-MM-DD). Derived from `periods`. */
  holidays: string[];
  /** Saturdays or Sundays that are working days (调休). */
  makeUpWorkdays: string[];
  source: string;
  /** The rest periods as announced. */
  periods: HolidayPeriod[];
  /**
   * True when the yearly notice was not available when this data was written: only the
   * statutory days of 《全国年节及纪念日放假办法》 that fall on weekdays are listed, with no 调休.
   * Replace with the published arrangement as soon as it appears.
   */
  provisional?: boolean;
}

function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday … 6 = Saturday
}

export function isWeekend(date: string): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

function year(value: number, source: string, periods: [name: string, from: string, to: string][], makeUpWorkdays: string[], provisional = false): YearCalendar {
  const holidays: string[] = [];
  const parsed = periods.map(([name, from, to]) => ({ name, from, to }));
  for (const period of parsed) {
    for (let date = period.from; date <= period.to; date = addDays(date, 1)) if (!isWeekend(date)) holidays.push(date);
  }
  return { year: value, holidays, makeUpWorkdays, source, periods: parsed, ...(provisional ? { provisional } : {}) };
}

/** One entry per year, 2016–2027. */
export const HOLIDAY_CALENDAR: readonly YearCalendar[] = [
  year(
    2016,
    '国务院办公厅关于2016年部分节假日安排的通知（国办发明电〔2015〕18号）',
    [
      ['元旦', '2016-01-01', '2016-01-03'],
      ['春节', '2016-02-07', '2016-02-13'],
      ['清明节', '2016-04-02', '2016-04-04'],
      ['劳动节', '2016-04-30', '2016-05-02'],
      ['端午节', '2016-06-09', '2016-06-11'],
      ['中秋节', '2016-09-15', '2016-09-17'],
      ['国庆节', '2016-10-01', '2016-10-07'],
    ],
    ['2016-02-06', '2016-02-14', '2016-06-12', '2016-09-18', '2016-10-08', '2016-10-09'],
  ),
  year(
    2017,
    '国务院办公厅关于2017年部分节假日安排的通知（2016年12月1日）',
    [
      ['元旦', '2016-12-31', '2017-01-02'],
      ['春节', '2017-01-27', '2017-02-02'],
      ['清明节', '2017-04-02', '2017-04-04'],
      ['劳动节', '2017-04-29', '2017-05-01'],
      ['端午节', '2017-05-28', '2017-05-30'],
      ['中秋节、国庆节', '2017-10-01', '2017-10-08'],
    ],
    ['2017-01-22', '2017-02-04', '2017-04-01', '2017-05-27', '2017-09-30'],
  ),
  year(
    2018,
    '国务院办公厅关于2018年部分节假日安排的通知',
    [
      ['元旦', '2017-12-30', '2018-01-01'],
      ['春节', '2018-02-15', '2018-02-21'],
      ['清明节', '2018-04-05', '2018-04-07'],
      ['劳动节', '2018-04-29', '2018-05-01'],
      ['端午节', '2018-06-16', '2018-06-18'],
      ['中秋节', '2018-09-22', '2018-09-24'],
      ['国庆节', '2018-10-01', '2018-10-07'],
    ],
    ['2018-02-11', '2018-02-24', '2018-04-08', '2018-04-28', '2018-09-29', '2018-09-30'],
  ),
  year(
    2019,
    '国务院办公厅关于2019年部分节假日安排的通知；国务院办公厅关于调整2019年劳动节假期安排的通知',
    [
      ['元旦', '2018-12-30', '2019-01-01'],
      ['春节', '2019-02-04', '2019-02-10'],
      ['清明节', '2019-04-05', '2019-04-07'],
      ['劳动节', '2019-05-01', '2019-05-04'],
      ['端午节', '2019-06-07', '2019-06-09'],
      ['中秋节', '2019-09-13', '2019-09-15'],
      ['国庆节', '2019-10-01', '2019-10-07'],
    ],
    ['2018-12-29', '2019-02-02', '2019-02-03', '2019-04-28', '2019-05-05', '2019-09-29', '2019-10-12'],
  ),
  year(
    2020,
    '国务院办公厅关于2020年部分节假日安排的通知；国务院办公厅关于延长2020年春节假期的通知（春节延至2月2日，2月1日不再上班）',
    [
      ['元旦', '2020-01-01', '2020-01-01'],
      ['春节（延长）', '2020-01-24', '2020-02-02'],
      ['清明节', '2020-04-04', '2020-04-06'],
      ['劳动节', '2020-05-01', '2020-05-05'],
      ['端午节', '2020-06-25', '2020-06-27'],
      ['国庆节、中秋节', '2020-10-01', '2020-10-08'],
    ],
    ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
  ),
  year(
    2021,
    '国务院办公厅关于2021年部分节假日安排的通知',
    [
      ['元旦', '2021-01-01', '2021-01-03'],
      ['春节', '2021-02-11', '2021-02-17'],
      ['清明节', '2021-04-03', '2021-04-05'],
      ['劳动节', '2021-05-01', '2021-05-05'],
      ['端午节', '2021-06-12', '2021-06-14'],
      ['中秋节', '2021-09-19', '2021-09-21'],
      ['国庆节', '2021-10-01', '2021-10-07'],
    ],
    ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
  ),
  year(
    2022,
    '国务院办公厅关于2022年部分节假日安排的通知',
    [
      ['元旦', '2022-01-01', '2022-01-03'],
      ['春节', '2022-01-31', '2022-02-06'],
      ['清明节', '2022-04-03', '2022-04-05'],
      ['劳动节', '2022-04-30', '2022-05-04'],
      ['端午节', '2022-06-03', '2022-06-05'],
      ['中秋节', '2022-09-10', '2022-09-12'],
      ['国庆节', '2022-10-01', '2022-10-07'],
    ],
    ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
  ),
  year(
    2023,
    '国务院办公厅关于2023年部分节假日安排的通知',
    [
      ['元旦', '2022-12-31', '2023-01-02'],
      ['春节', '2023-01-21', '2023-01-27'],
      ['清明节', '2023-04-05', '2023-04-05'],
      ['劳动节', '2023-04-29', '2023-05-03'],
      ['端午节', '2023-06-22', '2023-06-24'],
      ['中秋节、国庆节', '2023-09-29', '2023-10-06'],
    ],
    ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  ),
  year(
    2024,
    '国务院办公厅关于2024年部分节假日安排的通知',
    [
      ['元旦', '2024-01-01', '2024-01-01'],
      ['春节', '2024-02-10', '2024-02-17'],
      ['清明节', '2024-04-04', '2024-04-06'],
      ['劳动节', '2024-05-01', '2024-05-05'],
      ['端午节', '2024-06-10', '2024-06-10'],
      ['中秋节', '2024-09-15', '2024-09-17'],
      ['国庆节', '2024-10-01', '2024-10-07'],
    ],
    ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  ),
  year(
    2025,
    '国务院办公厅关于2025年部分节假日安排的通知',
    [
      ['元旦', '2025-01-01', '2025-01-01'],
      ['春节', '2025-01-28', '2025-02-04'],
      ['清明节', '2025-04-04', '2025-04-06'],
      ['劳动节', '2025-05-01', '2025-05-05'],
      ['端午节', '2025-05-31', '2025-06-02'],
      ['国庆节、中秋节', '2025-10-01', '2025-10-08'],
    ],
    ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  ),
  year(
    2026,
    '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    [
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'],
      ['清明节', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ],
    ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  ),
  year(
    2027,
    '暂定：国务院办公厅关于2027年部分节假日安排的通知尚未收录；按《全国年节及纪念日放假办法》（2024年修订，国务院令第798号）列出落在工作日的法定节日，不含调休，待通知发布后替换',
    [
      ['元旦', '2027-01-01', '2027-01-01'],
      ['春节（除夕至初三）', '2027-02-05', '2027-02-08'],
      ['清明节', '2027-04-05', '2027-04-05'],
      ['劳动节', '2027-05-01', '2027-05-02'],
      ['端午节', '2027-06-09', '2027-06-09'],
      ['中秋节', '2027-09-15', '2027-09-15'],
      ['国庆节', '2027-10-01', '2027-10-03'],
    ],
    [],
    true,
  ),
];

const HOLIDAYS = new Set(HOLIDAY_CALENDAR.flatMap((entry) => entry.holidays));
const MAKE_UP = new Set(HOLIDAY_CALENDAR.flatMap((entry) => entry.makeUpWorkdays));
const COVERED_YEARS = new Set(HOLIDAY_CALENDAR.map((entry) => entry.year));

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when the calendar holds the arrangement for the year of `date`. */
export function isCalendarCovered(date: string): boolean {
  return COVERED_YEARS.has(Number(date.slice(0, 4)));
}

function assertCovered(date: string): void {
  if (!DATE.test(date)) throw new DomainError('VALIDATION_FAILED', `日期须为 YYYY-MM-DD 格式：${date}`, 400);
  if (!isCalendarCovered(date)) {
    throw new DomainError('CALENDAR_YEAR_MISSING', `节假日日历缺少 ${date.slice(0, 4)} 年的安排，请先补录国务院办公厅当年的节假日安排通知`, 500, { year: date.slice(0, 4) });
  }
}

/**
 * A statutory rest day (法定休假日): a public holiday, or a Saturday or Sunday that is not a 调休
 * make-up working day (workflows.md Conventions, "Days").
 */
export function isStatutoryRestDay(date: string): boolean {
  assertCovered(date);
  if (HOLIDAYS.has(date)) return true;
  if (MAKE_UP.has(date)) return false;
  return isWeekend(date);
}

export function isWorkingDay(date: string): boolean {
  return !isStatutoryRestDay(date);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string): string {
  let candidate = addDays(date, 1);
  while (isStatutoryRestDay(candidate)) candidate = addDays(candidate, 1);
  return candidate;
}

/** `date` itself when it is a working day, else the next working day (a deadline that falls on a rest day). */
export function workingDayOnOrAfter(date: string): string {
  return isWorkingDay(date) ? date : nextWorkingDay(date);
}

/** The first working day of a period `YYYY-MM` (workflows.md §6 `WD1`). */
export function firstWorkingDayOfMonth(period: Period): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new DomainError('VALIDATION_FAILED', `期间须为 YYYY-MM 格式：${period}`, 400);
  return workingDayOnOrAfter(`${period}-01`);
}

/** True when `date` is the first working day of its month (for `onlyOn: 'first-working-day'` jobs). */
export function isFirstWorkingDayOfMonth(date: string): boolean {
  return firstWorkingDayOfMonth(date.slice(0, 7)) === date;
}
