import { DomainError } from '@jingzhun/types';

/**
 * After-exit policy continuity (workflows.md §2.2, "decision 6"): policies stay unchanged for 3
 * years from 销号 (000 EX-15 L3922–3924) and at least to the end of 2020 (002 E-3 L147):
 * policy_until = max(销号 date + 3 years, 2020-12-31).
 */
export const POLICY_YEARS = 3;
export const POLICY_FLOOR = '2020-12-31';

export function policyUntil(deregisteredOn: string): string {
  const [year, month, day] = deregisteredOn.split('-') as [string, string, string];
  let until = `${Number(year) + POLICY_YEARS}-${month}-${day}`;
  if (month === '02' && day === '29') until = `${Number(year) + POLICY_YEARS}-02-28`;
  return until > POLICY_FLOOR ? until : POLICY_FLOOR;
}

export function hasPolicy(policyUntilDate: string | undefined, today: string): boolean {
  return policyUntilDate !== undefined && today <= policyUntilDate;
}

/**
 * The NSYS adjustment window (全国扶贫开发信息系统开放调整期), set by the county as data:
 * 销号 and 建档 are accepted only while it is open (000 EX-6 L1062–1068; EX-11 L1099–1103).
 */
export interface NsysWindow {
  opens: string;
  closes: string;
}

export function isWindowOpen(window: NsysWindow | undefined, today: string): boolean {
  return window !== undefined && window.opens <= today && today <= window.closes;
}

export function assertWindowOpen(window: NsysWindow | undefined, today: string): void {
  if (isWindowOpen(window, today)) return;
  const detail = window ? `（开放期 ${window.opens} 至 ${window.closes}）` : '（尚未设置开放期）';
  throw new DomainError('NSYS_WINDOW_CLOSED', `全国扶贫开发信息系统未在开放调整期内${detail}，今天（${today}）不能销号或建档`, 409, {
    today,
    ...(window ?? {}),
  });
}
