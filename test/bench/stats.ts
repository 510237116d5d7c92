/**
 * Latency and throughput summaries shared by the benchmarks, so a gateway run and its bare baseline
 * are summarised by the same code (same percentile definition, same rounding).
 */

export interface LatencySummary {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of ascending `sorted` samples (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** Summarises per-request latencies (ms) collected over `elapsedMs` of wall time. */
export function summarise(latenciesMs: readonly number[], elapsedMs: number): LatencySummary {
  const sorted = Float64Array.from(latenciesMs).sort();
  const values = Array.from(sorted);
  return {
    requests: values.length,
    requestsPerSecond: values.length / (elapsedMs / 1000),
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    max: values.length ? (values[values.length - 1] as number) : Number.NaN,
  };
}

/** "met" or "MISSED", with the distance to the target in the unit and in percent. */
export function verdict(label: string, value: number, target: number, direction: 'atLeast' | 'atMost', unit: string, digits = 1): string {
  const met = direction === 'atLeast' ? value >= target : value <= target;
  const gap = Math.abs(value - target);
  const percent = target === 0 ? '' : ` (${((gap / target) * 100).toFixed(0)}%)`;
  const sign = direction === 'atLeast' ? '≥' : '≤';
  const distance = met ? `margin ${gap.toFixed(digits)}${unit}${percent}` : `${direction === 'atLeast' ? 'short' : 'over'} by ${gap.toFixed(digits)}${unit}${percent}`;
  return `${met ? 'met   ' : 'MISSED'} ${label}: ${value.toFixed(digits)}${unit} (target ${sign} ${target}${unit}), ${distance}`;
}
