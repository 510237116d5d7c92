import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { parseCsv, toCsv } from '../../packages/platform/src/tabular.js';
import { services } from '../../services/registry.js';

/**
 * The monthly payment over HTTP across services: subsidy runs the district's month on the
 * households identification registered (delivered by events), the county approves and exports the
 * 一卡通 roster, records the bank's results, publishes the paid amounts as a fund disclosure through the notices service (public, permanent,
 * no personal data), and marks it paid; dispatch counts computed, approved and paid amounts.
 */
const DISTRICT = '370405000000';
// The district's 2017 measures (seed 000) are in effect in 2017; a month of that year pays most items.
const PERIOD = '2017-06';

describe('monthly subsidy run → roster → fund disclosure → dispatch (over HTTP)', () => {
  let cloud: LocalCloud;
  let county: string;

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), services, { demo: true });
    county = await cloud.login('county');
  }, 180_000);
  afterAll(() => cloud?.stop());

  it('runs the month with progress, approves, exports, publishes and pays', async () => {
    const started = await call(cloud, 'POST', '/subsidy/runs', { token: county, body: { period: PERIOD, region: DISTRICT } });
    expect(started.status, JSON.stringify(started.body)).toBeLessThan(300);
    let run = started.body;
    for (let i = 0; i < 100 && run.status === 'RUNNING'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      run = (await call(cloud, 'GET', `/subsidy/runs/${PERIOD}/${DISTRICT}`, { token: county })).body;
    }
    expect(run.status).toBe('COMPLETED');
    // Every household identification registered and published reached the run through events.
    const registered = (await call(cloud, 'GET', `/households?region=${DISTRICT}&limit=100`, { token: county })).body;
    expect(registered.items.length).toBeGreaterThan(0);
    expect(run.progress.done).toBe(run.progress.total);
    expect(run.progress.total).toBeGreaterThan(300);
    expect(run.totals.totalFen).toBeGreaterThan(0);
    // seed 000 SUB-54 L2887–2889: ≥100 元/人•月 for everyone 60 and over, so a multiple of 100 yuan.
    expect(run.totals.byItem['tez-basic-pension']?.totalFen).toBeGreaterThan(0);
    expect((run.totals.byItem['tez-basic-pension']?.totalFen ?? 1) % 10_000).toBe(0);

    const early = await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/publish`, { token: county });
    expect(early.status).toBe(409);
    const approved = await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/approve`, { token: county, body: { expectedAttempt: run.attempt } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const xlsx = await fetch(`${cloud.url}/subsidy/rosters/${PERIOD}/${DISTRICT}/export?format=xlsx`, { headers: { authorization: `Bearer ${county}` } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // The bank pays every row of its file (rows without a 一卡通 account are not in it); the results come back by import.
    const csv = await fetch(`${cloud.url}/subsidy/rosters/${PERIOD}/${DISTRICT}/export?format=csv`, { headers: { authorization: `Bearer ${county}` } });
    const bankRows = parseCsv(await csv.text()).slice(1);
    const results = toCsv([['业务编号', '发放结果', '失败原因'], ...bankRows.map((row) => [row[0] ?? '', '成功', ''])]);
    const imported = await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/payment-results`, {
      token: county,
      body: { format: 'csv', contentBase64: Buffer.from(results).toString('base64') },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    const paidFen = bankRows.reduce((sum, row) => sum + Math.round(Number(row[12]) * 100), 0);

    const published = await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/publish`, { token: county });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    await cloud.drain();
    const disclosures = await call(cloud, 'GET', `/public/disclosures?region=${DISTRICT}&type=fund-disclosure`);
    expect(disclosures.status).toBe(200);
    const disclosure = disclosures.body.items.find((notice: { title: string }) => notice.title.startsWith(`${PERIOD} `));
    expect(disclosure, JSON.stringify(disclosures.body.items.map((n: { title: string }) => n.title))).toBeDefined();
    const lines = await call(cloud, 'GET', `/public/notices/${disclosure.noticeId}/entries?limit=100`);
    expect(lines.status).toBe(200);
    // Per town and item: amounts in yuan, households counted, no names (fund disclosures name no one).
    const yuanToFen = (text: string) => Math.round(Number(text.replace(/,/g, '')) * 100);
    const publicTotal = lines.body.items.reduce((sum: number, line: { fields: Record<string, string> }) => sum + yuanToFen(String(line.fields.allocationYuan)), 0);
    // The disclosure counts what was paid, not what was approved.
    expect(publicTotal, JSON.stringify(lines.body.items[0])).toBe(paidFen);

    const paid = await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/paid`, { token: county });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    await cloud.drain();
    const counts = (await call(cloud, 'GET', `/dispatch/counts?region=${DISTRICT}&period=${PERIOD}`, { token: county })).body;
    const metric = (name: string) => counts.metrics.find((m: { metric: string }) => m.metric === name)?.value;
    expect([metric('subsidy.computed.fen'), metric('subsidy.approved.fen'), metric('subsidy.paid.fen')]).toEqual([run.totals.totalFen, run.totals.totalFen, paidFen]);
  });
});
