/**
 * Roster arithmetic, pure: entitlement lines of a household become one roster line per item
 * (the idempotency key is period + region + household + item) and totals by item and town. The
 * bank's rows, payment results and paid totals are in payment.ts.
 */
import { formatYuan, parentRegion } from '@jingzhun/types';
import type { EntitlementLine, LineStatus } from './engine.js';

export interface SubjectLine {
  subject: string;
  name?: string;
  status: LineStatus;
  amountFen: number;
  explanation: string;
  missingFacts?: string[];
  excludedBy?: string;
}

export interface RosterLine {
  householdId: string;
  village: string;
  town: string;
  headName: string;
  group: string;
  itemId: string;
  nameZh: string;
  /** payable when any subject is paid; otherwise the status of the first subject. */
  status: LineStatus;
  amountFen: number;
  subjects: SubjectLine[];
}

export interface ItemTotal {
  households: number;
  totalFen: number;
}

export interface Totals {
  households: number;
  totalFen: number;
  byItem: Record<string, ItemTotal>;
  byTown: Record<string, Record<string, ItemTotal>>;
  /** Lines that could not be computed for want of a fact, by item. */
  missingFacts: Record<string, number>;
}

export const emptyTotals = (): Totals => ({
  households: 0,
  totalFen: 0,
  byItem: {},
  byTown: {},
  missingFacts: {},
});

export function townOf(village: string): string {
  return parentRegion(village) ?? village;
}

export function rosterLines(
  household: {
    householdId: string;
    region: string;
    headName: string;
    group: string;
    names: Record<string, string>;
  },
  lines: readonly EntitlementLine[],
): RosterLine[] {
  const byItem = new Map<string, EntitlementLine[]>();
  for (const line of lines) {
    const list = byItem.get(line.itemId) ?? [];
    list.push(line);
    byItem.set(line.itemId, list);
  }
  return [...byItem.entries()].map(([itemId, itemLines]) => {
    const payable = itemLines.filter((line) => line.status === 'payable');
    return {
      householdId: household.householdId,
      village: household.region,
      town: townOf(household.region),
      headName: household.headName,
      group: household.group,
      itemId,
      nameZh: (itemLines[0] as EntitlementLine).nameZh,
      status: payable.length > 0 ? 'payable' : (itemLines[0] as EntitlementLine).status,
      amountFen: payable.reduce((sum, line) => sum + line.amountFen, 0),
      subjects: itemLines.map((line) => ({
        subject: line.subject,
        ...(household.names[line.subject] ? { name: household.names[line.subject] } : {}),
        status: line.status,
        amountFen: line.amountFen,
        explanation: line.explanation,
        ...(line.missingFacts ? { missingFacts: line.missingFacts } : {}),
        ...(line.excludedBy ? { excludedBy: line.excludedBy } : {}),
      })),
    };
  });
}

/** The entry of `key` in `record`, created on first use (Biome forbids `??=` inside an expression). */
function entry<T>(record: Record<string, T>, key: string, create: () => T): T {
  let value = record[key];
  if (value === undefined) {
    value = create();
    record[key] = value;
  }
  return value;
}

const zeroItem = (): ItemTotal => ({ households: 0, totalFen: 0 });

function addTo(target: ItemTotal, households: number, totalFen: number): void {
  target.households += households;
  target.totalFen += totalFen;
}

/** Adds one household's roster lines to running totals (returns new totals). */
export function addHousehold(totals: Totals, lines: readonly RosterLine[]): Totals {
  const next: Totals = structuredClone(totals);
  tallyHousehold(next, lines);
  return next;
}

/**
 * addHousehold in place, for the monthly run's chunk totals: cloning the running totals for every
 * household was about a quarter of the run's computation (0.06 of 0.26 ms per household).
 */
export function tallyHousehold(totals: Totals, lines: readonly RosterLine[]): void {
  let paid = false;
  for (const line of lines) {
    if (line.status === 'missing-facts') totals.missingFacts[line.itemId] = (totals.missingFacts[line.itemId] ?? 0) + 1;
    if (line.status !== 'payable' || line.amountFen === 0) continue;
    paid = true;
    totals.totalFen += line.amountFen;
    addTo(entry(totals.byItem, line.itemId, zeroItem), 1, line.amountFen);
    addTo(
      entry(
        entry(totals.byTown, line.town, () => ({})),
        line.itemId,
        zeroItem,
      ),
      1,
      line.amountFen,
    );
  }
  if (paid) totals.households += 1;
}

export function mergeTotals(a: Totals, b: Totals): Totals {
  const next: Totals = structuredClone(a);
  next.households += b.households;
  next.totalFen += b.totalFen;
  for (const [item, t] of Object.entries(b.byItem)) addTo(entry(next.byItem, item, zeroItem), t.households, t.totalFen);
  for (const [town, items] of Object.entries(b.byTown)) {
    const target = entry(next.byTown, town, () => ({}));
    for (const [item, t] of Object.entries(items)) addTo(entry(target, item, zeroItem), t.households, t.totalFen);
  }
  for (const [item, n] of Object.entries(b.missingFacts)) next.missingFacts[item] = (next.missingFacts[item] ?? 0) + n;
  return next;
}

/** The comparable content of a line (what a re-run compares). */
export function lineFingerprint(line: Pick<RosterLine, 'status' | 'amountFen' | 'subjects'>): string {
  return JSON.stringify([line.status, line.amountFen, line.subjects.map((s) => [s.subject, s.status, s.amountFen])]);
}

/** Totals by town and item as sheet rows. */
export function totalsRows(totals: Totals, names: Record<string, string>): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [['镇（街）', '项目编号', '项目', '户数', '金额（元）']];
  for (const town of Object.keys(totals.byTown).sort()) {
    for (const [item, t] of Object.entries(totals.byTown[town] ?? {}).sort()) rows.push([town, item, names[item] ?? item, t.households, formatYuan(t.totalFen)]);
  }
  rows.push(['合计', '', '', totals.households, formatYuan(totals.totalFen)]);
  return rows;
}
