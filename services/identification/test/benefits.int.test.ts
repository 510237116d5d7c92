import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { fixedClock, toDelivery, UnitOfWork } from '@jingzhun/platform';
import { type EventEnvelope, fundsEvents, identificationApi } from '@jingzhun/types';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { createDocumentClient } from '../../../packages/platform/src/dynamo.js';
import { refresh } from '../src/domain/household.js';
import { openHousehold } from '../src/domain/register.js';
import { onHouseholdIncomeDistributed } from '../src/handlers/benefits.js';
import { manifest } from '../src/manifest.js';
import { toItem } from '../src/store/households.js';
import { applicationBody } from './support.js';

/**
 * The households' lines of funds' asset-income distributions (issue 16; decision Identification 42),
 * against DynamoDB Local without the demo: one benefit fact per distribution and household however
 * often and however concurrently the event comes, the income of the year raised once in the line's
 * category, held while a workflow runs, refused (audited, nothing else) for a household outside the
 * asset's region or not in the register; the household read lists the distributions newest first.
 */
const VILLAGE = '370405103201'; // 涧头集镇丰庄村 (the demo log-ins' village)
const OTHER_VILLAGE = '370405101201';

describe('asset income distributed to households (DynamoDB Local)', () => {
  let cloud: LocalCloud;
  let county = '';
  let registeredId = '';
  let applyingId = '';
  let outsideId = '';

  /** A registered household with no workflow running, written as the register would hold it. */
  async function putRegistered(householdId: string, region: string, seq: number): Promise<void> {
    const body = identificationApi.CreateHouseholdBody.parse(applicationBody({ region, seq, incomeYuan: 6000 }));
    let n = 0;
    const { workflow: _w, ...opened } = openHousehold(body, { householdId, nextId: () => `${householdId}M${++n}`, today: '2018-03-01', role: 'village', lines: [] });
    const record = refresh({ ...opened, status: 'REGISTERED', registeredAt: '2018-04-01' }, []);
    const client = createDocumentClient(cloud.endpoint);
    await client.send(
      new PutCommand({
        TableName: cloud.tableName('identification'),
        Item: { ...toItem(record, 1), createdAt: '2018-04-01T00:00:00.000Z', updatedAt: '2018-04-01T00:00:00.000Z' },
      }),
    );
    client.destroy();
  }

  const household = async (id: string) => {
    const read = await call(cloud, 'GET', `/households/${id}`, { token: county });
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    return read.body;
  };

  async function auditsOf(subject: string): Promise<{ action: string; after?: { code?: string; householdId?: string } }[]> {
    const client = createDocumentClient(cloud.endpoint);
    const result = await client.send(
      new QueryCommand({ TableName: cloud.tableName('identification'), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#${subject}` } }),
    );
    client.destroy();
    return (result.Items ?? []) as { action: string; after?: { code?: string } }[];
  }

  let seq = 0;
  function distribution(
    distributionId: string,
    lines: { householdId: string; amountFen: number; link: string; incomeKind: 'wage' | 'property' }[],
    extra: { period?: string; distributedOn?: string; eventId?: string } = {},
  ): EventEnvelope {
    seq += 1;
    return {
      id: extra.eventId ?? `EVT${distributionId}${seq}`,
      type: fundsEvents.incomeDistributed.type,
      source: 'funds',
      occurredAt: new Date().toISOString(),
      subject: 'asset/A1',
      schemaVersion: 1,
      data: fundsEvents.incomeDistributed.data.parse({
        distributionId,
        assetId: 'A1',
        assetName: '丰庄村光伏电站',
        region: VILLAGE,
        period: extra.period ?? '2017-06',
        distributedOn: extra.distributedOn ?? '2017-07-02',
        collectiveFen: 0,
        collectiveFund: 'village-poverty-fund',
        lines,
      }) as Record<string, unknown>,
    };
  }
  const deliver = (envelope: EventEnvelope) => onHouseholdIncomeDistributed(toDelivery(envelope), {} as Context);

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest]);
    county = await cloud.login('county');
    registeredId = '01JBENEFITREGISTERED000001';
    outsideId = '01JBENEFITOUTSIDEVILLAGE01';
    await putRegistered(registeredId, VILLAGE, 81);
    await putRegistered(outsideId, OTHER_VILLAGE, 82);
    const created = await call(cloud, 'POST', '/households', { token: await cloud.login('village-fengzhuang'), body: applicationBody({ seq: 83 }) });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    applyingId = created.body.householdId;
  }, 60_000);
  afterAll(() => cloud.stop());

  it('records each line once under concurrent and repeated deliveries, raising the year’s income once', async () => {
    const before = await household(registeredId);
    expect(before).toMatchObject({ incomePerCapitaFen: 200_000, colour: 'RED', distributions: [] });
    const event = distribution('DIST-1', [
      { householdId: registeredId, amountFen: 600_000, link: 'dividend', incomeKind: 'property' },
      { householdId: applyingId, amountFen: 50_000, link: 'employment', incomeKind: 'wage' },
      { householdId: outsideId, amountFen: 1_000, link: 'dividend', incomeKind: 'property' },
      { householdId: '01JNOTINTHEREGISTER0000001', amountFen: 1_000, link: 'rent', incomeKind: 'property' },
    ]);
    // The same event twice at once, and the same distribution again as another event at once.
    const outcomes = await Promise.all([deliver(event), deliver(event), deliver({ ...event, id: `${event.id}-again` })]);
    expect(outcomes.filter((o) => o.status === 'duplicate')).toHaveLength(1);
    // And once more later: already consumed.
    expect(await deliver(event)).toEqual({ status: 'duplicate' });

    const after = await household(registeredId);
    expect(after.income).toEqual({ ...before.income, propertyFen: before.income.propertyFen + 600_000 });
    expect(after.version).toBe(before.version + 1);
    // (6000 + 6000) 元 / 3 = 4000 元 a head, above the 2017 line (3509 元): the colour follows.
    expect(after.incomePerCapitaFen).toBe(400_000);
    expect(after.colour).toBe('ORANGE');
    expect(after.distributions).toEqual([
      {
        distributionId: 'DIST-1',
        assetId: 'A1',
        assetName: '丰庄村光伏电站',
        period: '2017-06',
        distributedOn: '2017-07-02',
        amountFen: 600_000,
        link: 'dividend',
        linkZh: '分红',
        incomeKind: 'property',
        incomeKindZh: '财产性收入',
        counted: true,
        countedYear: 2017,
      },
    ]);
    const history = (await call(cloud, 'GET', `/households/${registeredId}/history`, { token: county })).body.items.map((i: { action: string }) => i.action);
    expect(history.filter((a: string) => a === 'ASSET_INCOME_COUNTED')).toHaveLength(1);
    expect(history.filter((a: string) => a === 'ASSET_INCOME_RECORDED')).toHaveLength(1);
  });

  it('keeps the line of a household in a running workflow without changing its income', async () => {
    const applying = await household(applyingId);
    expect(applying.workflow.kind).toBe('entry');
    expect(applying.version).toBe(1);
    expect(applying.income.wageFen).toBe(600_000);
    expect(applying.distributions).toEqual([
      expect.objectContaining({
        distributionId: 'DIST-1',
        amountFen: 50_000,
        linkZh: '务工就业',
        incomeKindZh: '工资性收入',
        counted: false,
        notCountedZh: expect.stringContaining('正在办理识别流程'),
      }),
    ]);
  });

  it('refuses a household outside the asset’s region or not in the register: audited once, nothing else written', async () => {
    const outside = await household(outsideId);
    expect(outside.version).toBe(1);
    expect(outside.income.propertyFen).toBe(0);
    expect(outside.distributions).toEqual([]);
    expect((await auditsOf(`HOUSEHOLD#${outsideId}`)).length).toBe(0);
    const refusals = await auditsOf('FUNDS_DISTRIBUTION#DIST-1');
    expect(refusals.every((r) => r.action === 'REFUSED:ASSET_INCOME_LINE')).toBe(true);
    // The twice-delivered event audits its refusals once; the distribution sent again as another event, once more.
    const codes = refusals.map((r) => `${r.after?.code}:${r.after?.householdId}`).sort();
    expect(codes).toEqual(
      [
        `HOUSEHOLD_OUT_OF_REGION:${outsideId}`,
        `HOUSEHOLD_OUT_OF_REGION:${outsideId}`,
        'HOUSEHOLD_UNKNOWN:01JNOTINTHEREGISTER0000001',
        'HOUSEHOLD_UNKNOWN:01JNOTINTHEREGISTER0000001',
      ].sort(),
    );
  });

  it('is wired to the bus: an event funds writes to its outbox reaches the household', async () => {
    const before = await household(registeredId);
    const event = distribution('DIST-BUS', [{ householdId: registeredId, amountFen: 12_000, link: 'shares', incomeKind: 'property' }], {
      period: '2017-08',
      distributedOn: '2017-09-01',
    });
    const uow = new UnitOfWork({
      table: cloud.tableName('identification'),
      service: 'funds',
      clock: fixedClock(new Date().toISOString()),
      ids: { next: () => `F${Date.now()}${Math.random().toString(36).slice(2, 10)}` },
      actor: { sub: 'funds', role: 'system' },
    });
    uow.emit(fundsEvents.incomeDistributed, 'asset/A1', event.data as never);
    await uow.commit();
    await cloud.drain();
    await cloud.drain();
    const after = await household(registeredId);
    expect(after.income.propertyFen).toBe(before.income.propertyFen + 12_000);
    expect(after.distributions).toContainEqual(expect.objectContaining({ distributionId: 'DIST-BUS', linkZh: '折股量化', counted: true }));
  });

  it('adds a wage line to 工资性收入, lists distributions newest first, and leaves another year’s line uncounted', async () => {
    const before = await household(registeredId);
    await deliver(
      distribution('DIST-2', [{ householdId: registeredId, amountFen: 30_000, link: 'employment', incomeKind: 'wage' }], { period: '2017-11', distributedOn: '2017-12-05' }),
    );
    await deliver(
      distribution('DIST-3', [{ householdId: registeredId, amountFen: 20_000, link: 'dividend', incomeKind: 'property' }], { period: '2018-01', distributedOn: '2018-02-01' }),
    );
    const after = await household(registeredId);
    expect(after.income).toEqual({ ...before.income, wageFen: before.income.wageFen + 30_000 });
    expect(after.distributions.map((d: { distributionId: string }) => d.distributionId)).toEqual(['DIST-3', 'DIST-2', 'DIST-BUS', 'DIST-1']);
    expect(after.distributions[0]).toMatchObject({ counted: false, notCountedZh: expect.stringContaining('该户登记的是2017年收入，本次分配属2018年') });
    expect(after.distributions[1]).toMatchObject({ counted: true, countedYear: 2017, incomeKindZh: '工资性收入' });
  });
});
