/**
 * npm run bench:subsidy — a monthly run of 100,000 households on DynamoDB Local (in memory),
 * against bare BatchWriteItem of the same number of items from the same process.
 * Prints households/s, both times, the ratio and peak RSS. No assertions.
 * Env: BENCH_HOUSEHOLDS, BENCH_PARALLELISM, BENCH_CHUNK, BENCH_BARE_BUDGET_S.
 *
 * The bare baseline writes into the run's own table (same two GSIs, same stream), items copied
 * from real roster lines (same attributes and sizes, no GSI attributes, like the lines), grouped
 * by village partition like the run's writes. Not a second table: DynamoDB Local slows writes into
 * a second stream-enabled table as the first one's stream fills (measured here: 0.3–0.9 ms per
 * item into the first table, 5–16 ms into the next), which made the baseline several times slower
 * than the run itself. It is written in two halves, before and after the run, so table growth
 * and the machine's load drift weigh on both sides alike.
 */
import { fixedClock, ulidGenerator } from '@jingzhun/platform';
import { startDynamoLocal } from '../../../packages/local-cloud/src/dynamodb-local.js';
import { useTestTables } from '../../../packages/local-cloud/src/testing.js';
import { loadAverage, processCpuMs } from '../../../test/bench/machine.js';
import { currentCatalog } from '../src/catalog/index.js';
import { demoHousehold } from '../src/demo/households.js';
import { DEMO_PARAMETERS, seedDemo } from '../src/demo/seed.js';
import { emptyTotals, tallyHousehold } from '../src/domain/roster.js';
import { householdRosterLines, loadRun, processRun } from '../src/run/process.js';
import { startRun } from '../src/run/start.js';
import { batchWrite } from '../src/store/batch.js';
import { lineKeys } from '../src/store/keys.js';
import { putHouseholds } from '../src/store/projection.js';
import { subsidyTable, table } from '../src/store/table.js';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 100_000);
const PARALLELISM = Number(process.env.BENCH_PARALLELISM ?? 16);
const CHUNK = Number(process.env.BENCH_CHUNK ?? 1000);
const BARE_BUDGET_S = Number(process.env.BENCH_BARE_BUDGET_S ?? 600);
const PERIOD = '2017-06';
const DISTRICT = '370405000000';
/** Version 1 of the demo parameters, as seedDemo stores them (for the samples computed outside a run). */
const DEMO_PARAMETER_SET = { jurisdiction: 'taierzhuang' as const, version: 1, values: DEMO_PARAMETERS };
const guard = setTimeout(() => {
  console.error('benchmark exceeded 25 minutes; aborting');
  process.exit(2);
}, 25 * 60_000);
guard.unref();

let peakRss = 0;
/** Peak of the current phase (reset when the run starts). */
let phasePeakRss = 0;
const sampler = setInterval(() => {
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  phasePeakRss = Math.max(phasePeakRss, rss);
}, 200);
sampler.unref();

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** The DynamoDB Local process of this bench, once started: its CPU is read per phase. */
let dynamoPid: number | undefined;

/**
 * CPU seconds used so far by this process and by DynamoDB Local (undefined where it cannot be
 * read). On a shared 2-core machine wall time follows the CPU both need, so the bench prints it per
 * phase to show what limits the figure.
 */
function cpuSeconds(): { node: number; dynamo: number | undefined } {
  const usage = process.cpuUsage();
  const dynamoMs = dynamoPid === undefined ? undefined : processCpuMs(dynamoPid);
  return { node: (usage.user + usage.system) / 1e6, dynamo: dynamoMs === undefined ? undefined : dynamoMs / 1000 };
}

function cpuSince(start: ReturnType<typeof cpuSeconds>): { node: number; dynamoDbLocal: number | null } {
  const now = cpuSeconds();
  return {
    node: Number((now.node - start.node).toFixed(1)),
    dynamoDbLocal: now.dynamo !== undefined && start.dynamo !== undefined ? Number((now.dynamo - start.dynamo).toFixed(1)) : null,
  };
}

/**
 * Items shaped like the run's stored lines: real lines of the first demo households (same
 * attributes, same size distribution), with the key layout of lines under a BARE# partition.
 */
function sampleLines(): Record<string, unknown>[] {
  const catalogVersion = currentCatalog().versionId;
  return Array.from({ length: 500 }, (_, i) => householdRosterLines(demoHousehold(i), PERIOD, 'taierzhuang', DEMO_PARAMETER_SET)).flatMap((lines) =>
    lines.map((line) => ({ entity: 'line', period: PERIOD, runId: `${PERIOD}:${DISTRICT}:1`, catalogVersion, parametersVersion: 1, ...line })),
  );
}

/**
 * Bare BatchWriteItem of items [from, to) of `count`, built in batches of 5,000 inside the timed
 * section (the run builds its requests in its time too). Consecutive items share a village
 * partition, as the run's writes do (households are read in village order).
 */
async function bareWrite(samples: Record<string, unknown>[], from: number, to: number, count: number, villages: number, deadline: number): Promise<number> {
  const BATCH = 5000;
  let written = 0;
  for (let i = from; i < to; i += BATCH) {
    if (Date.now() > deadline) break;
    const requests = Array.from({ length: Math.min(BATCH, to - i) }, (_, k) => {
      const n = i + k;
      const sample = samples[n % samples.length] as Record<string, unknown>;
      // A 12-character stand-in for the village code, so keys have the lines' length.
      const village = `BARE${String(Math.floor((n * villages) / count)).padStart(8, '0')}`;
      return { PutRequest: { Item: { ...sample, ...lineKeys.line(PERIOD, village, `bare-h${String(n).padStart(7, '0')}`, sample.itemId as string) } } };
    });
    await batchWrite(table(), requests, PARALLELISM);
    written += requests.length;
  }
  return written;
}

const COMPUTE_SAMPLE = 5000;

/**
 * CPU per household of the computation alone (engine, roster lines, totals; no I/O), on a sample
 * after the run (warm): the part of the run's Node CPU that bare writes do not have.
 */
function computeOnlyMs(): number {
  const snapshots = Array.from({ length: COMPUTE_SAMPLE }, (_, i) => demoHousehold(i));
  const start = process.cpuUsage();
  const totals = emptyTotals();
  for (const snapshot of snapshots) tallyHousehold(totals, householdRosterLines(snapshot, PERIOD, 'taierzhuang', DEMO_PARAMETER_SET));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / COMPUTE_SAMPLE;
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

async function main() {
  const dynamo = await startDynamoLocal();
  dynamoPid = dynamo.pid;
  try {
    // The subsidy table on the fresh DynamoDB Local, the platform's client and env pointed at it.
    await useTestTables(dynamo.endpoint, [subsidyTable]);
    await seedDemo();
    const seedStart = Date.now();
    for (let i = 0; i < HOUSEHOLDS; i += 5000) {
      await putHouseholds(
        Array.from({ length: Math.min(5000, HOUSEHOLDS - i) }, (_, k) => demoHousehold(i + k)),
        '2017-01-01T00:00:00.000Z',
        PARALLELISM,
      );
    }
    console.log(`seeded ${HOUSEHOLDS} households in ${((Date.now() - seedStart) / 1000).toFixed(1)} s (not timed); load average ${loadAverage(1, ' ')}`);

    // (b, first half) bare BatchWriteItem; the line count is not known yet: half of the sample's rate.
    const samples = sampleLines();
    const expected = Math.round((HOUSEHOLDS * samples.length) / 500);
    const half = Math.floor(expected / 2);
    const bareDeadline = Date.now() + BARE_BUDGET_S * 1000;
    const bareCpu1 = cpuSeconds();
    const bareStart1 = process.hrtime.bigint();
    const written1 = await bareWrite(samples, 0, half, expected, 46, bareDeadline);
    const bareSeconds1 = seconds(bareStart1);
    const bareCpuFirst = cpuSince(bareCpu1);
    console.log(`(b) bare BatchWriteItem, first half: ${written1} items in ${bareSeconds1.toFixed(1)} s`);

    // (a) the monthly run
    const clock = fixedClock('2017-07-01T02:00:00.000Z');
    const ctx = {
      clock,
      ids: ulidGenerator,
      actor: { sub: 'bench', role: 'county' },
    };
    phasePeakRss = process.memoryUsage().rss;
    const runCpu = cpuSeconds();
    const runStart = process.hrtime.bigint();
    await startRun(PERIOD, DISTRICT, ctx);
    const run = await processRun(PERIOD, DISTRICT, {
      ...ctx,
      chunkSize: CHUNK,
      parallelism: PARALLELISM,
    });
    const runSeconds = seconds(runStart);
    const runCpuSeconds = cpuSince(runCpu);
    const runPeakRss = Math.max(phasePeakRss, process.memoryUsage().rss);
    const lines = await countLines(run.villages);
    const after = await loadRun(PERIOD, DISTRICT);
    console.log(
      `(a) monthly run: ${HOUSEHOLDS} households, ${lines} lines, ${runSeconds.toFixed(1)} s, ${Math.round(HOUSEHOLDS / runSeconds)} households/s, status ${after?.status}, peak RSS during the run ${mib(runPeakRss)}`,
    );

    // (b, second half) the rest, up to exactly the run's line count.
    const bareCpu2 = cpuSeconds();
    const bareStart2 = process.hrtime.bigint();
    const written2 = await bareWrite(samples, written1, Math.max(written1, lines), lines, 46, bareDeadline);
    const bareSeconds2 = seconds(bareStart2);
    const bareCpuSecond = cpuSince(bareCpu2);
    const written = written1 + written2;
    const bareElapsed = bareSeconds1 + bareSeconds2;
    // Bounded: when the budget runs out, the bare time is projected from the measured rate.
    const bareSeconds = written < lines ? (bareElapsed * lines) / written : bareElapsed;
    console.log(
      `(b) bare BatchWriteItem, second half: ${written2} items in ${bareSeconds2.toFixed(1)} s; total ${written} of ${lines} items in ${bareElapsed.toFixed(1)} s${written < lines ? ` (projected ${bareSeconds.toFixed(1)} s for all)` : ''}; load average ${loadAverage(1, ' ')}`,
    );
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const computeMs = computeOnlyMs();
    console.log(`household computation alone (no I/O, ${COMPUTE_SAMPLE} households): ${computeMs.toFixed(2)} ms of CPU per household`);
    const maxRss = process.resourceUsage().maxRSS * 1024;
    console.log(
      JSON.stringify(
        {
          households: HOUSEHOLDS,
          status: after?.status,
          totalYuan: (run.totals.totalFen / 100).toFixed(2),
          linesWritten: lines,
          runSeconds: Number(runSeconds.toFixed(2)),
          householdsPerSecond: Math.round(HOUSEHOLDS / runSeconds),
          bareItemsWritten: written,
          bareBatchWriteSeconds: Number(bareSeconds.toFixed(2)),
          bareProjected: written < lines,
          ratio: Number((runSeconds / bareSeconds).toFixed(2)),
          runCpuSeconds,
          bareCpuSeconds: {
            node: Number((bareCpuFirst.node + bareCpuSecond.node).toFixed(1)),
            dynamoDbLocal:
              bareCpuFirst.dynamoDbLocal !== null && bareCpuSecond.dynamoDbLocal !== null ? Number((bareCpuFirst.dynamoDbLocal + bareCpuSecond.dynamoDbLocal).toFixed(1)) : null,
          },
          computeOnlyMsPerHousehold: Number(computeMs.toFixed(2)),
          peakRssRun: mib(runPeakRss),
          peakRss: mib(Math.max(peakRss, maxRss)),
          parallelism: PARALLELISM,
          chunk: CHUNK,
          loadAverage: loadAverage(1, ' '),
        },
        null,
        2,
      ),
    );
  } finally {
    await dynamo.stop();
  }
}

async function countLines(villages: string[]): Promise<number> {
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const { documentClient } = await import('@jingzhun/platform');
  let n = 0;
  for (const village of villages) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documentClient().send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `LINE#2017-06#${village}` },
          Select: 'COUNT',
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      n += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return n;
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
