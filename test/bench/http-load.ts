/**
 * Load generator for test/bench/notices.ts, run as a child process (fork) so that autocannon does
 * not share an event loop with the gateway it measures: queueing behind the load generator's own
 * work would otherwise count as gateway latency.
 *
 * Input: one JSON argument { url, connections, seconds }. Output: one IPC message (LoadResult).
 * Latencies are kept per response in ms (float): autocannon's own histogram has 1 ms resolution,
 * too coarse for a comparison with a bare Query of a few milliseconds.
 */
import autocannon from 'autocannon';

export interface LoadRequest {
  url: string;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  /** Latencies of 2xx responses, ms (autocannon's convention: other statuses are counted, not timed). */
  latenciesMs: number[];
  elapsedMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** CPU time of this load-generator process during the run. */
  cpuMs: number;
}

async function run(request: LoadRequest): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = { url: request.url, connections: request.connections, duration: request.seconds, pipelining: 1 };
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latenciesMs.push(responseTime);
    });
  });
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  return {
    latenciesMs,
    elapsedMs,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

const request = JSON.parse(process.argv[2] ?? '{}') as LoadRequest;
const result = await run(request);
process.send?.(result, () => process.exit(0));
