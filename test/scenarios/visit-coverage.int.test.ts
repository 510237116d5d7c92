import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/index.js';
import { manifest as dispatch } from '../../services/dispatch/src/manifest.js';
import { manifest as identification } from '../../services/identification/src/manifest.js';

describe('visit coverage in the dispatch from identification.visit.recorded (DynamoDB Local)', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    // With the demo (households, case work, the dispatch report builds): a system suite, on a
    // DynamoDB Local of its own, where loading it takes seconds rather than starving the shared one.
    cloud = await startTestCloud(inject('dynamoEndpoint'), [identification, dispatch], { demo: true });
  }, 300_000);
  afterAll(() => cloud?.stop());

  it('counts a village’s visits per village and helper; a town reads its villages only', async () => {
    const village = await cloud.login('village-fengzhuang');
    const county = await cloud.login('county');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const households = (await call(cloud, 'GET', '/households?region=370405103201&limit=3', { token: village })).body.items as { householdId: string }[];
    for (const [index, household] of households.entries()) {
      const id = `cover-${index}-${Math.random().toString(36).slice(2, 14)}`;
      const visit = await call(cloud, 'PUT', `/visits/${id}`, { token: village, body: { householdId: household.householdId, date: today, found: '走访' } });
      expect(visit.status, JSON.stringify(visit.body)).toBe(200);
    }
    await cloud.drain();
    const period = today.slice(0, 7);
    const town = await call(cloud, 'GET', `/dispatch/visit-coverage/370405103000/${period}`, { token: county });
    expect(town.status, JSON.stringify(town.body)).toBe(200);
    expect(town.body.total).toMatchObject({ visits: 3, householdsVisited: 3 });
    expect(town.body.villages).toEqual([{ village: '370405103201', visits: 3, householdsVisited: 3, riskSignals: 0 }]);
    expect(town.body.helpers.reduce((n: number, h: { visits: number }) => n + h.visits, 0) + town.body.withoutHelper.visits).toBe(3);
    const other = await call(cloud, 'GET', `/dispatch/visit-coverage/370405102000/${period}`, { token: county });
    expect(other.body.total.visits).toBe(0);
    expect((await call(cloud, 'GET', `/dispatch/visit-coverage/370405102000/${period}`, { token: village })).status).toBe(403);
  });
});
