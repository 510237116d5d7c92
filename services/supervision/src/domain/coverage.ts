import { type Assignment, isActive } from './teams.js';

/**
 * The daily coverage check: every key village has a first secretary and a team, every poor
 * household a helper (000 L3081–3083; 001 L410; 004 ID-17 L63, L74).
 */
export interface KeyVillage {
  village: string;
  name: string;
  town: string;
}

export interface PoorHousehold {
  householdId: string;
  village: string;
  headName: string;
}

export interface CoverageReport {
  on: string;
  keyVillages: number;
  covered: number;
  gaps: { village: string; name: string; missing: ('first-secretary' | 'team')[] }[];
  poorHouseholds: number;
  withHelper: number;
  withoutHelper: { householdId: string; village: string }[];
}

export function checkCoverage(input: {
  on: string;
  keyVillages: readonly KeyVillage[];
  assignments: readonly Assignment[];
  households: readonly PoorHousehold[];
  helpers: ReadonlySet<string>;
}): CoverageReport {
  const active = input.assignments.filter((a) => isActive(a, input.on));
  const gaps = input.keyVillages.flatMap((village) => {
    const team = active.filter((a) => a.village === village.village);
    const missing: ('first-secretary' | 'team')[] = [];
    if (!team.some((a) => a.role === 'first-secretary')) missing.push('first-secretary');
    if (!team.some((a) => a.role !== 'first-secretary')) missing.push('team');
    return missing.length ? [{ village: village.village, name: village.name, missing }] : [];
  });
  const withoutHelper = input.households.filter((h) => !input.helpers.has(h.householdId)).map((h) => ({ householdId: h.householdId, village: h.village }));
  return {
    on: input.on,
    keyVillages: input.keyVillages.length,
    covered: input.keyVillages.length - gaps.length,
    gaps,
    poorHouseholds: input.households.length,
    withHelper: input.households.length - withoutHelper.length,
    withoutHelper,
  };
}
