import type { RunItem } from '../run/process.js';

export function runView(run: RunItem) {
  return {
    runId: run.runId,
    period: run.period,
    region: run.region,
    jurisdiction: run.jurisdiction,
    attempt: run.attempt,
    status: run.status,
    frozenAt: run.frozenAt,
    catalogVersion: run.catalogVersion,
    parametersVersion: run.parametersVersion,
    ...(run.standardVersions ? { standardVersions: run.standardVersions } : {}),
    progress: run.progress,
    totals: run.totals,
    ...(run.previousTotals ? { previousTotals: run.previousTotals } : {}),
    diff: run.diff,
    villages: run.villages.length,
    startedAt: run.startedAt,
    ...(run.completedAt ? { completedAt: run.completedAt } : {}),
    ...(run.approvedAt ? { approvedAt: run.approvedAt } : {}),
    ...(run.approvedBy ? { approvedBy: run.approvedBy } : {}),
    ...(run.publishedAt ? { publishedAt: run.publishedAt } : {}),
    ...(run.paidAt ? { paidAt: run.paidAt } : {}),
  };
}
