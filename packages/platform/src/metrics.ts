import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type middy from '@middy/core';

/**
 * Business figures as CloudWatch metrics in the embedded metric format (EMF): one JSON line on
 * stdout per invocation that counted something, which CloudWatch Logs turns into metrics without
 * any API call. The namespace comes from the stage (`POWERTOOLS_METRICS_NAMESPACE`, set by CDK), the
 * `service` dimension from the function's service. Outside Lambda (the local cloud, tests) the figures
 * are counted and flushed the same way but not printed: there is no CloudWatch to read them, and
 * the local cloud runs many invocations in one process.
 */
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Jingzhun',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'jingzhun',
});

/** The figures an operator's dashboard shows next to the technical ones (issue 18): which service counts each, and its Chinese title. */
export const BUSINESS_METRICS = {
  MonthlyRunsCompleted: { service: 'subsidy', title: '月度发放计算完成（次）' },
  HouseholdsComputed: { service: 'subsidy', title: '计算户数（户）' },
  NoticesPublished: { service: 'notices', title: '发布公示公告（件）' },
  ObjectionsLodged: { service: 'notices', title: '受理异议（件）' },
} as const;
export type BusinessMetric = keyof typeof BUSINESS_METRICS;

/** Counts a business figure for this invocation; call it after the commit that made it true. */
export function countBusiness(name: BusinessMetric, value = 1): void {
  metrics.addMetric(name, MetricUnit.Count, value);
}

/**
 * Prints what this invocation counted, if anything: an invocation that counted nothing prints
 * nothing (Powertools' own middleware would log a warning on every such invocation).
 */
export function flushBusinessMetrics(): void {
  if (!metrics.hasStoredMetrics()) return;
  if (process.env.AWS_LAMBDA_FUNCTION_NAME) metrics.publishStoredMetrics();
  else metrics.clearMetrics();
}

/** The middy middleware every handler wrapper uses: flushes after the handler, also when it fails. */
export function businessMetricsFlush<E, R>(): middy.MiddlewareObj<E, R, Error> {
  return { after: flushBusinessMetrics, onError: flushBusinessMetrics };
}
