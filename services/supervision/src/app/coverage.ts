import { type CoverageReport, checkCoverage } from '../domain/coverage.js';
import { escalation } from '../domain/rectification.js';
import { taskStatus } from '../domain/units.js';
import { listAssignmentItems, listFindingItems, listHelperItems, listHouseholdItems, listTaskItems, listUnitItems, listVillageItems } from '../store/repo.js';

/** Households counted as poor for the helper coverage: the registered poor (workflows.md §1.3) and monitored objects (§1.4). */
export const POOR_STATUSES = new Set(['REGISTERED', 'RE_REGISTERED', 'MONITORED']);

export interface OverdueItem {
  kind: 'task' | 'finding';
  id: string;
  unitName: string;
  title: string;
  dueOn: string;
  region: string;
}

/** Coverage of a district on a day, and its overdue tasks and rectification items. */
export async function districtCoverage(
  district: string,
  on: string,
): Promise<CoverageReport & { district: string; overdue: OverdueItem[]; keyVillageCodes: string[]; poorHouseholdVillages: string[] }> {
  const [villages, assignments, households, helpers, units, tasks, findings] = await Promise.all([
    listVillageItems(district),
    listAssignmentItems(district),
    listHouseholdItems(district),
    listHelperItems(district),
    listUnitItems(district),
    listTaskItems(district),
    listFindingItems(district),
  ]);
  // A key village stays one (and keeps its team) until its poverty task is done (004 L74).
  const keyVillages = villages.filter((v) => !v.taskDone).map((v) => ({ village: v.village, name: v.name, town: v.town }));
  const poor = households.filter((h) => POOR_STATUSES.has(h.status)).map((h) => ({ householdId: h.householdId, village: h.village, headName: h.headName }));
  const report = checkCoverage({ on, keyVillages, assignments, households: poor, helpers: new Set(helpers.map((h) => h.householdId)) });
  const unitOf = new Map(units.map((u) => [u.unitId, u]));
  const overdue: OverdueItem[] = [
    ...tasks
      .filter((t) => taskStatus(t, on) === 'overdue')
      .map((t) => ({
        kind: 'task' as const,
        id: t.taskId,
        unitName: unitOf.get(t.unitId)?.name ?? t.unitId,
        title: t.title,
        dueOn: t.dueOn,
        region: unitOf.get(t.unitId)?.region ?? district,
      })),
    ...findings
      .filter((f) => f.status !== 'closed' && escalation(f, on) > 0)
      .map((f) => ({
        kind: 'finding' as const,
        id: f.findingId,
        unitName: unitOf.get(f.ownerUnitId)?.name ?? f.ownerUnitId,
        title: f.title,
        dueOn: f.deadline,
        region: unitOf.get(f.ownerUnitId)?.region ?? district,
      })),
  ].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
  return { district, ...report, overdue, keyVillageCodes: keyVillages.map((v) => v.village), poorHouseholdVillages: poor.map((h) => h.village) };
}
