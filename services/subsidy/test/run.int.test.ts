/**
 * The monthly run over the demo district on DynamoDB Local: killed half-way and resumed equals a
 * clean run; a re-run writes no duplicates and records differences; inputs are frozen at the start.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, fixedClock, ulidGenerator } from '@jingzhun/platform';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useTestTables } from '../../../packages/local-cloud/src/testing.js';
import { demoHousehold } from '../src/demo/households.js';
import { seedDemo } from '../src/demo/seed.js';
import { loadRun, processRun, type StoredLine } from '../src/run/process.js';
import { runLines } from '../src/run/roster-store.js';
import { startRun } from '../src/run/start.js';
import { putHouseholds } from '../src/store/projection.js';
import { subsidyTable, table } from '../src/store/table.js';

const DISTRICT = '370405000000';
const PERIOD = '2017-06';
// Enough for several checkpointed chunks of 100 and every town; 600 made four fresh district loads
// outlast their timeouts on a loaded two-core CI machine without checking anything more.
const HOUSEHOLDS = 300;
const actor = { sub: 'test', role: 'county' };
const clock = fixedClock('2017-07-01T02:00:00.000Z');
const ctx = { clock, ids: ulidGenerator, actor };

let tables: { drop(): Promise<void> } | undefined;

async function freshDistrict(): Promise<void> {
  await tables?.drop();
  tables = await useTestTables(inject('dynamoEndpoint'), [subsidyTable]);
  await seedDemo();
  await putHouseholds(
    Array.from({ length: HOUSEHOLDS }, (_, i) => demoHousehold(i)),
    '2017-01-01T00:00:00.000Z',
  );
}

async function allLines(): Promise<Map<string, Omit<StoredLine, 'runId' | 'updatedAt'>>> {
  const run = await loadRun(PERIOD, DISTRICT);
  const lines = new Map<string, Omit<StoredLine, 'runId' | 'updatedAt'>>();
  for await (const line of runLines(run!)) {
    const { runId: _r, ...rest } = line;
    lines.set(`${line.pk}|${line.sk}`, rest);
  }
  return lines;
}

async function countItems(prefix: string): Promise<number> {
  const run = await loadRun(PERIOD, DISTRICT);
  let n = 0;
  for (const village of run!.villages) {
    const result = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `${prefix}${village}` },
        Select: 'COUNT',
      }),
    );
    n += result.Count ?? 0;
  }
  return n;
}

describe('monthly run over the demo district (DynamoDB Local)', () => {
  let clean: Map<string, unknown>;
  let cleanTotals: unknown;

  beforeAll(async () => {
    await freshDistrict();
    await startRun(PERIOD, DISTRICT, ctx);
    const done = await processRun(PERIOD, DISTRICT, { ...ctx, chunkSize: 100 });
    expect(done.status).toBe('COMPLETED');
    clean = await allLines();
    cleanTotals = done.totals;
  }, 120_000);
  afterAll(() => tables?.drop());

  it('computes every household and pays by item and town', async () => {
    const run = await loadRun(PERIOD, DISTRICT);
    expect(run!.progress).toMatchObject({
      done: HOUSEHOLDS,
      total: HOUSEHOLDS,
    });
    expect(run!.catalogVersion).toBe('catalog-v3');
    expect(run!.parametersVersion).toBe(1);
    expect(run!.totals.totalFen).toBeGreaterThan(0);
    // seed 000 SUB-54: ≥100 元/人•月 for everyone 60 and over: the basic pension is paid.
    expect(run!.totals.byItem['tez-basic-pension']!.totalFen % 10_000).toBe(0);
    expect(Object.keys(run!.totals.byTown)).toHaveLength(6);
    const sumOfLines = [...clean.values()].reduce((s: number, l) => s + ((l as StoredLine).status === 'payable' ? (l as StoredLine).amountFen : 0), 0);
    expect(sumOfLines).toBe(run!.totals.totalFen);
  });

  it('killed half-way and resumed equals a clean run', async () => {
    await freshDistrict();
    await startRun(PERIOD, DISTRICT, ctx);
    await expect(
      processRun(PERIOD, DISTRICT, {
        ...ctx,
        chunkSize: 100,
        afterChunkWritten: (chunk) => {
          if (chunk === 3) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const half = await loadRun(PERIOD, DISTRICT);
    expect(half!.status).toBe('RUNNING');
    expect(half!.progress.done).toBe(200);
    // Resuming via startRun returns the RUNNING run (no new attempt), then continues from the checkpoint.
    expect((await startRun(PERIOD, DISTRICT, ctx)).attempt).toBe(1);
    const resumed = await processRun(PERIOD, DISTRICT, {
      ...ctx,
      chunkSize: 100,
    });
    expect(resumed.status).toBe('COMPLETED');
    expect(resumed.progress.done).toBe(HOUSEHOLDS);
    expect(resumed.totals).toEqual(cleanTotals);
    const lines = await allLines();
    expect(lines.size).toBe(clean.size);
    for (const [key, line] of clean) expect(lines.get(key)).toEqual(line);
  }, 120_000);

  it('re-running a completed period writes no duplicates and records the difference', async () => {
    const before = await countItems(`LINE#${PERIOD}#`);
    const rerun = await startRun(PERIOD, DISTRICT, ctx);
    expect(rerun.attempt).toBe(2);
    const second = await processRun(PERIOD, DISTRICT, {
      ...ctx,
      chunkSize: 150,
    });
    expect(second.totals).toEqual(cleanTotals);
    expect(second.diff).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(await countItems(`LINE#${PERIOD}#`)).toBe(before);
    // A change in the registry after the run: household 5 becomes 低保 (seed 000 SUB-49 replaces SUB-47 for 80+).
    const changed = demoHousehold(5);
    changed.dibao = true;
    changed.members = changed.members.map((m) => ({
      ...m,
      disabilityGrade: 1,
      health: 'disabled' as const,
    }));
    await putHouseholds([changed], '2017-07-02T00:00:00.000Z');
    clock.set('2017-07-03T00:00:00.000Z');
    await startRun(PERIOD, DISTRICT, ctx);
    const third = await processRun(PERIOD, DISTRICT, {
      ...ctx,
      chunkSize: 150,
    });
    expect(third.attempt).toBe(3);
    expect(third.diff.added + third.diff.changed).toBeGreaterThan(0);
    expect(third.totals.totalFen).toBeGreaterThan((cleanTotals as { totalFen: number }).totalFen);
  }, 120_000);

  it('freezes its inputs: a registry edit after the start does not change the run', async () => {
    await freshDistrict();
    clock.set('2017-07-01T02:00:00.000Z');
    const run = await startRun(PERIOD, DISTRICT, ctx);
    const edited = demoHousehold(7);
    edited.dibao = true;
    edited.members = edited.members.map((m) => ({
      ...m,
      disabilityGrade: 2,
      health: 'disabled' as const,
    }));
    await putHouseholds([edited], '2017-07-05T00:00:00.000Z');
    const done = await processRun(PERIOD, DISTRICT, { ...ctx, chunkSize: 100 });
    expect(run.frozenAt).toBe('2017-07-01T02:00:00.000Z');
    expect(done.totals).toEqual(cleanTotals);
  }, 120_000);
});
