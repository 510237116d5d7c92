import { addMonths, periodOf } from '@jingzhun/types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { manifest as dispatch } from '../../services/dispatch/src/manifest.js';
import { manifest as identification } from '../../services/identification/src/manifest.js';

/**
 * The dispatch report's 监测对象 (stock.hh.monitored) equals the monitored households of the
 * identification register, on the demo data: the migrated monitored households reach the read
 * model in the month they were identified, not in the month the demo was loaded (which a report,
 * always about a closed month, never covers).
 */
const COUNTY = '370405000000';

describe('monitoring counts: dispatch report = identification register (demo data)', () => {
  let cloud: LocalCloud;
  let county = '';

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [identification, dispatch], { demo: true });
    county = await cloud.login('county');
    await cloud.drain();
  }, 300_000);
  afterAll(() => cloud?.stop());

  async function monitoredInRegister(): Promise<number> {
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = await call(cloud, 'GET', `/households?region=${COUNTY}&status=MONITORED&limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token: county });
      expect(page.status).toBe(200);
      count += page.body.items.length;
      cursor = page.body.nextCursor;
    } while (cursor);
    return count;
  }

  it.each([
    ['the last closed month', addMonths(periodOf(new Date()), -1)],
    ['the demo month (2018-03)', '2018-03'],
  ])('%s', async (_label, period) => {
    const expected = await monitoredInRegister();
    expect(expected).toBeGreaterThan(0);
    const run = await call(cloud, 'POST', '/dispatch/jobs/monthly-dispatch-build/runs', { token: county, body: { period } });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    const report = (await call(cloud, 'GET', `/dispatch/reports/${COUNTY}/${period}`, { token: county })).body.report;
    const monitored = report.metrics.find((m: { metric: string }) => m.metric === 'stock.hh.monitored');
    expect(monitored.value).toBe(expected);
  });
});
