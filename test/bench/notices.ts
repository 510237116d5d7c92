/**
 * `npm run bench:notices`: the public notice query (one page of a notice's masked entries) through
 * the local gateway under 50 concurrent connections, against the bare DynamoDB Query that serves the
 * same page, issued with the AWS SDK from this same process at the same concurrency. The ratio of
 * the two is what compares across machines; the absolute figures are this machine's.
 *
 * The system runs in this process (startTestCloud over a fresh in-memory DynamoDB Local, every
 * service, demo data); the HTTP load comes from a child process (http-load.ts). Loopback only.
 * BENCH_SECONDS sets the length of each measured phase (default 15), run as ROUNDS interleaved slices.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dropTables, ensureTable } from '../../packages/local-cloud/src/tables.js';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { createDynamoClient, documentClient } from '../../packages/platform/src/dynamo.js';
import { publicKeys } from '../../services/notices/src/store/keys.js';
import { publicEntriesQuery } from '../../services/notices/src/store/notices.js';
import { services } from '../../services/registry.js';
import type { LoadRequest, LoadResult } from './http-load.js';
import { loadAverage, machineBusyMs, processCpuMs } from './machine.js';
import { type LatencySummary, summarise, verdict } from './stats.js';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARM_UP_SECONDS = 3;
const DIAGNOSTIC_SECONDS = 6; // the diagnostics need fewer samples
const ROUNDS = 3; // interleaved slices per workload
const PAGE_LIMIT = 20; // PageQuery's default page size: what the public board asks for
const DEMO_COUNTY = '370405000000'; // 台儿庄区, where the demo data lives
const TARGET_RPS = 1000;
const TARGET_P99_MS = 30;
const TARGET_RATIO = 2;

// ---- CPU accounting: which process is busy during a phase ----

interface CpuSnapshot {
  self: number;
  dynamo: number | undefined;
  machineBusy: number;
  at: number;
}

function cpuSnapshot(dynamoPid: number | undefined): CpuSnapshot {
  const own = process.cpuUsage();
  return { self: (own.user + own.system) / 1000, dynamo: dynamoPid ? processCpuMs(dynamoPid) : undefined, machineBusy: machineBusyMs(), at: performance.now() };
}

/** CPU time of each party, summed over a workload's rounds, ms. */
interface CpuTotals {
  wall: number;
  self: number;
  dynamo: number | undefined;
  loadGenerator: number;
  others: number;
}

function addCpu(totals: CpuTotals, before: CpuSnapshot, after: CpuSnapshot, loadGeneratorMs: number): CpuTotals {
  const self = after.self - before.self;
  const dynamo = before.dynamo !== undefined && after.dynamo !== undefined ? after.dynamo - before.dynamo : undefined;
  return {
    wall: totals.wall + (after.at - before.at),
    self: totals.self + self,
    dynamo: dynamo === undefined ? undefined : (totals.dynamo ?? 0) + dynamo,
    loadGenerator: totals.loadGenerator + loadGeneratorMs,
    others: totals.others + Math.max(0, after.machineBusy - before.machineBusy - self - (dynamo ?? 0) - loadGeneratorMs),
  };
}

/**
 * Share of one core used by each party (100% = one core busy), and DynamoDB Local's CPU per
 * DynamoDB call: the figure that bounds what any client of it can reach.
 */
function cpuLine(cpu: CpuTotals, dynamoCalls: number): string {
  const pct = (ms: number) => `${((ms / cpu.wall) * 100).toFixed(0)}%`;
  const parts = [
    `this process ${pct(cpu.self)}`,
    cpu.dynamo === undefined ? 'DynamoDB Local n/a' : `DynamoDB Local ${pct(cpu.dynamo)} (${(cpu.dynamo / Math.max(1, dynamoCalls)).toFixed(2)} ms per DynamoDB call)`,
  ];
  if (cpu.loadGenerator) parts.push(`load generator ${pct(cpu.loadGenerator)}`);
  parts.push(`other processes on the machine ${pct(cpu.others)}`);
  return `    CPU (100% = one core of ${cpus().length}): ${parts.join(', ')}`;
}

// ---- finding the page through the public routes ----

interface Target {
  noticeId: string;
  title: string;
  entryCount: number;
  path: string;
  pageItems: number;
}

/** An open public notice of the demo county (the one with most entries) and its first entries page. */
async function findPublicPage(cloud: LocalCloud): Promise<Target> {
  const list = await call(cloud, 'GET', `/public/notices?region=${DEMO_COUNTY}&limit=100`);
  if (list.status !== 200) throw new Error(`GET /public/notices: ${list.status} ${JSON.stringify(list.body)}`);
  const open = (list.body.items as { noticeId: string; title: string; entryCount: number; visibility: string }[]).filter((notice) => notice.visibility === 'open');
  const notice = open.sort((a, b) => b.entryCount - a.entryCount)[0];
  if (!notice) throw new Error(`no open public notice in ${DEMO_COUNTY}: did the demo data load?`);
  const one = await call(cloud, 'GET', `/public/notices/${notice.noticeId}`);
  if (one.status !== 200) throw new Error(`GET /public/notices/${notice.noticeId}: ${one.status}`);
  const path = `/public/notices/${notice.noticeId}/entries?limit=${PAGE_LIMIT}`;
  const page = await call(cloud, 'GET', path);
  if (page.status !== 200 || !Array.isArray(page.body.items) || page.body.items.length === 0) throw new Error(`GET ${path}: ${page.status} ${JSON.stringify(page.body)}`);
  return { noticeId: notice.noticeId, title: notice.title, entryCount: notice.entryCount, path, pageItems: page.body.items.length };
}

// ---- the measured workloads ----

/** One slice of a workload: per-request latencies (ms) over `elapsedMs`. */
interface Run {
  latenciesMs: number[];
  elapsedMs: number;
  errors: number;
  /** HTTP slices only: autocannon's counts and the load generator's CPU. */
  http?: LoadResult;
}

async function httpRun(url: string, connections: number, seconds: number): Promise<Run> {
  const http = await httpLoad({ url, connections, seconds });
  return { latenciesMs: http.latenciesMs, elapsedMs: http.elapsedMs, errors: http.errors + http.non2xx, http };
}

function httpLoad(request: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = fork(new URL('./http-load.ts', import.meta.url), [JSON.stringify(request)], { stdio: 'inherit' });
    child.once('message', (message) => resolve(message as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
    });
  });
}

/**
 * Runs `operation` with `inFlight` concurrent loops for `seconds`, timing each call: the same
 * closed-loop shape as autocannon's connections (each loop sends its next request when its previous
 * one has answered).
 */
async function closedLoop(operation: () => Promise<unknown>, inFlight: number, seconds: number): Promise<Run> {
  const latenciesMs: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      try {
        await operation();
        latenciesMs.push(performance.now() - t);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, loop));
  return { latenciesMs, elapsedMs: performance.now() - started, errors };
}

/** The Query behind GET /public/notices/{id}/entries, first page: built by the store function the handler uses. */
function entriesQuery(noticeId: string): QueryCommand {
  return new QueryCommand(publicEntriesQuery(noticeId, PAGE_LIMIT));
}

/** The GetItem the route adds when its Query stops before the notice (handlers/public.ts visibleNotice → loadPublicNotice). */
function noticeGet(table: string, noticeId: string): GetCommand {
  return new GetCommand({ TableName: table, Key: publicKeys.notice(noticeId), ConsistentRead: false });
}

/**
 * A copy of the notice's public partition in a table without a stream (and without the GSIs: the
 * Query reads the base table only), in the same DynamoDB Local: the diagnostic that separates the
 * emulator's cost of a read on a streamed table (every table of the system has a stream, for the
 * outbox relay) from the cost of the read itself.
 */
async function streamlessCopy(cloud: LocalCloud, noticeId: string): Promise<{ name: string; drop(): Promise<void> }> {
  const admin = createDynamoClient(cloud.endpoint);
  const name = `${cloud.tableName('notices')}-bench-no-stream`;
  await ensureTable(admin, { name, indexes: 0 }, name, { stream: false });
  const client = documentClient();
  const { partition } = publicKeys.entries(noticeId);
  const items = await client.send(
    new QueryCommand({
      TableName: cloud.tableName('notices'),
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': partition.name },
      ExpressionAttributeValues: { ':pk': partition.value },
    }),
  );
  for (const item of items.Items ?? []) await client.send(new PutCommand({ TableName: name, Item: item }));
  return {
    name,
    drop: async () => {
      await dropTables(admin, [name]);
      admin.destroy();
    },
  };
}

// ---- phases and report ----

interface Workload {
  label: string;
  /** DynamoDB calls per request, for DynamoDB Local's CPU per call. */
  calls: number;
  /** Total seconds, split evenly over the rounds. */
  seconds: number;
  run(seconds: number): Promise<Run>;
}

interface Measured {
  label: string;
  summary: LatencySummary;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  http: boolean;
  cpu: string;
}

/**
 * Runs the workloads in ROUNDS interleaved slices, rotating their order each round, so that every
 * workload sees the same background load on a machine other processes also use; each one's slices
 * are then summarised together.
 */
async function interleaved(workloads: Workload[], dynamoPid: number | undefined): Promise<Measured[]> {
  const runs = workloads.map(() => [] as Run[]);
  const cpu = workloads.map((): CpuTotals => ({ wall: 0, self: 0, dynamo: 0, loadGenerator: 0, others: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < workloads.length; k++) {
      const index = (k + round) % workloads.length;
      const workload = workloads[index] as Workload;
      const before = cpuSnapshot(dynamoPid);
      const run = await workload.run(workload.seconds / ROUNDS);
      cpu[index] = addCpu(cpu[index] as CpuTotals, before, cpuSnapshot(dynamoPid), run.http?.cpuMs ?? 0);
      runs[index]?.push(run);
    }
  }
  return workloads.map((workload, index) => {
    const slices = runs[index] as Run[];
    const summary = summarise(
      slices.flatMap((run) => run.latenciesMs),
      slices.reduce((sum, run) => sum + run.elapsedMs, 0),
    );
    const statusCodes: Record<string, number> = {};
    for (const run of slices) for (const [code, count] of Object.entries(run.http?.statusCodes ?? {})) statusCodes[code] = (statusCodes[code] ?? 0) + count;
    const sum = (pick: (run: Run) => number) => slices.reduce((total, run) => total + pick(run), 0);
    return {
      label: workload.label,
      summary,
      errors: sum((run) => run.errors),
      timeouts: sum((run) => run.http?.timeouts ?? 0),
      non2xx: sum((run) => run.http?.non2xx ?? 0),
      statusCodes,
      http: slices.some((run) => run.http !== undefined),
      cpu: cpuLine(cpu[index] as CpuTotals, summary.requests * workload.calls),
    };
  });
}

function fmt(summary: LatencySummary): string {
  return `${summary.requestsPerSecond.toFixed(0)} requests/s, p50 ${summary.p50.toFixed(2)} ms, p99 ${summary.p99.toFixed(2)} ms, max ${summary.max.toFixed(1)} ms (${summary.requests} requests)`;
}

function printMeasured(result: Measured): void {
  console.log(`${result.label}: ${fmt(result.summary)}`);
  if (result.http)
    console.log(`    errors ${result.errors - result.non2xx} (timeouts ${result.timeouts}), non-2xx ${result.non2xx}, status codes ${JSON.stringify(result.statusCodes)}`);
  else console.log(`    errors ${result.errors}`);
  console.log(result.cpu);
}

async function main(): Promise<void> {
  console.log(
    `Public notice query under load: ${CONNECTIONS} connections, ${SECONDS} s per phase; machine: ${cpus()[0]?.model} ×${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(`load average before start (1/5/15 min): ${loadAverage()}`);
  const setupStarted = performance.now();
  // The gateway's per-address limiter (50/s by default) would answer most of this loopback load with
  // 429: it is switched off, so the figures measure the query path, not the throttle.
  const cloud = await startTestCloud('', services, { demo: true, publicRatePerSecond: Number.POSITIVE_INFINITY });
  try {
    await cloud.drain();
    console.log(`system started in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s: every service, demo data, fresh in-memory DynamoDB Local`);
    console.log('per-address rate limit on public routes: OFF (publicRatePerSecond = Infinity); response validation against contracts: ON (as in npm start)');
    const target = await findPublicPage(cloud);
    console.log(`page: GET ${target.path} (${target.pageItems} of ${target.entryCount} entries; notice 「${target.title}」)`);
    // handlers/public.ts listPublicEntries: one Query that reaches the notice when the page ends the
    // list, plus a GetItem of the notice when it does not.
    const routeCalls = target.entryCount <= PAGE_LIMIT ? 1 : 2;
    const input = publicEntriesQuery(target.noticeId, PAGE_LIMIT);
    console.log(
      `route reads: Query ${input.KeyConditionExpression} ${JSON.stringify(input.ExpressionAttributeValues)} Limit ${input.Limit}${routeCalls === 1 ? ' (returns the notice too: 1 DynamoDB call per request)' : ', then GetItem of the notice (2 DynamoDB calls per request)'}`,
    );

    const url = `http://127.0.0.1:${cloud.port}${target.path}`;
    const table = cloud.tableName('notices');
    const client = documentClient(); // the handlers' own client (same process, same sockets)
    const dynamoPid = cloud.dynamoLocal()?.pid;
    const query = () => client.send(entriesQuery(target.noticeId));
    const twoReads = async () => {
      await client.send(noticeGet(table, target.noticeId));
      await query();
    };

    await httpLoad({ url, connections: CONNECTIONS, seconds: WARM_UP_SECONDS }); // JIT, handler import, sockets
    await closedLoop(query, CONNECTIONS, WARM_UP_SECONDS);
    const copy = await streamlessCopy(cloud, target.noticeId);
    const copyQuery = () => client.send(new QueryCommand({ ...publicEntriesQuery(target.noticeId, PAGE_LIMIT), TableName: copy.name }));
    await closedLoop(copyQuery, CONNECTIONS, 1); // the new table's first reads

    const [gateway, bare, ...diagnostics] = (await interleaved(
      [
        { label: `gateway, GET entries page, ${CONNECTIONS} connections`, calls: routeCalls, seconds: SECONDS, run: (t) => httpRun(url, CONNECTIONS, t) },
        {
          label: `bare Query (the route's own: same table, key condition, Limit), ${CONNECTIONS} in flight`,
          calls: 1,
          seconds: SECONDS,
          run: (t) => closedLoop(query, CONNECTIONS, t),
        },
        // Diagnostics, not targets: two reads per request (a page that does not end the list, and the
        // route before it read the notice within its Query); one request at a time (service time
        // without queueing); the same Query on a table without a stream (the emulator's stream cost).
        {
          label: `diagnostic: two reads bare (GetItem of the notice, then the Query), ${CONNECTIONS} in flight`,
          calls: 2,
          seconds: SECONDS,
          run: (t) => closedLoop(twoReads, CONNECTIONS, t),
        },
        { label: `diagnostic: gateway, 1 connection (${DIAGNOSTIC_SECONDS} s)`, calls: routeCalls, seconds: DIAGNOSTIC_SECONDS, run: (t) => httpRun(url, 1, t) },
        { label: `diagnostic: bare Query, 1 in flight (${DIAGNOSTIC_SECONDS} s)`, calls: 1, seconds: DIAGNOSTIC_SECONDS, run: (t) => closedLoop(query, 1, t) },
        {
          label: `diagnostic: the same Query on a copy of the partition in a table without a stream, ${CONNECTIONS} in flight (${DIAGNOSTIC_SECONDS} s)`,
          calls: 1,
          seconds: DIAGNOSTIC_SECONDS,
          run: (t) => closedLoop(copyQuery, CONNECTIONS, t),
        },
      ],
      dynamoPid,
    )) as [Measured, Measured, Measured, Measured, Measured, Measured];
    await copy.drop();
    const [reads, gatewaySingle, bareSingle] = diagnostics as [Measured, Measured, Measured, Measured];

    console.log('');
    for (const result of [gateway, bare, ...diagnostics]) printMeasured(result);
    console.log('');
    const g = gateway.summary;
    const b = bare.summary;
    console.log(
      `ratios: gateway p50 / bare Query p50 = ${(g.p50 / b.p50).toFixed(2)}; bare Query rps / gateway rps = ${(b.requestsPerSecond / g.requestsPerSecond).toFixed(2)}; ` +
        `gateway p50 / bare two-reads p50 = ${(g.p50 / reads.summary.p50).toFixed(2)}; at 1 connection, gateway p50 / bare Query p50 = ${(gatewaySingle.summary.p50 / bareSingle.summary.p50).toFixed(2)}`,
    );
    console.log(verdict('throughput at 50 connections', g.requestsPerSecond, TARGET_RPS, 'atLeast', ' req/s', 0));
    console.log(verdict('p99 latency', g.p99, TARGET_P99_MS, 'atMost', ' ms'));
    console.log(verdict('errors + non-2xx', gateway.errors, 0, 'atMost', '', 0));
    console.log(verdict('gateway p50 / bare Query p50', g.p50 / b.p50, TARGET_RATIO, 'atMost', '×', 2));
    console.log(verdict('bare Query alone, requests/s (a ceiling for the route)', b.requestsPerSecond, TARGET_RPS, 'atLeast', ' req/s', 0));
    console.log(verdict('bare Query alone, p99 (a floor for the route)', b.p99, TARGET_P99_MS, 'atMost', ' ms'));
    console.log(`load average at end (1/5/15 min): ${loadAverage()}`);
  } finally {
    await cloud.stop();
  }
}

await main();
