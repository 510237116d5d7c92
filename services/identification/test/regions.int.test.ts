import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { taierzhuangDirectory } from '../src/demo/taierzhuang.js';
import { buildDirectory } from '../src/domain/regions.js';
import { manifest } from '../src/manifest.js';
import { putRegions } from '../src/store/regions.js';

describe('region directory over the local gateway (DynamoDB Local)', () => {
  let cloud: LocalCloud;
  let county: string;
  let village: string;

  beforeAll(async () => {
    // The directory only: the whole demo (households, case work, ledgers) is not what these tests read,
    // and loading it beside other suites on a shared DynamoDB Local outlasted the hook's two minutes.
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest]);
    await putRegions(buildDirectory(taierzhuangDirectory()));
    county = await cloud.login('county');
    village = await cloud.login('village-fengzhuang');
  });
  afterAll(() => cloud.stop());

  it('returns a region with its path to the province', async () => {
    const response = await call(cloud, 'GET', '/regions/370405103201', { token: county });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: '冯庄村', level: 'village', keyVillage: 'provincial', parent: '370405103000' });
    expect(response.body.path.map((p: { name: string }) => p.name)).toEqual(['山东省', '枣庄市', '台儿庄区', '涧头集镇']);
  });

  it('lists the six towns of the district and the 46 key villages below them (seed 000 OT-3)', async () => {
    const towns = await call(cloud, 'GET', '/regions/370405000000/children', { token: county });
    expect(towns.status).toBe(200);
    expect(towns.body.items).toHaveLength(6);
    let villages = 0;
    let municipal = 0;
    for (const town of towns.body.items) {
      const children = await call(cloud, 'GET', `/regions/${town.code}/children`, { token: county });
      villages += children.body.items.length;
      municipal += children.body.items.filter((v: { keyVillage: string }) => v.keyVillage === 'municipal').length;
    }
    expect(villages).toBe(46);
    expect(municipal).toBe(6);
  });

  it('keeps a village cadre inside the village', async () => {
    expect((await call(cloud, 'GET', '/regions/370405103201', { token: village })).status).toBe(200);
    const other = await call(cloud, 'GET', '/regions/370405103202', { token: village });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('OUT_OF_SCOPE');
    // Listing the town shows only the branch that leads to the cadre's own village.
    const siblings = await call(cloud, 'GET', '/regions/370405103000/children', { token: village });
    expect(siblings.body.items.map((v: { code: string }) => v.code)).toEqual(['370405103201']);
  });

  it('answers bad input with a 4xx envelope in Chinese and keeps serving', async () => {
    const malformed = await call(cloud, 'GET', '/regions/37040510320X', { token: county });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '请求参数不合法' });
    // Field messages are in Chinese too (the platform configures zod's zh-CN locale).
    expect(malformed.body.details[0].message).toMatch(/[\u4e00-\u9fff]/);
    const levels = await call(cloud, 'GET', '/regions/370005000000', { token: county });
    expect(levels.status).toBe(400);
    expect((await call(cloud, 'GET', '/regions/370405000000')).body.code).toBe('UNAUTHENTICATED');
    expect((await call(cloud, 'GET', '/regions/370405000000', { token: `${county}x` })).status).toBe(401);
    const expired = await cloud.identity.signRaw({ sub: 'x', 'custom:role': 'county', 'custom:region': '370405000000' }, { expiresInSeconds: -60 });
    expect((await call(cloud, 'GET', '/regions/370405000000', { token: expired })).body.message).toBe('登录已过期，请重新登录');
    const wrongAudience = await cloud.identity.signRaw({ sub: 'x', 'custom:role': 'county', 'custom:region': '370405000000' }, { audience: 'someone-else' });
    expect((await call(cloud, 'GET', '/regions/370405000000', { token: wrongAudience })).status).toBe(401);
    const noRole = await cloud.identity.signRaw({ sub: 'x' });
    expect((await call(cloud, 'GET', '/regions/370405000000', { token: noRole })).status).toBe(401);
    expect((await call(cloud, 'GET', '/nowhere')).body.code).toBe('ROUTE_NOT_FOUND');
    expect((await call(cloud, 'GET', '/regions/370403000000', { token: county })).body.code).toBe('OUT_OF_SCOPE');
    expect((await call(cloud, 'GET', '/regions/370405105000', { token: county })).status).toBe(404);
    expect((await call(cloud, 'GET', '/regions/370405103201', { token: county })).status).toBe(200);
  });
});
