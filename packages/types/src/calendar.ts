/**
 * PRC working-day calendar (法定节假日 and 调休 make-up working days), per year, as data.
 * Owned by the notices service (notice windows) and used by dispatch (first working day).
 */
export interface YearCalendar {
  year: number;
  /** Statutory rest days that fall on weekdays (YYYY-MM-DD). */
  holidays: string[];
  /** Saturdays or Sundays that are working days (调休). */
  makeUpWorkdays: string[];
  source: string;
}
