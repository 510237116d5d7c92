import type { Clock } from '@jingzhun/platform';
import { shanghaiDate } from '@jingzhun/types';
import type { ActionContext } from '../domain/actions.js';
import { loadHits } from '../store/households.js';
import { loadLineEntries, loadWindow } from '../store/reference.js';

/** Reference data a step needs: poverty lines, the county's NSYS window, the household's hits. */
export async function actionContext(householdId: string, region: string, role: ActionContext['role'], clock: Clock): Promise<ActionContext> {
  const [ctx] = await actionContexts([householdId], region, role, clock);
  return ctx as ActionContext;
}

/**
 * The contexts of several households of one region (a village's notice list): the poverty lines
 * and the window are the same for all of them, so they are read once, not once per household.
 */
export async function actionContexts(householdIds: readonly string[], region: string, role: ActionContext['role'], clock: Clock): Promise<ActionContext[]> {
  const [lines, window, hits] = await Promise.all([loadLineEntries(), loadWindow(region), Promise.all(householdIds.map((id) => loadHits(id)))]);
  const today = shanghaiDate(clock.now());
  const nsys = window ? { opens: window.opens, closes: window.closes } : undefined;
  return hits.map((householdHits) => ({ role, today, lines, window: nsys, hits: householdHits }));
}
