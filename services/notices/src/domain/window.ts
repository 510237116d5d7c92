import { addDays, endOfShanghaiDay, isStatutoryRestDay, nextWorkingDay, shanghaiDate } from '@jingzhun/types';

/** A notice window: calendar dates in Asia/Shanghai and the closing instant. */
export interface NoticeWindow {
  /** The posting date. */
  postedOn: string;
  /** First day of the window: the day after posting. */
  start: string;
  /** Day N before any holiday shift. */
  nominalEnd: string;
  /** Last day of the window, moved past statutory rest days. */
  end: string;
  /** 24:00 (Asia/Shanghai) of `end`, as an ISO instant. */
  closesAt: string;
}

/**
 * workflows.md Conventions, "Days" [PROP]: an N-day notice starts the day after posting and ends
 * at 24:00 on day N; when day N is a statutory rest day (public holiday, or a weekend that is not a
 * 调休 working day) it runs to the next working day. Seed 000 PN-1 L1044–1050 (7 天), PN-2
 * L1058–1062 (5 天).
 */
export function noticeWindow(postedAt: Date, days: number): NoticeWindow {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`notice days must be a positive integer: ${days}`);
  const postedOn = shanghaiDate(postedAt);
  const start = addDays(postedOn, 1);
  const nominalEnd = addDays(postedOn, days);
  const end = isStatutoryRestDay(nominalEnd) ? nextWorkingDay(nominalEnd) : nominalEnd;
  return { postedOn, start, nominalEnd, end, closesAt: endOfShanghaiDay(end).toISOString() };
}

/** The window has expired once its closing instant has passed. */
export function isExpired(closesAt: string, now: Date): boolean {
  return now.getTime() >= Date.parse(closesAt);
}
