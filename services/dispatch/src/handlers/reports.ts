import { httpHandler, rawResponse, toCsv, writeXlsx } from '@jingzhun/platform';
import { CommonErrors, DomainError, dispatchApi } from '@jingzhun/types';
import { reportSheets } from '../domain/export.js';
import { compareMetrics, isKnownMetric, metricKind, metricLabel } from '../domain/metrics.js';
import { assertClosedPeriod, assertClosedSummary } from '../domain/periods.js';
import { CounterView, type Report } from '../domain/report.js';
import { buildSeries } from '../domain/series.js';
import { countersOf } from '../store/counters.js';
import { reportOf } from '../store/reports.js';
import { targetsOf } from '../store/targets.js';

/** GET a built report: JSON for the console, XLSX or CSV for offices (the same stored data). */
export const getReport = httpHandler(dispatchApi.getReport, async ({ params, query, assertInScope, clock }) => {
  assertInScope(params.region);
  if (query.kind === 'monthly') {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(params.period)) throw new DomainError('BAD_PERIOD', '月报期间须为 YYYY-MM', 400);
    assertClosedPeriod(params.period, clock.now());
  } else assertClosedSummary(params.period, clock.now());
  const stored = await reportOf(params.region, query.kind, params.period);
  if (!stored) throw new DomainError('REPORT_NOT_BUILT', `${params.period} 的调度报告尚未生成，请运行生成任务`, 404);
  const report = JSON.parse(stored.data) as Report;
  const file = `dispatch-${params.region}-${query.kind}-${params.period}`;
  if (query.format === 'xlsx') {
    return rawResponse(200, writeXlsx(reportSheets(report)), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', {
      'content-disposition': `attachment; filename="${file}.xlsx"`,
    });
  }
  if (query.format === 'csv') {
    const rows = reportSheets(report).flatMap((sheet) => [[`# ${sheet.name}`], ...sheet.rows, []]);
    return rawResponse(200, toCsv(rows), 'text/csv; charset=utf-8', { 'content-disposition': `attachment; filename="${file}.csv"` });
  }
  return { digest: stored.digest, runId: stored.runId, report };
});

/** The live read model of one region and month (flows of the month, stocks at its end). */
export const getCounts = httpHandler(dispatchApi.getCounts, async ({ query, assertInScope }) => {
  assertInScope(query.region);
  const view = new CounterView(await countersOf(query.region));
  const metrics = view
    .metrics()
    .sort(compareMetrics)
    .map((metric) => ({ metric, label: metricLabel(metric), kind: metricKind(metric), value: view.value(metric, [query.period]) }));
  return { region: query.region, period: query.period, metrics };
});

export const getSeries = httpHandler(dispatchApi.getSeries, async ({ query, assertInScope }) => {
  assertInScope(query.region);
  if (!isKnownMetric(query.metric)) throw new DomainError('METRIC_UNKNOWN', `未知指标 ${query.metric}`, 400);
  const targets = (await targetsOf(query.region)).map((t) => t.target);
  const target = query.target
    ? targets.find((t) => t.code === query.target)
    : targets.find(
        (t) =>
          (t.measure?.kind === 'flow' || t.measure?.kind === 'stock') &&
          t.measure.metric === query.metric &&
          t.targetYear >= Number(query.from.slice(0, 4)) &&
          t.baselineYear < Number(query.to.slice(0, 4)),
      );
  if (query.target && !target) throw CommonErrors.notFound('目标');
  const points = buildSeries(await countersOf(query.region), query.metric, query.from, query.to, target);
  return {
    region: query.region,
    metric: query.metric,
    label: metricLabel(query.metric),
    kind: metricKind(query.metric),
    target: target ? { code: target.code, name: target.name, target: target.target, targetYear: target.targetYear } : null,
    points,
  };
});
