import { mayOpen, type Who } from '../../access.js';
import { comparisonPages } from '../pages/comparisons/index.js';
import { householdPages } from '../pages/households/index.js';
import type { ConsolePage } from './page.js';

/** Every page of the console, in menu order (areas add their list here, one line each). */
export const CONSOLE_PAGES: ConsolePage[] = [...householdPages, ...comparisonPages];

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
