import { countPoorPersons } from './village-exit.js';

/** Per-village figures (workflows.md §4.4 aggregates; §2.3 incidence numerator): counts by status, colour and workflow step. */
export interface StatisticsInput {
  status: string;
  size: number;
  colour?: string | undefined;
  workflow?: { kind: string; state: string } | undefined;
}

export function villageStatistics(region: string, households: readonly StatisticsInput[]) {
  const byStatus: Record<string, { households: number; persons: number }> = {};
  const byColour: Record<string, number> = {};
  const inWorkflow: Record<string, number> = {};
  for (const household of households) {
    let entry = byStatus[household.status];
    if (!entry) {
      entry = { households: 0, persons: 0 };
      byStatus[household.status] = entry;
    }
    entry.households += 1;
    entry.persons += household.size;
    if (household.colour) byColour[household.colour] = (byColour[household.colour] ?? 0) + 1;
    if (household.workflow) {
      const key = `${household.workflow.kind}:${household.workflow.state}`;
      inWorkflow[key] = (inWorkflow[key] ?? 0) + 1;
    }
  }
  return { region, households: households.length, byStatus, byColour, inWorkflow, notExitedPersons: countPoorPersons(households) };
}
