import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { services } from '../../services/registry.js';

/**
 * The village collective economy ledger across funds and identification over HTTP (issue 20; seed
 * 004 L75 村级集体经济台账; 002 T-11 L101 量化资产收益): the village distributes the income of its
 * asset through funds, the collective's share arrives in the ledger as 资产收益 of the period's year,
 * the town adds a 发包 income, and the village exit's 初审 records the ledger's total of that year.
 */
const FENGZHUANG = '370405103201';

interface Year {
  year: number;
  totalFen: number;
  bySource: { source: string; amountFen: number }[];
}

describe('collective income from funds and the town, checked by village exit (over HTTP)', () => {
  let cloud: LocalCloud;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), services, { demo: true });
    for (const user of ['village-fengzhuang', 'town-jiantouji', 'county', 'other-county']) tokens[user] = await cloud.login(user);
  }, 240_000);
  afterAll(() => cloud?.stop());

  const yearOf = async (year: number): Promise<Year | undefined> => {
    const ledger = await call(cloud, 'GET', `/villages/${FENGZHUANG}/collective-income`, { token: tokens.county });
    expect(ledger.status, JSON.stringify(ledger.body)).toBe(200);
    return (ledger.body.years as Year[]).find((y) => y.year === year);
  };
  const assetIncome = (y: Year | undefined) => y?.bySource.find((s) => s.source === 'asset-income')?.amountFen ?? 0;

  it('lands the collective share of an asset income distribution in the ledger, once', async () => {
    await cloud.drain();
    const before = await yearOf(2019);
    const assets = await call(cloud, 'GET', `/funds/assets?region=${FENGZHUANG}`, { token: tokens['village-fengzhuang'] });
    expect(assets.status, JSON.stringify(assets.body)).toBe(200);
    const asset = (assets.body.items as { assetId: string; version: number; rule: { collectivePercent: number } }[]).find((a) => a.rule.collectivePercent > 0);
    expect(asset, 'a demo asset of 冯庄村 keeps a collective share').toBeDefined();
    const assetId = (asset as { assetId: string }).assetId;
    const income = await call(cloud, 'POST', `/funds/assets/${assetId}/incomes`, {
      token: tokens['village-fengzhuang'],
      body: {
        period: '2019-11',
        amountFen: 1_000_000,
        source: '电费结算',
        evidence: [{ kind: 'other', ref: '结算单.pdf' }],
        expectedVersion: (asset as { version: number }).version,
      },
    });
    expect(income.status, JSON.stringify(income.body)).toBe(200);
    const distributed = await call(cloud, 'POST', `/funds/assets/${assetId}/distributions`, {
      token: tokens['village-fengzhuang'],
      body: { period: '2019-11', amountFen: 1_000_000, expectedVersion: income.body.version },
    });
    expect(distributed.status, JSON.stringify(distributed.body)).toBe(200);
    const collectiveFen = distributed.body.collectiveFen as number;
    expect(collectiveFen).toBeGreaterThan(0);
    await cloud.drain();
    await cloud.drain();
    const after = await yearOf(2019);
    expect(assetIncome(after)).toBe(assetIncome(before) + collectiveFen);
    expect(after?.totalFen).toBe((before?.totalFen ?? 0) + collectiveFen);
  }, 120_000);

  it('takes the town’s 发包 income; a future year is refused and nothing is written', async () => {
    const before = await yearOf(2019);
    const refused = await call(cloud, 'POST', `/villages/${FENGZHUANG}/collective-income`, {
      token: tokens['town-jiantouji'],
      body: { year: 2100, source: 'contracting', amountFen: 100_000, note: '集体土地发包' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('COLLECTIVE_YEAR_INVALID');
    expect(refused.body.message).toMatch(/年度/);
    expect((await yearOf(2019))?.totalFen).toBe(before?.totalFen);
    const recorded = await call(cloud, 'POST', `/villages/${FENGZHUANG}/collective-income`, {
      token: tokens['town-jiantouji'],
      body: { year: 2019, source: 'contracting', amountFen: 100_000, note: '集体土地发包' },
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect((await yearOf(2019))?.totalFen).toBe((before?.totalFen ?? 0) + 100_000);
    expect((await call(cloud, 'GET', `/villages/${FENGZHUANG}/collective-income`, { token: tokens['other-county'] })).status).toBe(403);
  });

  it('the village exit’s 初审 records the ledger’s total of the year', async () => {
    const total = (await yearOf(2019))?.totalFen;
    const opened = await call(cloud, 'POST', `/villages/${FENGZHUANG}/exit`, {
      token: tokens['town-jiantouji'],
      body: {
        year: 2019,
        ruralPopulation: 50_000,
        checklist: { infrastructure: true, publicServices: true, industry: true },
        evidence: [{ kind: 'review-form', ref: '镇初审表' }],
      },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.checklist.collectiveIncomeFen).toBe(total);
  });
});
