import { mayOpen, type Who } from '../../access.js';
import { caseworkPages } from '../pages/casework/index.js';
import { collectivePages } from '../pages/collective/index.js';
import { comparisonPages } from '../pages/comparisons/index.js';
import { creditPages } from '../pages/credit/index.js';
import { dispatchPages } from '../pages/dispatch/index.js';
import { fundsPages } from '../pages/funds/index.js';
import { householdPages } from '../pages/households/index.js';
import { noticePages } from '../pages/notices/index.js';
import { subsidyPages } from '../pages/subsidy/index.js';
import { supervisionPages } from '../pages/supervision/index.js';
import { wechatPages } from '../pages/wechat/index.js';
import type { ConsolePage } from './page.js';

/** Every page of the console, in menu order (areas add their list here, one line each). */
export const CONSOLE_PAGES: ConsolePage[] = [
  ...householdPages,
  ...comparisonPages,
  ...noticePages,
  ...subsidyPages,
  ...creditPages,
  ...dispatchPages,
  ...fundsPages,
  ...collectivePages,
  ...caseworkPages,
  ...supervisionPages,
  ...wechatPages,
];

/** The menu groups in order of first appearance. */
export function menuFor(who: Who | undefined): { group: string; pages: ConsolePage[] }[] {
  const groups: { group: string; pages: ConsolePage[] }[] = [];
  for (const page of CONSOLE_PAGES) {
    if (page.menu === false || !mayOpen(who, page)) continue;
    let entry = groups.find((g) => g.group === page.group);
    if (!entry) {
      entry = { group: page.group, pages: [] };
      groups.push(entry);
    }
    entry.pages.push(page);
  }
  return groups;
}

/** Where a user lands after sign-in: the first page offered. */
export function homePath(who: Who | undefined): string {
  return menuFor(who)[0]?.pages[0]?.path ?? '/households';
}
