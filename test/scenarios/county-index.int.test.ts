import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { createDocumentClient } from '../../packages/platform/src/dynamo.js';
import { services } from '../../services/registry.js';

/**
 * The county index over HTTP (issue 20; seed 004 L885 four dimensions, 11 indicators, a weighted
 * index; 000 L3856 满意度调查): on the 台儿庄 demo the register's indicators are there (帮扶责任人,
 * 帮扶措施, 不返贫), the index waits for the survey; the statistics office enters it, a result outside
 * its scale is refused with nothing written but its audit, and the county reads the index.
 */
const COUNTY = '370405000000';
const survey = {
  ruralPopulation: 280_000,
  sampleHouseholds: 300,
  identifiedCorrectly: 294,
  exitedSampled: 150,
  exitedCorrectly: 147,
  knowHelper: 288,
  satisfactionHelp: 4.5,
  satisfactionPolicy: 4.3,
  recognition: 4.4,
};

describe('county index with the statistics office’s survey (over HTTP)', () => {
  let cloud: LocalCloud;
  const tokens: Record<string, string> = {};
  const year = new Date().getFullYear();

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), services, { demo: true });
    for (const user of ['county', 'leading-group', 'dept-tongji', 'dept-minzheng', 'town-jiantouji', 'other-county']) tokens[user] = await cloud.login(user);
    await cloud.drain();
  }, 240_000);
  afterAll(() => cloud?.stop());

  const read = (user = 'county') => call(cloud, 'GET', `/dispatch/county-index/${COUNTY}/${year}`, { token: tokens[user] });

  it('computes the register’s indicators and gives no index before the survey', async () => {
    const index = await read();
    expect(index.status, JSON.stringify(index.body)).toBe(200);
    expect(index.body.index).toBeNull();
    expect(index.body.indicators).toHaveLength(11);
    const score = (id: string) => index.body.indicators.find((i: { id: string }) => i.id === id).score;
    expect(score('help.helper')).toBeGreaterThan(0);
    expect(score('help.measures')).not.toBeNull();
    expect(score('exit.noReturn')).not.toBeNull();
    expect(index.body.missing).toContain('帮扶工作满意度（调查）');
  });

  it('refuses a survey outside its scale, writes nothing but the audit, then takes a good one', async () => {
    const refused = await call(cloud, 'PUT', `/dispatch/county-index/${COUNTY}/${year}/survey`, {
      token: tokens['dept-tongji'],
      body: { ...survey, satisfactionHelp: 6, version: 0 },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('SURVEY_OUT_OF_SCALE');
    expect(refused.body.message).toMatch(/1 到 5/);
    expect((await read()).body.version).toBe(0);
    const client = createDocumentClient(cloud.endpoint);
    const audit = await client.send(
      new QueryCommand({ TableName: cloud.tableName('dispatch'), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#SURVEY#${COUNTY}#${year}` } }),
    );
    client.destroy();
    expect((audit.Items ?? []).map((i) => i.action)).toContain('REFUSED:survey.entered');

    // Only the statistics office enters it.
    expect((await call(cloud, 'PUT', `/dispatch/county-index/${COUNTY}/${year}/survey`, { token: tokens['dept-minzheng'], body: { ...survey, version: 0 } })).status).toBe(403);
    expect((await call(cloud, 'PUT', `/dispatch/county-index/${COUNTY}/${year}/survey`, { token: tokens.county, body: { ...survey, version: 0 } })).status).toBe(403);
    const entered = await call(cloud, 'PUT', `/dispatch/county-index/${COUNTY}/${year}/survey`, { token: tokens['dept-tongji'], body: { ...survey, version: 0 } });
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    expect(entered.body.version).toBe(1);
    expect(entered.body.survey).toMatchObject({ satisfactionHelp: 4.5, enteredBy: '区统计局（演示）' });
    // A second entry on the same version loses to the first.
    const stale = await call(cloud, 'PUT', `/dispatch/county-index/${COUNTY}/${year}/survey`, { token: tokens['dept-tongji'], body: { ...survey, recognition: 3, version: 0 } });
    expect(stale.status).toBe(409);
  });

  it('shows the satisfaction dimension to the county and the leading group, not to a town or another county', async () => {
    const index = (await read('leading-group')).body;
    expect(index.dimensions.find((d: { id: string }) => d.id === 'satisfaction').score).toBeCloseTo(((0.35 * 3.5 + 0.35 * 3.3 + 0.3 * 3.4) / 4) * 100, 0);
    expect(index.indicators.find((i: { id: string }) => i.id === 'exit.identification').score).toBe(98);
    expect((await read('town-jiantouji')).status).toBe(403);
    expect((await read('other-county')).status).toBe(403);
    expect((await read('dept-minzheng')).status).toBe(403);
  });
});
