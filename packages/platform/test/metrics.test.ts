import { defineContract } from '@jingzhun/types';
import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type HttpEvent, httpHandler } from '../src/http.js';
import { jobHandler } from '../src/jobs.js';
import { countBusiness } from '../src/metrics.js';

const contract = defineContract({ id: 'countThings', method: 'GET', path: '/things', summary: '计数', auth: 'public' });
const lambdaContext = { awsRequestId: 'aws-request-0001', functionName: 'test' } as Context;
const get = { headers: {}, requestContext: { requestId: 'gateway-1', http: { method: 'GET', sourceIp: '127.0.0.1' } } } as unknown as HttpEvent;

/** What the handler printed on stdout that is an EMF document. */
type EmfDocument = { _aws: { CloudWatchMetrics: { Namespace: string; Metrics: { Name: string }[] }[] }; [name: string]: unknown };
function emfLines(write: { mock: { calls: unknown[][] } }): EmfDocument[] {
  return write.mock.calls
    .map(([chunk]) => String(chunk))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as EmfDocument);
}

describe('business metrics (EMF)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.AWS_LAMBDA_FUNCTION_NAME;
  });

  it('prints one EMF document per invocation that counted, with its figures, in Lambda', async () => {
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'notices-publish';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const handler = httpHandler(contract, async () => {
      countBusiness('NoticesPublished');
      countBusiness('HouseholdsComputed', 600);
      return { ok: true };
    });
    const response = await handler(get, lambdaContext);
    expect(response.statusCode).toBe(200);
    const [document, ...more] = emfLines(write);
    expect(more).toEqual([]);
    expect(document?._aws.CloudWatchMetrics[0]?.Metrics.map((metric) => metric.Name).sort()).toEqual(['HouseholdsComputed', 'NoticesPublished']);
    expect(document?.NoticesPublished).toBe(1);
    expect(document?.HouseholdsComputed).toBe(600);
  });

  it('flushes what was counted before a failure, and nothing is carried into the next invocation', async () => {
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'subsidy-monthly-run';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const failing = jobHandler(async () => {
      countBusiness('MonthlyRunsCompleted');
      throw new Error('shard failed');
    });
    await expect(failing({ job: 'monthly-run' }, lambdaContext)).rejects.toThrow('shard failed');
    expect(emfLines(write).map((document) => document.MonthlyRunsCompleted)).toEqual([1]);

    const quiet = httpHandler(contract, async () => ({ ok: true }));
    await quiet(get, lambdaContext);
    expect(emfLines(write)).toHaveLength(1);
  });

  it('prints nothing outside Lambda (the local cloud, tests) and carries nothing over', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const handler = httpHandler(contract, async () => {
      countBusiness('ObjectionsLodged');
      return { ok: true };
    });
    await handler(get, lambdaContext);
    expect(emfLines(write)).toEqual([]);
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'notices-lodge';
    await httpHandler(contract, async () => ({ ok: true }))(get, lambdaContext);
    expect(emfLines(write)).toEqual([]);
  });
});
