import { periodBounds, periodsOverlapping } from './cycles.js';
import type { FilingRecord } from './filings.js';

/**
 * The monthly ranked bulletins of 交通 and 水务 (workflows.md §6 Monthly bulletins; seed 004 SCH-03
 * L548 "每旬一调度,每月一通报", SCH-04 L582 "半月一调度、每月一通报…通报排名"). Each ranks the towns by
 * the progress (%) the department filed in its last 10-day or half-month report of the month:
 * figures `rate.progress.<town code>`. Highest first; equal progress shares a rank (1, 1, 3).
 */
export const BULLETIN_SOURCES = [
  { form: 'transport-dekad', department: 'dept:jiaotong', cycle: 'dekad' },
  { form: 'water-half-month', department: 'dept:shuiwu', cycle: 'half-month' },
] as const;

export const PROGRESS_PREFIX = 'rate.progress.';

export function rankedBulletin(source: (typeof BULLETIN_SOURCES)[number], month: string, filings: readonly FilingRecord[], names: Readonly<Record<string, string>>) {
  const { first, last } = periodBounds('month', month);
  const periods = periodsOverlapping(source.cycle, first, last);
  const filed = periods.map((period) => filings.find((f) => f.form === source.form && f.period === period && f.filer === source.department));
  const latest = [...filed].reverse().find((f) => f !== undefined);
  const rows = Object.entries(latest?.figures ?? {})
    .filter(([key]) => key.startsWith(PROGRESS_PREFIX))
    .map(([key, progressPct]) => ({ town: key.slice(PROGRESS_PREFIX.length), progressPct }))
    .sort((a, b) => b.progressPct - a.progressPct || (a.town < b.town ? -1 : 1));
  return {
    form: source.form,
    department: source.department,
    month,
    basedOn: latest?.period ?? null,
    missingPeriods: periods.filter((_, i) => filed[i] === undefined),
    ranking: rows.map((row) => ({
      rank: rows.findIndex((r) => r.progressPct === row.progressPct) + 1,
      town: row.town,
      name: names[`town:${row.town}`] ?? row.town,
      progressPct: row.progressPct,
    })),
  };
}
