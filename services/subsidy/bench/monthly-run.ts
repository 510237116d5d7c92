/**
 * npm run bench:subsidy — a monthly run of 100,000 households on DynamoDB Local (in memory),
 * against bare BatchWriteItem of the same number of items from the same process.
 * Prints households/s, both times, the ratio and peak RSS. No assertions. Env: BENCH_HOUSEHOLDS.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient, fixedClock, setDocumentClient, ulidGenerator } from '@jingzhun/platform';
import { tableEnvVar } from '@jingzhun/platform/table';
import { startDynamoLocal } from '../../../packages/local-cloud/src/dynamodb-local.js';
import { ensureTable } from '../../../packages/local-cloud/src/tables.js';
import { demoHousehold } from '../src/demo/households.js';
import { seedDemo } from '../src/demo/seed.js';
import { loadRun, processRun } from '../src/run/process.js';
import { startRun } from '../src/run/start.js';
import { batchWrite } from '../src/store/batch.js';
import { putHouseholds } from '../src/store/projection.js';
import { subsidyTable, table } from '../src/store/table.js';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 100_000);
const PARALLELISM = Number(process.env.BENCH_PARALLELISM ?? 16);
const CHUNK = Number(process.env.BENCH_CHUNK ?? 1000);
const BARE_BUDGET_S = Number(process.env.BENCH_BARE_BUDGET_S ?? 240);
const guard = setTimeout(() => {
  console.error('benchmark exceeded 25 minutes; aborting');
  process.exit(2);
}, 25 * 60_000);
guard.unref();

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);
sampler.unref();

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

async function main() {
  const dynamo = await startDynamoLocal();
  try {
    process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
    const raw = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'cn-north-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await ensureTable(raw, subsidyTable, 'bench-subsidy');
    await ensureTable(raw, { name: 'bare', indexes: 0 }, 'bench-bare');
    raw.destroy();
    process.env[tableEnvVar(subsidyTable)] = 'bench-subsidy';
    setDocumentClient(createDocumentClient(dynamo.endpoint));
    await seedDemo();
    const seedStart = Date.now();
    for (let i = 0; i < HOUSEHOLDS; i += 5000) {
      await putHouseholds(
        Array.from({ length: Math.min(5000, HOUSEHOLDS - i) }, (_, k) => demoHousehold(i + k)),
        '2017-01-01T00:00:00.000Z',
        PARALLELISM,
      );
    }
    console.log(`seeded ${HOUSEHOLDS} households in ${((Date.now() - seedStart) / 1000).toFixed(1)} s (not timed)`);

    // (a) the monthly run
    const clock = fixedClock('2017-07-01T02:00:00.000Z');
    const ctx = {
      clock,
      ids: ulidGenerator,
      actor: { sub: 'bench', role: 'county' },
    };
    const runStart = process.hrtime.bigint();
    await startRun('2017-06', '370405000000', ctx);
    const run = await processRun('2017-06', '370405000000', {
      ...ctx,
      chunkSize: CHUNK,
      parallelism: PARALLELISM,
    });
    const runSeconds = Number(process.hrtime.bigint() - runStart) / 1e9;
    const lines = await countLines(run.villages);
    const after = await loadRun('2017-06', '370405000000');
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    console.log(
      `(a) monthly run: ${HOUSEHOLDS} households, ${lines} lines, ${runSeconds.toFixed(1)} s, ${Math.round(HOUSEHOLDS / runSeconds)} households/s, status ${after?.status}, peak RSS so far ${mib(peakRss)}`,
    );

    // (b) bare BatchWriteItem of the same number of items, of similar shape, same parallelism
    const bareStart = process.hrtime.bigint();
    const BATCH = 5000;
    let written = 0;
    for (let i = 0; i < lines; i += BATCH) {
      if (Number(process.hrtime.bigint() - bareStart) / 1e9 > BARE_BUDGET_S) break;
      const requests = Array.from({ length: Math.min(BATCH, lines - i) }, (_, k) => ({
        PutRequest: {
          Item: {
            // Same layout as the run's lines: consecutive items share a village partition.
            pk: `BARE#${Math.floor(((i + k) * run.villages.length) / lines)}`,
            sk: `demo-h${String(i + k).padStart(6, '0')}#tez-basic-pension`,
            entity: 'line',
            period: '2017-06',
            amountFen: 10_000,
            status: 'payable',
            headName: '王某（演示）',
            subjects: [
              {
                subject: `${i + k}-0`,
                status: 'payable',
                amountFen: 10_000,
                explanation: 'seed 000 SUB-54 L2887–2889: 不低于 100.00 元；age=70 → 100.00 元',
              },
            ],
          },
        },
      }));
      await batchWrite('bench-bare', requests, PARALLELISM);
      written += requests.length;
    }
    const bareElapsed = Number(process.hrtime.bigint() - bareStart) / 1e9;
    // Bounded: when the budget runs out, the bare time is projected from the measured rate.
    const bareSeconds = written < lines ? (bareElapsed * lines) / written : bareElapsed;
    console.log(`(b) bare BatchWriteItem: ${written} of ${lines} items in ${bareElapsed.toFixed(1)} s${written < lines ? ` (projected ${bareSeconds.toFixed(1)} s for all)` : ''}`);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
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
          peakRss: mib(Math.max(peakRss, maxRss)),
          parallelism: PARALLELISM,
          chunk: CHUNK,
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
