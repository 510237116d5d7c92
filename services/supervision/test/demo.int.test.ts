import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/testing.js';
import { auditGaps } from '../../../test/support/audit.js';
import { manifest } from '../src/manifest.js';

/** The demo of 台儿庄: towns and departments with a reviewed 2018 assessment, findings, 46 key villages with teams. */
describe('supervision demo data', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest], { demo: true });
  }, 180_000);
  afterAll(() => cloud?.stop());

  it('loads the district as the console shows it', async () => {
    const county = await cloud.login('county');
    const base = '/supervision/districts/370405000000';
    const units = (await call(cloud, 'GET', `${base}/units?year=2018`, { token: county })).body.items;
    expect(units).toHaveLength(12);
    const assessment = (await call(cloud, 'GET', `${base}/years/2018/assessment`, { token: county })).body;
    expect(assessment.status).toBe('reviewed');
    const nigou = assessment.results.find((r: { unitId: string }) => r.unitId === 'town-nigou');
    expect(nigou.vetoes.map((v: { rule: string }) => v.rule)).toEqual(['ACCIDENT_REPORT_FAILURE', 'POVERTY_TASK_UNFINISHED']);
    expect(nigou.award).toBeNull();
    const villages = (await call(cloud, 'GET', `${base}/villages`, { token: county })).body.items;
    expect(villages).toHaveLength(46);
    expect(villages.every((v: { team: unknown[] }) => v.team.length === 3)).toBe(true);
    const coverage = (await call(cloud, 'GET', `${base}/coverage`, { token: county })).body;
    expect(coverage).toMatchObject({ keyVillages: 46 });
    expect((await call(cloud, 'GET', `${base}/findings`, { token: county })).body.items).toHaveLength(3);
    // A town signs in and sees its own unit only.
    const town = await cloud.login('town-nigou');
    expect((await call(cloud, 'GET', `${base}/units`, { token: town })).body.items.map((u: { unitId: string }) => u.unitId)).toEqual(['town-nigou']);
    // The demo's writes are audited like any other (test/support/audit.ts).
    expect(await auditGaps(cloud.endpoint, [cloud.tableName('supervision')])).toEqual([]);
  }, 120_000);
});
