import type { Clock } from '@jingzhun/platform';
import { shanghaiDate } from '@jingzhun/types';
import type { ActionContext } from '../domain/actions.js';
import { loadHits } from '../store/households.js';
import { loadLineEntries, loadWindow } from '../store/reference.js';

/** Reference data a step needs: poverty lines, the county's NSYS window, the household's hits. */
export async function actionContext(householdId: string, region: string, role: ActionContext['role'], clock: Clock): Promise<ActionContext> {
  const [lines, window, hits] = await Promise.all([loadLineEntries(), loadWindow(region), loadHits(householdId)]);
  return { role, today: shanghaiDate(clock.now()), lines, window: window ? { opens: window.opens, closes: window.closes } : undefined, hits };
}
