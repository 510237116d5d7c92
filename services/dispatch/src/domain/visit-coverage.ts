/**
 * Visit coverage for the monthly dispatch (issue 15): per village and per 帮扶责任人, how many visits
 * were made in the month and how many different households they reached, and the risk signals they
 * raised. The duty is one helper per household (000 ID-13 L546–550; 004 ID-65 L185) visiting
 * regularly (000 EX-16 L3893): a household visited with no helper is counted apart.
 */
export interface VisitFact {
  visitId: string;
  householdId: string;
  village: string;
  date: string;
  helper?: { name: string; unit: string };
  risk: boolean;
}

export interface CoverageRow {
  visits: number;
  householdsVisited: number;
  riskSignals: number;
}

function rowOf(facts: readonly VisitFact[]): CoverageRow {
  return { visits: facts.length, householdsVisited: new Set(facts.map((f) => f.householdId)).size, riskSignals: facts.filter((f) => f.risk).length };
}

function groupBy<K>(facts: readonly VisitFact[], key: (fact: VisitFact) => K, id: (k: K) => string): Map<string, { key: K; facts: VisitFact[] }> {
  const groups = new Map<string, { key: K; facts: VisitFact[] }>();
  for (const fact of facts) {
    const k = key(fact);
    const group = groups.get(id(k)) ?? { key: k, facts: [] };
    group.facts.push(fact);
    groups.set(id(k), group);
  }
  return groups;
}

/** The coverage of the visits of one region and month, villages and helpers in code and name order. */
export function visitCoverage(facts: readonly VisitFact[]) {
  const villages = [
    ...groupBy(
      facts,
      (f) => f.village,
      (v) => v,
    ).values(),
  ]
    .map(({ key, facts: group }) => ({ village: key, ...rowOf(group) }))
    .sort((a, b) => a.village.localeCompare(b.village));
  const helped = facts.filter((f) => f.helper);
  const helpers = [
    ...groupBy(
      helped,
      (f) => ({ village: f.village, name: f.helper?.name ?? '', unit: f.helper?.unit ?? '' }),
      (k) => `${k.village}|${k.name}|${k.unit}`,
    ).values(),
  ]
    .map(({ key, facts: group }) => ({ ...key, ...rowOf(group) }))
    .sort((a, b) => a.village.localeCompare(b.village) || a.name.localeCompare(b.name, 'zh'));
  return { total: rowOf(facts), villages, helpers, withoutHelper: rowOf(facts.filter((f) => !f.helper)) };
}
