/**
 * A new standard over the local gateway (DynamoDB Local): the county office enters it, a second
 * person reviews it (the one who entered may not; a rejection needs a reason), it is in force from
 * its date, and a re-run of the current month records which versions it used and the difference.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { demoHousehold } from '../src/demo/households.js';
import { manifest } from '../src/manifest.js';
import { putHouseholds } from '../src/store/projection.js';

const DISTRICT = '370405000000';
const PENSION = 'tez-basic-pension';
const PERIOD = '2026-12';

/** Starts (or re-runs) the period and resumes it until it completes (a loaded machine may stop inline before). */
async function runToCompletion(cloud: LocalCloud, token: string) {
  let run = await call(cloud, 'POST', '/subsidy/runs', { token, body: { period: PERIOD, region: DISTRICT } });
  while (run.status === 200 && run.body.status === 'RUNNING') run = await call(cloud, 'POST', '/subsidy/runs', { token, body: { period: PERIOD, region: DISTRICT } });
  return run;
}

describe('standards: enter → review → in force → run difference', () => {
  let cloud: LocalCloud;
  let county: string;
  let leadingGroup: string;
  let town: string;

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest], { demo: true });
    county = await cloud.login('county');
    leadingGroup = await cloud.login('leading-group');
    town = await cloud.login('town-jiantouji');
    await putHouseholds(
      Array.from({ length: 150 }, (_, i) => demoHousehold(i)),
      '2017-01-01T00:00:00.000Z',
    );
  }, 60_000);
  afterAll(() => cloud.stop());

  it('lists the standards with Chinese names, the version in force for the period and what a form sets', async () => {
    const list = await call(cloud, 'GET', `/subsidy/standards/taierzhuang?period=${PERIOD}`, { token: town });
    expect(list.status).toBe(200);
    const pension = list.body.standards.find((s: { itemId: string }) => s.itemId === PENSION);
    expect(pension).toMatchObject({
      nameZh: expect.stringMatching(/[\u4e00-\u9fa5]/),
      shape: { kind: 'amount', amountFen: 10_000 },
      inForce: { version: 0, amountFen: 10_000, status: 'APPROVED' },
      carriedForward: '沿用2017年标准',
      pending: [],
      editable: true,
    });
    const oldAge = list.body.standards.find((s: { itemId: string }) => s.itemId === 'tez-old-age-allowance');
    expect(oldAge.shape.bands.map((b: { labelZh: string }) => b.labelZh)).toEqual(['80—89周岁', '90—99周岁']);
  });

  it('the current month pays the monthly items on the carried-forward standards, then a new standard is entered, reviewed and the re-run records it', async () => {
    const first = await runToCompletion(cloud, county);
    expect(first.body.status).toBe('COMPLETED');
    expect(first.body.standardVersions[PENSION]).toBe(0);
    const pensionBefore = first.body.totals.byItem[PENSION];
    expect(pensionBefore.totalFen).toBeGreaterThan(0);
    for (const id of ['tez-old-age-allowance', 'tez-basic-pension', 'tez-disability-living-allowance', 'tez-free-electricity'])
      expect(first.body.totals.byItem[id]?.totalFen ?? 0).toBeGreaterThan(0);

    // Bad input: nothing written.
    const wrongShape = await call(cloud, 'POST', `/subsidy/standards/taierzhuang/${PENSION}/versions`, {
      token: county,
      body: { effectiveFrom: '2026-01-01', bandAmountsFen: { x: 1 }, documentNumber: '台政发〔2025〕9号', documentTitle: '关于调整基础养老金标准的通知' },
    });
    expect([wrongShape.status, wrongShape.body.code]).toEqual([400, 'STANDARD_TERMS']);
    expect(
      (
        await call(cloud, 'POST', `/subsidy/standards/taierzhuang/${PENSION}/versions`, {
          token: town,
          body: { effectiveFrom: '2026-01-01', amountFen: 1, documentNumber: 'x', documentTitle: 'y' },
        })
      ).status,
    ).toBe(403);

    const entered = await call(cloud, 'POST', `/subsidy/standards/taierzhuang/${PENSION}/versions`, {
      token: county,
      body: { effectiveFrom: '2026-01-01', amountFen: 15_000, documentNumber: '台政发〔2025〕9号', documentTitle: '关于调整城乡居民基础养老金标准的通知', reason: '上级文件调整' },
    });
    expect(entered.status).toBe(200);
    expect(entered.body.pending).toHaveLength(1);
    expect(entered.body.inForce.version).toBe(0);
    const version = entered.body.pending[0].version;
    expect(version).toBe(1);

    // Not yet in force: a run now still uses version 0.
    const quoteBefore = await call(cloud, 'POST', '/subsidy/quote', { token: county, body: { householdId: demoHousehold(3).householdId, period: PERIOD, items: [PENSION] } });
    expect(quoteBefore.body.standardVersions[PENSION]).toBe(0);

    const self = await call(cloud, 'POST', `/subsidy/standards/taierzhuang/${PENSION}/versions/${version}/approve`, { token: county });
    expect([self.status, self.body.code]).toEqual([403, 'MAKER_CANNOT_REVIEW']);
    const approved = await call(cloud, 'POST', `/subsidy/standards/taierzhuang/${PENSION}/versions/${version}/approve`, { token: leadingGroup });
    expect(approved.status).toBe(200);
    expect(approved.body.inForce).toMatchObject({ version: 1, amountFen: 15_000, status: 'APPROVED', document: { number: '台政发〔2025〕9号' } });
    expect(approved.body.carriedForward).toBeUndefined();
    const again = await call(cloud, 'POST', `/subsidy/standards/taierzhuang/${PENSION}/versions/${version}/reject`, { token: leadingGroup, body: { reason: '重复' } });
    expect([again.status, again.body.code]).toEqual([409, 'STANDARD_ALREADY_REVIEWED']);

    const quote = await call(cloud, 'POST', '/subsidy/quote', { token: county, body: { householdId: demoHousehold(3).householdId, period: PERIOD, items: [PENSION] } });
    const line = quote.body.lines.find((l: { status: string }) => l.status === 'payable');
    expect(line.amountFen).toBe(15_000);
    expect(line.explanation).toContain('台政发〔2025〕9号');

    const rerun = await runToCompletion(cloud, county);
    expect(rerun.body).toMatchObject({ status: 'COMPLETED', attempt: 2 });
    expect(rerun.body.standardVersions[PENSION]).toBe(1);
    expect(rerun.body.totals.byItem[PENSION]).toEqual({ households: pensionBefore.households, totalFen: (pensionBefore.totalFen / 10_000) * 15_000 });
    expect(rerun.body.diff.changed).toBeGreaterThan(0);
    const diff = await call(cloud, 'GET', `/subsidy/runs/${PERIOD}/${DISTRICT}/diff?limit=100`, { token: county });
    const changed = diff.body.items.filter((d: { itemId: string }) => d.itemId === PENSION);
    expect(changed.length).toBeGreaterThan(0);
    for (const d of changed) expect([d.kind, d.afterFen / d.beforeFen]).toEqual(['changed', 1.5]);
    await cloud.drain();
  }, 240_000);

  it('a reviewer rejects with a reason; the rejected version never applies', async () => {
    const entered = await call(cloud, 'POST', '/subsidy/standards/taierzhuang/tez-old-age-allowance/versions', {
      token: county,
      body: { effectiveFrom: '2026-06-01', bandAmountsFen: { '80-90': 5_000, '90-100': 9_000 }, documentNumber: '台民发〔2026〕3号', documentTitle: '高龄补贴标准' },
    });
    const version = entered.body.pending[0].version;
    const noReason = await call(cloud, 'POST', `/subsidy/standards/taierzhuang/tez-old-age-allowance/versions/${version}/reject`, { token: leadingGroup, body: { reason: '' } });
    expect(noReason.status).toBe(400);
    const rejected = await call(cloud, 'POST', `/subsidy/standards/taierzhuang/tez-old-age-allowance/versions/${version}/reject`, {
      token: leadingGroup,
      body: { reason: '文号有误' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.inForce.version).toBe(0);
    expect(rejected.body.pending).toEqual([]);
    expect(rejected.body.versions.at(-1)).toMatchObject({ status: 'REJECTED', rejectionReason: '文号有误', reviewedBy: expect.any(String) });
  });
});
