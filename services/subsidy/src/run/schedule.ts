/**
 * What the scheduled monthly run does with its configured regions, as pure functions: which regions
 * (the stage's `subsidyRunRegions`, given to the function as JZ_SUBSIDY_RUN_REGIONS by its stack),
 * and whether the invocation succeeded. An invocation that leaves a region refused or unfinished
 * fails, so that Lambda retries it (a RUNNING run resumes from its checkpoint) and, when the retries
 * are spent, the job's error alarm and the dead-letter queue tell an operator (docs/operations.md).
 */
export const RUN_REGIONS_ENV = 'JZ_SUBSIDY_RUN_REGIONS';
const REGION = /^\d{12}$/;

export interface RegionOutcome {
  region: string;
  status: string;
  done: number;
  total: number;
  error?: string;
}

/** The configured regions; without configuration the demo district (the local cloud, tests). */
export function configuredRegions(env: Record<string, string | undefined>): string[] {
  const raw = env[RUN_REGIONS_ENV];
  if (raw === undefined || raw.trim() === '') return ['370405000000'];
  const regions = raw
    .split(',')
    .map((region) => region.trim())
    .filter(Boolean);
  const bad = regions.filter((region) => !REGION.test(region));
  if (bad.length > 0) throw new Error(`${RUN_REGIONS_ENV}: not 12-digit region codes: ${bad.join(', ')}`);
  return [...new Set(regions)];
}

/** The regions that did not complete in this invocation: refused, or still RUNNING at the deadline. */
export function unfinished(outcomes: readonly RegionOutcome[]): RegionOutcome[] {
  return outcomes.filter((outcome) => outcome.status === 'REFUSED' || outcome.status === 'RUNNING');
}

export function failureMessage(period: string, failed: readonly RegionOutcome[]): string {
  const parts = failed.map((outcome) =>
    outcome.status === 'REFUSED' ? `${outcome.region} refused: ${outcome.error ?? 'unknown error'}` : `${outcome.region} unfinished at ${outcome.done}/${outcome.total}`,
  );
  return `monthly run ${period}: ${parts.join('; ')}`;
}
