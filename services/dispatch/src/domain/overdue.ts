import { addDays, addMonths, daysBetween, workingDayOnOrAfter } from '@jingzhun/types';
import { periodsOverlapping } from './cycles.js';
import type { FilingRecord } from './filings.js';
import { effectiveDue, type FilingForm, OBLIGATIONS, type Obligation, ownersIn } from './obligations.js';

/**
 * Which filings were owed, by whom, and who is overdue (workflows.md §6: "Overdue jobs use the
 * effective deadline, shifted for holidays"). Pure: the filings and the day to judge at are passed in.
 */
export interface Instance {
  form: FilingForm;
  name: string;
  period: string;
  nominalDue: string;
  due: string;
  source: string;
}

export type OwnerStatus = 'on-time' | 'late' | 'overdue' | 'pending';

export interface InstanceStatus extends Instance {
  owners: { filer: string; name: string; status: OwnerStatus; filedOn: string | null; daysLate: number }[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The most a deadline moves for rest days (国庆 plus a weekend); only used to bound the search. */
const MAX_SHIFT_DAYS = 12;

/** Every filing owed with an effective deadline in (`after`, `until`], in deadline, form and period order. */
export function instancesDue(after: string, until: string, obligations: readonly Obligation[] = OBLIGATIONS): Instance[] {
  const out: Instance[] = [];
  const searchFrom = addDays(after, -400);
  for (const o of obligations) {
    for (const period of periodsOverlapping(o.cycle, searchFrom, until)) {
      const nominal = o.nominalDue(period);
      if (nominal <= addDays(after, -MAX_SHIFT_DAYS) || nominal > until) continue;
      const due = effectiveDue(o, period);
      if (due > after && due <= until) out.push({ form: o.form, name: o.name, period, nominalDue: nominal, due, source: o.source });
    }
  }
  return out.sort((a, b) => byString(a.due, b.due) || byString(a.form, b.form) || byString(a.period, b.period));
}

/** Each owner's state for an instance, as known at the end of `asOf` (a filing made later is not yet known). */
export function statusOf(instance: Instance, owners: readonly string[], filings: readonly FilingRecord[], asOf: string, names: Readonly<Record<string, string>>): InstanceStatus {
  return {
    ...instance,
    owners: [...owners].sort(byString).map((filer) => {
      const filing = filings.find((f) => f.form === instance.form && f.period === instance.period && f.filer === filer && f.filedOn <= asOf);
      const name = names[filer] ?? filer;
      if (filing)
        return {
          filer,
          name,
          status: filing.filedOn > instance.due ? 'late' : 'on-time',
          filedOn: filing.filedOn,
          daysLate: Math.max(0, daysBetween(instance.due, filing.filedOn)),
        };
      return asOf > instance.due
        ? { filer, name, status: 'overdue', filedOn: null, daysLate: daysBetween(instance.due, asOf) }
        : { filer, name, status: 'pending', filedOn: null, daysLate: 0 };
    }),
  };
}

export function statusesIn(
  instances: readonly Instance[],
  district: { towns: readonly string[]; departments: readonly string[] },
  filings: readonly FilingRecord[],
  asOf: string,
  names: Readonly<Record<string, string>>,
  onlyFiler?: string,
): InstanceStatus[] {
  return instances
    .map((instance) => {
      const obligation = OBLIGATIONS.find((o) => o.form === instance.form) as Obligation;
      const owners = ownersIn(obligation, district).filter((f) => onlyFiler === undefined || f === onlyFiler);
      return statusOf(instance, owners, filings, asOf, names);
    })
    .filter((s) => s.owners.length > 0);
}

/** The overdue list per owner: each owner with the filings it still owes after their effective deadline. */
export function overdueByOwner(statuses: readonly InstanceStatus[]) {
  const byOwner = new Map<string, { owner: string; name: string; items: { form: string; name: string; period: string; due: string; daysOverdue: number; source: string }[] }>();
  for (const s of statuses) {
    for (const o of s.owners) {
      if (o.status !== 'overdue') continue;
      const entry = byOwner.get(o.filer) ?? { owner: o.filer, name: o.name, items: [] };
      entry.items.push({ form: s.form, name: s.name, period: s.period, due: s.due, daysOverdue: o.daysLate, source: s.source });
      byOwner.set(o.filer, entry);
    }
  }
  return [...byOwner.values()].sort((a, b) => byString(a.owner, b.owner));
}

/** The day a monthly report is judged at: its own deadline, the 10th of the next month, shifted [PROP]. */
export function reportDateOf(month: string): string {
  return workingDayOnOrAfter(`${addMonths(month, 1)}-10`);
}

/** The distinct filing periods the instances need (to load their filings). */
export function periodsOf(instances: readonly Instance[]): string[] {
  return [...new Set(instances.map((i) => i.period))].sort(byString);
}
