/**
 * A period's runs exclude each other atomically (DynamoDB Local): whatever the interleaving of
 * simultaneous starts of nested regions (county, towns, villages), the accepted runs cover
 * disjoint regions, so a household is in at most one roster of the period.
 */
import { fixedClock, getItem, ulidGenerator } from '@jingzhun/platform';
import { DomainError } from '@jingzhun/types';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useTestTables } from '../../../packages/local-cloud/src/testing.js';
import { demoHousehold } from '../src/demo/households.js';
import { seedDemo } from '../src/demo/seed.js';
import { regionsOverlap } from '../src/domain/run-claims.js';
import { loadRun, processRun } from '../src/run/process.js';
import { runLines } from '../src/run/roster-store.js';
import { type RunClaimItem, startRun } from '../src/run/start.js';
import { runKeys } from '../src/store/keys.js';
import { putHouseholds } from '../src/store/projection.js';
import { subsidyTable, table } from '../src/store/table.js';

const DISTRICT = '370405000000';
const TOWN = '370405103000'; // 涧头集镇
const NESTED = [DISTRICT, '370405101000', '370405102000', TOWN, '370405103201', '370405103202', '370405102201', '370405101201'];
const ctx = { clock: fixedClock('2017-07-01T02:00:00.000Z'), ids: ulidGenerator, actor: { sub: 'test', role: 'county' } };

let tables: { drop(): Promise<void> } | undefined;

beforeAll(async () => {
  tables = await useTestTables(inject('dynamoEndpoint'), [subsidyTable]);
  await seedDemo();
  await putHouseholds(
    Array.from({ length: 200 }, (_, i) => demoHousehold(i)),
    '2017-01-01T00:00:00.000Z',
  );
}, 60_000);
afterAll(() => tables?.drop());

async function startAll(period: string, regions: readonly string[]) {
  const outcomes = await Promise.allSettled(regions.map((region) => startRun(period, region, ctx)));
  return outcomes.map((outcome, i) => ({ region: regions[i] as string, outcome }));
}

describe('simultaneous starts of one period', () => {
  it('a county run and a town run started at the same moment: one is accepted, the town households are in one roster', async () => {
    const period = '2017-06';
    const results = await startAll(period, [DISTRICT, TOWN]);
    const accepted = results.filter((r) => r.outcome.status === 'fulfilled');
    expect(accepted).toHaveLength(1);
    const refused = results.find((r) => r.outcome.status === 'rejected')?.outcome as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DomainError);
    expect([(refused.reason as DomainError).code, (refused.reason as DomainError).status]).toEqual(['RUN_OVERLAPS', 409]);
    // Both regions computed (the refused one cannot be): every household lands in one roster.
    const seen = new Map<string, string>();
    for (const region of [DISTRICT, TOWN]) {
      const run = await loadRun(period, region);
      if (!run) continue;
      const done = await processRun(period, region, { ...ctx, chunkSize: 100 });
      for await (const line of runLines(done)) {
        const other = seen.get(line.householdId);
        expect(other === undefined || other === region).toBe(true);
        seen.set(line.householdId, region);
      }
    }
    expect(seen.size).toBeGreaterThan(0);
  }, 60_000);

  it('property: under any interleaving of nested starts the accepted regions are disjoint and every refusal names an accepted overlapping run', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...NESTED), { minLength: 2, maxLength: 10 }), async (regions) => {
        round += 1;
        const period = `${2100 + Math.floor(round / 12)}-${String(1 + (round % 12)).padStart(2, '0')}`;
        const results = await startAll(period, regions);
        const accepted = [...new Set(results.filter((r) => r.outcome.status === 'fulfilled').map((r) => r.region))];
        for (const a of accepted) for (const b of accepted) if (a !== b) expect(regionsOverlap(a, b)).toBe(false);
        for (const r of results) {
          if (r.outcome.status === 'fulfilled') continue;
          const error = r.outcome.reason as DomainError;
          expect(error.code).toBe('RUN_OVERLAPS');
          expect(accepted.some((a) => a !== r.region && regionsOverlap(a, r.region))).toBe(true);
        }
        // Every start of an accepted region got the same (single) run; the claim holds exactly them.
        const ids = new Set(results.filter((r) => r.outcome.status === 'fulfilled').map((r) => (r.outcome as PromiseFulfilledResult<{ runId: string }>).value.runId));
        expect(ids.size).toBe(accepted.length);
        const claim = await getItem<RunClaimItem>(table(), runKeys.claim(period, 'taierzhuang'));
        expect(claim?.regions).toEqual([...accepted].sort());
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

// Two runs of the whole demo district: about 3 s alone, but once past 60 s late in a full run, when the
// shared DynamoDB Local holds every earlier file's items (vitest.config.ts: its queue slows as it fills).
describe('a period after its first run', { timeout: 180_000 }, () => {
  it('a town run after a completed county run is refused with 409 RUN_OVERLAPS and a Chinese message; the county re-run still works', async () => {
    const period = '2017-08';
    await startRun(period, DISTRICT, ctx);
    const first = await processRun(period, DISTRICT, { ...ctx, chunkSize: 100 });
    expect(first.status).toBe('COMPLETED');
    const refused = await startRun(period, TOWN, ctx).catch((error: unknown) => error as DomainError);
    expect(refused).toBeInstanceOf(DomainError);
    expect([(refused as DomainError).code, (refused as DomainError).status]).toEqual(['RUN_OVERLAPS', 409]);
    expect((refused as DomainError).messageZh).toMatch(/2017-08 期已有 370405000000（区县级）的计算，已包含 370405103000（乡镇级）的全部户/);
    const rerun = await startRun(period, DISTRICT, ctx);
    expect(rerun.attempt).toBe(2);
    const second = await processRun(period, DISTRICT, { ...ctx, chunkSize: 100 });
    expect([second.status, second.diff]).toEqual(['COMPLETED', { added: 0, changed: 0, removed: 0 }]);
  });

  it('a running run is resumed by a second start of the same region, not started twice', async () => {
    const period = '2017-09';
    const [a, b] = await Promise.all([startRun(period, TOWN, ctx), startRun(period, TOWN, ctx)]);
    expect(a.runId).toBe(b.runId);
    expect(a.attempt).toBe(1);
  });
});
