import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { createDocumentClient } from '../../packages/platform/src/dynamo.js';
import { services } from '../../services/registry.js';
import { PAYMENT_LOOKUP_LIMITS } from '../../services/subsidy/src/handlers/public.js';

const VILLAGE = '370405103201';
const PERIOD = '2017-06';

/**
 * A household's own published payments, looked up by its head's name and full ID number
 * (issue 14): nothing before the roster is approved, the household's items after, nothing for a
 * wrong name, and no more than the hourly limits.
 */
describe('public payments lookup (over HTTP, demo data)', { timeout: 240_000 }, () => {
  let cloud: LocalCloud;
  let county: string;
  const heads: { name: string; idNumber: string; householdId: string }[] = [];

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), services, { demo: true });
    await cloud.drain();
    county = await cloud.login('county');
    const documents = createDocumentClient(cloud.endpoint);
    const page = await documents.send(
      new ScanCommand({ TableName: cloud.tableName('subsidy'), FilterExpression: 'entity = :e AND village = :v', ExpressionAttributeValues: { ':e': 'payees', ':v': VILLAGE } }),
    );
    for (const item of page.Items ?? []) {
      const head = (item.payees as { relation: string; name: string; idNumber: string }[]).find((p) => p.relation === 'head');
      if (head) heads.push({ name: head.name, idNumber: head.idNumber, householdId: item.householdId });
    }
    documents.destroy();
  }, 240_000);
  afterAll(() => cloud?.stop());

  const lookup = (headName: string, idNumber: string, headers: Record<string, string> = {}) =>
    call(cloud, 'POST', '/public/payments/lookup', { body: { headName, idNumber }, headers });

  it('finds nothing before the roster is approved, then the household items with amounts, and nothing for a wrong name', async () => {
    expect(heads.length).toBeGreaterThan(5);
    const before = await lookup(heads[0]!.name, heads[0]!.idNumber);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ items: [] });

    let run = (await call(cloud, 'POST', '/subsidy/runs', { token: county, body: { period: PERIOD, region: VILLAGE } })).body;
    for (let i = 0; i < 300 && run.status === 'RUNNING'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      run = (await call(cloud, 'GET', `/subsidy/runs/${PERIOD}/${VILLAGE}`, { token: county })).body;
    }
    expect(run.status).toBe('COMPLETED');
    // Computed but not approved: still nothing public.
    expect((await lookup(heads[0]!.name, heads[0]!.idNumber)).body.items).toEqual([]);
    expect((await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${VILLAGE}/approve`, { token: county, body: { expectedAttempt: run.attempt } })).status).toBe(200);

    // The heads whose household has a payable line on the roster.
    const lines = (await call(cloud, 'GET', `/subsidy/rosters/${PERIOD}/${VILLAGE}/lines?village=${VILLAGE}&limit=100`, { token: county })).body.items as {
      householdId: string;
      nameZh: string;
      status: string;
      amountFen: number;
    }[];
    const paid = heads.find((head) => lines.some((line) => line.householdId === head.householdId && line.status === 'payable' && line.amountFen > 0));
    expect(paid).toBeDefined();
    const own = lines.filter((line) => line.householdId === paid!.householdId && line.status === 'payable' && line.amountFen > 0);
    const found = await lookup(` ${paid!.name} `, paid!.idNumber.toLowerCase());
    expect(found.status).toBe(200);
    expect(found.headers.get('cache-control')).toBe('no-store');
    expect(found.body.items.map((item: { itemName: string }) => item.itemName).sort()).toEqual(own.map((line) => line.nameZh).sort());
    expect(found.body.items[0]).toEqual({ period: PERIOD, itemName: expect.any(String), amountFen: expect.any(Number), status: 'approved', statusName: '已审核，待发放' });
    const text = JSON.stringify(found.body);
    expect(text).not.toContain(paid!.idNumber);
    expect(text).not.toContain(paid!.householdId);

    // A wrong name for the right number, and the right name for another head's number: the same empty answer.
    expect((await lookup(`${paid!.name}甲`, paid!.idNumber)).body).toEqual({ items: [] });
    const other = heads.find((head) => head.householdId !== paid!.householdId)!;
    expect((await lookup(paid!.name, other.idNumber)).body).toEqual({ items: [] });
  });

  it('refuses a malformed ID number next to its field and limits tries per ID number', async () => {
    const bad = await lookup('张三', '370405195001011235');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ path: 'idNumber', message: expect.stringContaining('校验位') })]);
    // A fresh clock hour, so that the address's own count (PAYMENT_LOOKUP_LIMITS.perAddressPerHour) is not what refuses.
    process.env.JZ_CLOCK_OFFSET_MS = String(3600_000);
    const target = heads.at(-1)!;
    const statuses: number[] = [];
    for (let i = 0; i < PAYMENT_LOOKUP_LIMITS.perIdNumberPerHour + 1; i++) statuses.push((await lookup(`猜名${i}`, target.idNumber)).status);
    expect(statuses.slice(0, -1)).toEqual(Array(PAYMENT_LOOKUP_LIMITS.perIdNumberPerHour).fill(200));
    expect(statuses.at(-1)).toBe(429);
    delete process.env.JZ_CLOCK_OFFSET_MS;
  });
});
