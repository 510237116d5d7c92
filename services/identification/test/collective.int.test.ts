import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { fixedClock, UnitOfWork } from '@jingzhun/platform';
import { fundsEvents } from '@jingzhun/types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { createDocumentClient } from '../../../packages/platform/src/dynamo.js';
import { manifest } from '../src/manifest.js';

/**
 * The village collective economy ledger over HTTP (issue 20; seed 004 L75 村级集体经济台账, 002 T-11
 * L101): the town enters income by year and source, the funds distribution's collective share lands
 * once per distribution, bad input is refused with nothing written but its audit, and village exit
 * checks the ledger's total instead of a typed figure.
 */
const VILLAGE = '370405101201'; // 张山子镇侯塘村

async function emitDistribution(table: string, distributionId: string, collectiveFen: number, region = VILLAGE): Promise<void> {
  const uow = new UnitOfWork({
    table,
    service: 'funds',
    clock: fixedClock(new Date().toISOString()),
    ids: { next: () => `E${Date.now()}${Math.random().toString(36).slice(2, 10)}` },
    actor: { sub: 'funds', role: 'system' },
  });
  uow.emit(fundsEvents.incomeDistributed, `asset/A1`, {
    distributionId,
    assetId: 'A1',
    assetName: '侯塘村光伏电站',
    region,
    period: '2019-06',
    distributedOn: '2019-07-02',
    collectiveFen,
    collectiveFund: 'public-welfare-post',
    lines: [],
  });
  await uow.commit();
}

describe('village collective economy ledger (DynamoDB Local)', () => {
  let cloud: LocalCloud;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest], { demo: true });
    for (const user of ['village-houtang', 'town-zhangshanzi', 'town-jiantouji', 'county', 'dept-minzheng', 'other-county']) tokens[user] = await cloud.login(user);
  });
  afterAll(() => cloud.stop());

  const ledger = async (user = 'county') => call(cloud, 'GET', `/villages/${VILLAGE}/collective-income`, { token: tokens[user] });
  async function audits(): Promise<string[]> {
    const client = createDocumentClient(cloud.endpoint);
    const result = await client.send(
      new QueryCommand({ TableName: cloud.tableName('identification'), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#COLLECTIVE#${VILLAGE}` } }),
    );
    client.destroy();
    return (result.Items ?? []).map((item) => item.action as string);
  }

  it('takes the town’s entries by year and source and sums them per year', async () => {
    const before = (await ledger()).body;
    const total2019 = before.years.find((y: { year: number }) => y.year === 2019)?.totalFen ?? 0;
    const recorded = await call(cloud, 'POST', `/villages/${VILLAGE}/collective-income`, {
      token: tokens['town-zhangshanzi'],
      body: { year: 2019, source: 'contracting', amountFen: 1_200_000, note: '集体机动地发包' },
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const y2019 = recorded.body.years.find((y: { year: number }) => y.year === 2019);
    expect(y2019.totalFen).toBe(total2019 + 1_200_000);
    expect(y2019.bySource).toContainEqual(expect.objectContaining({ source: 'contracting', sourceZh: '发包收入' }));
    expect(recorded.body.villageName).toBe('侯塘村');
    expect(recorded.body.entries).toContainEqual(expect.objectContaining({ note: '集体机动地发包', by: '张山子镇（演示）', fromFunds: false }));
    expect((await audits()).filter((a) => a === 'COLLECTIVE_INCOME_RECORDED').length).toBeGreaterThanOrEqual(1);
  });

  it('refuses bad input with a stable code and writes nothing but the refusal’s audit', async () => {
    const before = (await ledger()).body.entries.length;
    const future = await call(cloud, 'POST', `/villages/${VILLAGE}/collective-income`, {
      token: tokens['town-zhangshanzi'],
      body: { year: 2099, source: 'operation', amountFen: 100, note: '未来' },
    });
    expect(future.status).toBe(400);
    expect(future.body.code).toBe('COLLECTIVE_YEAR_INVALID');
    const zero = await call(cloud, 'POST', `/villages/${VILLAGE}/collective-income`, {
      token: tokens['town-zhangshanzi'],
      body: { year: 2019, source: 'operation', amountFen: 0, note: '零' },
    });
    expect(zero.body.code).toBe('COLLECTIVE_AMOUNT_INVALID');
    // 资产收益 is what funds distributes: never typed.
    const typedAsset = await call(cloud, 'POST', `/villages/${VILLAGE}/collective-income`, {
      token: tokens['town-zhangshanzi'],
      body: { year: 2019, source: 'asset-income', amountFen: 100, note: '手填' },
    });
    expect(typedAsset.status).toBe(400);
    expect((await ledger()).body.entries.length).toBe(before);
    expect(await audits()).toContain('REFUSED:COLLECTIVE_INCOME_RECORD');
  });

  it('reads and writes only in scope and by role', async () => {
    expect((await ledger('village-houtang')).status).toBe(200);
    expect((await ledger('town-jiantouji')).status).toBe(403);
    expect((await ledger('other-county')).status).toBe(403);
    expect((await ledger('dept-minzheng')).status).toBe(403);
    const body = { year: 2019, source: 'operation', amountFen: 100, note: '经营' };
    expect((await call(cloud, 'POST', `/villages/${VILLAGE}/collective-income`, { token: tokens['village-houtang'], body })).status).toBe(403);
    expect((await call(cloud, 'POST', `/villages/${VILLAGE}/collective-income`, { token: tokens['town-jiantouji'], body })).status).toBe(403);
  });

  it('records the collective share of a funds distribution once, however often the event comes', async () => {
    const before = (await ledger()).body.years.find((y: { year: number }) => y.year === 2019)?.totalFen ?? 0;
    await emitDistribution(cloud.tableName('identification'), 'DIST-TEST-1', 300_000);
    await emitDistribution(cloud.tableName('identification'), 'DIST-TEST-1', 300_000);
    await emitDistribution(cloud.tableName('identification'), 'DIST-TEST-2', 0);
    await emitDistribution(cloud.tableName('identification'), 'DIST-TEST-3', 500_000, '370405101000');
    await cloud.drain();
    await cloud.drain();
    const after = (await ledger()).body;
    const y2019 = after.years.find((y: { year: number }) => y.year === 2019);
    expect(y2019.totalFen).toBe(before + 300_000);
    expect(after.entries.filter((e: { fromFunds: boolean; note: string }) => e.fromFunds && e.note.startsWith('侯塘村光伏电站'))).toHaveLength(1);
    expect(y2019.bySource).toContainEqual(expect.objectContaining({ source: 'asset-income', sourceZh: '资产收益' }));
  });

  it('village exit checks the ledger’s total of the year, not a typed figure (seed 004 L75)', async () => {
    const total = (await ledger()).body.years.find((y: { year: number }) => y.year === 2019).totalFen as number;
    expect(total).toBeGreaterThan(0);
    const opened = await call(cloud, 'POST', `/villages/${VILLAGE}/exit`, {
      token: tokens['town-zhangshanzi'],
      body: {
        year: 2019,
        ruralPopulation: 50_000,
        checklist: { infrastructure: true, publicServices: true, industry: true, collectiveIncomeFen: 99_999_999 },
        evidence: [{ kind: 'review-form', ref: '镇初审表' }],
      },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.checklist.collectiveIncomeFen).toBe(total);
  });
});
