import type { Clock, IdGenerator } from '@jingzhun/platform';
import { tableName, UnitOfWork } from '@jingzhun/platform';
import { addMonths, dispatchEvents } from '@jingzhun/types';
import { countyOf } from '../domain/metrics.js';
import { instancesDue, periodsOf } from '../domain/overdue.js';
import { monthsOf } from '../domain/periods.js';
import { buildReport, obligationWindow, type ReportKind, serialiseReport } from '../domain/report.js';
import { districtOf, expectedFilers, FILER_NAMES } from '../domain/targets-data.js';
import { childrenWithCounters, countersOf } from '../store/counters.js';
import { aidCasesOf, monitoringCasesOf } from '../store/facts.js';
import { filingsOf } from '../store/filings.js';
import { reportKeys } from '../store/keys.js';
import { digestOf, reportOf, saveReport } from '../store/reports.js';
import { dispatchTable } from '../store/table.js';
import { targetsOf } from '../store/targets.js';

/** Loads every fact a report needs and builds it (no clock: the result depends on stored data only). */
export async function assembleReport(region: string, kind: ReportKind, period: string) {
  const months = monthsOf(period);
  const lastMonth = months[months.length - 1] as string;
  const county = countyOf(region) ?? region;
  const district = districtOf(county);
  const childCodes = new Set<string>();
  for (const month of months) for (const code of await childrenWithCounters(region, month)) childCodes.add(code);
  if (district && region === county) for (const town of district.towns) childCodes.add(town);
  const window = obligationWindow(period);
  const obligations = instancesDue(window.after, window.until);
  const obligationFilings = [];
  for (const filingPeriod of periodsOf(obligations)) obligationFilings.push(...(await filingsOf(county, filingPeriod)));
  const children = [];
  for (const code of [...childCodes].sort()) children.push({ region: code, counters: await countersOf(code) });
  return buildReport({
    kind,
    period,
    region,
    counters: await countersOf(region),
    children,
    targets: (await targetsOf(region)).map((t) => t.target),
    filings: await filingsOf(county, lastMonth),
    expectedFilers: district ? expectedFilers(district) : [],
    filerNames: FILER_NAMES,
    monitoringCases: await monitoringCasesOf(county),
    previousFilings: await filingsOf(county, addMonths(lastMonth, -1)),
    obligations,
    obligationFilings,
    district: district ?? { towns: [], departments: [] },
    aidCases: await aidCasesOf(county),
  });
}

/** Builds and stores a report; emits `dispatch.report.built` only when its data changed. */
export async function buildAndStore(
  region: string,
  kind: ReportKind,
  period: string,
  run: { runId: string; clock: Clock; ids: IdGenerator; actor: { sub: string; role: string } },
): Promise<{ changed: boolean; digest: string; data: string }> {
  const data = serialiseReport(await assembleReport(region, kind, period));
  const before = await reportOf(region, kind, period);
  const uow = new UnitOfWork({ table: tableName(dispatchTable), service: 'dispatch', clock: run.clock, ids: run.ids, actor: run.actor });
  const changed = saveReport(uow, before, { region, kind, period, data, runId: run.runId });
  if (changed) {
    const subject = reportKeys.subject(region, kind, period);
    uow.emit(dispatchEvents.reportBuilt, subject, { reportId: subject, period, region, kind });
    // A built report is a record others act on: who built it (the job run) and from what data.
    uow.audit({ subject, action: 'report.built', after: { period, region, kind, runId: run.runId, digest: digestOf(data) } });
    await uow.commit();
  }
  return { changed, digest: digestOf(data), data };
}
