import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/testing.js';
import { manifest } from '../src/manifest.js';

/** `npm start` shows the dispatch month of the demo (October 2019): filings, the report, the bulletins. */
describe('dispatch demo data', () => {
  let cloud: LocalCloud;
  let county = '';
  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest], { demo: true });
    county = await cloud.login('county');
  }, 180_000);
  afterAll(() => cloud?.stop());

  it('has a built report for October 2019 with late and missing units and lagging targets', async () => {
    const got = await call(cloud, 'GET', '/dispatch/reports/370405000000/2019-10', { token: county });
    expect(got.status).toBe(200);
    const report = got.body.report;
    expect(report.filings.late.map((f: { name: string }) => f.name)).toEqual(['区财政局', '区公安分局', '运河街道', '泥沟镇']);
    expect(report.filings.missing.map((f: { name: string }) => f.name)).toContain('邳庄镇');
    const statuses = new Set(report.targets.map((t: { status: string }) => t.status));
    expect(statuses).toContain('behind');
    expect(statuses).toContain('on-track');
    expect(report.overdue.filings.length).toBeGreaterThan(0);
    const runs = await call(cloud, 'GET', '/dispatch/jobs/sector-bulletins/runs?period=2019-10', { token: county });
    expect(runs.body.items[0].details.bulletins[0].ranking).toHaveLength(6);
  }, 60_000);
});
