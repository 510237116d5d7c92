/**
 * The subsidy API over the local gateway: projection from identification's events (idempotent),
 * quote with explanations, parameters (versioned, refusing bad values), run → approve → export →
 * publish, and the 4xx answers for bad input. Nothing is written on a refused request.
 */

import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, platformKeys, toDelivery } from '@jingzhun/platform';
import { parseCsv, readXlsx, toCsv } from '@jingzhun/platform/tabular';
import { type EventEnvelope, identificationEvents } from '@jingzhun/types';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, leadingBoms, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { demoHousehold } from '../src/demo/households.js';
import { BANK_HEADER } from '../src/domain/payment.js';
import { onHouseholdEvent } from '../src/handlers/events.js';
import { manifest } from '../src/manifest.js';
import { batchWrite } from '../src/store/batch.js';
import { payeeKeys } from '../src/store/keys.js';
import { getHousehold, putHouseholds } from '../src/store/projection.js';
import { table } from '../src/store/table.js';

const PERIOD = '2017-06';
const DISTRICT = '370405000000';

/** The audit entries of a subject with one action, oldest first. */
async function auditOf(subject: string, action: string): Promise<Record<string, unknown>[]> {
  const result = await documentClient().send(
    new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': platformKeys.audit(subject, '', '').pk } }),
  );
  return (result.Items ?? []).filter((item) => item.action === action);
}

function envelope(id: string, type: string, data: Record<string, unknown>, occurredAt: string): EventEnvelope {
  return {
    id,
    type,
    source: 'identification',
    occurredAt,
    subject: String(data.householdId),
    schemaVersion: 1,
    data,
  };
}

describe('subsidy API (local gateway, DynamoDB Local)', () => {
  let cloud: LocalCloud;
  let county: string;
  let town: string;
  let village: string;

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest], {
      demo: true,
    });
    county = await cloud.login('county');
    town = await cloud.login('town-jiantouji');
    village = await cloud.login('village-fengzhuang');
    const households = Array.from({ length: 120 }, (_, i) => demoHousehold(i + 1000));
    await putHouseholds(households, '2017-01-01T00:00:00.000Z');
    // Payees as identification sends them: every head but each tenth household's holds a 一卡通 passbook account.
    await batchWrite(
      table(),
      households.map((h, i) => ({
        PutRequest: {
          Item: {
            ...payeeKeys.household(h.householdId),
            entity: 'payees',
            householdId: h.householdId,
            validFrom: '2017-01-01T00:00:00.000Z',
            payees: h.members.map((m, k) => ({
              memberId: m.memberId,
              name: m.name,
              relation: m.relation,
              status: m.status,
              idNumber: `37040519600101${String(1000 + i).slice(-3)}${k}`,
              ...(m.relation === 'head' && i % 10 !== 0 ? { account: { bank: '中国农业银行', kind: 'passbook', number: `6228480${String(100000 + i)}00` } } : {}),
            })),
          },
        },
      })),
      4,
    );
  }, 60_000);
  afterAll(() => cloud.stop());

  it('projects identification events once, even when delivered twice', async () => {
    const snapshot = {
      ...demoHousehold(1),
      householdId: 'evt-h1',
      region: '370405103201',
    };
    const registered = envelope('E-REG-1', identificationEvents.householdRegistered.type, { householdId: 'evt-h1', region: snapshot.region, snapshot }, '2017-02-01T00:00:00.000Z');
    const first = await onHouseholdEvent(toDelivery(registered), {} as Context);
    const second = await onHouseholdEvent(toDelivery(registered), {} as Context);
    expect(first).toEqual({ status: 'handled' });
    expect(second).toEqual({ status: 'duplicate' });
    const exited = envelope(
      'E-EXIT-1',
      identificationEvents.householdExited.type,
      {
        householdId: 'evt-h1',
        region: snapshot.region,
        snapshot: { ...snapshot, status: 'EXITED_NO_POLICY' },
        exitedAt: '2017-03-01',
        policyUntil: '2017-03-01',
      },
      '2017-03-01T00:00:00.000Z',
    );
    await onHouseholdEvent(toDelivery(exited), {} as Context);
    // A late, older event does not overwrite the newer snapshot.
    const late = envelope(
      'E-CHG-0',
      identificationEvents.householdChanged.type,
      {
        householdId: 'evt-h1',
        region: snapshot.region,
        snapshot,
        changes: ['members'],
      },
      '2017-02-15T00:00:00.000Z',
    );
    await onHouseholdEvent(toDelivery(late), {} as Context);
    expect((await getHousehold('evt-h1'))!.snapshot.status).toBe('EXITED_NO_POLICY');
  });

  it('quotes a household: lines with amounts, sources, missing facts and per-claim inputs', async () => {
    const h = demoHousehold(1000);
    const response = await call(cloud, 'POST', '/subsidy/quote', {
      token: county,
      body: {
        householdId: h.householdId,
        period: PERIOD,
        claims: [
          {
            itemId: 'tez-housing-repair-subsidy',
            facts: {
              actualInvestment: 600_000,
              renovationMode: 'repair',
              wantsRenovation: true,
            },
          },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(response.body.catalogVersion).toBe('catalog-v3');
    expect(response.body.parametersVersion).toBe(1);
    const total = response.body.lines.filter((l: { status: string }) => l.status === 'payable').reduce((s: number, l: { amountFen: number }) => s + l.amountFen, 0);
    expect(response.body.totalFen).toBe(total);
    for (const line of response.body.lines) expect(line.explanation).toMatch(/^seed 000 /);
    expect(response.body.notQuantified.length).toBe(18);
    // The house grade is not in the demo snapshot: the line names the missing fact instead of paying 0.
    const repair = response.body.lines.find((l: { itemId: string }) => l.itemId === 'tez-housing-repair-subsidy');
    expect(repair.status).toBe('missing-facts');
    expect(repair.missingFacts).toContain('houseDangerGrade');
  });

  it('refuses bad quote input with clear 4xx codes', async () => {
    const h = demoHousehold(1000).householdId;
    const unknownItem = await call(cloud, 'POST', '/subsidy/quote', {
      token: county,
      body: {
        householdId: h,
        period: PERIOD,
        claims: [{ itemId: 'tez-nothing', facts: {} }],
      },
    });
    expect([unknownItem.status, unknownItem.body.code]).toEqual([400, 'UNKNOWN_ITEM']);
    const negative = await call(cloud, 'POST', '/subsidy/quote', {
      token: county,
      body: {
        householdId: h,
        period: PERIOD,
        claims: [
          {
            itemId: 'tez-housing-repair-subsidy',
            facts: { actualInvestment: -5 },
          },
        ],
      },
    });
    expect([negative.status, negative.body.code]).toEqual([400, 'AMOUNT_NEGATIVE']);
    const absurd = await call(cloud, 'POST', '/subsidy/quote', {
      token: county,
      body: {
        householdId: h,
        period: PERIOD,
        claims: [
          {
            itemId: 'tez-housing-repair-subsidy',
            facts: { actualInvestment: 1e13 },
          },
        ],
      },
    });
    expect(absurd.body.code).toBe('AMOUNT_ABSURD');
    const foreign = await call(cloud, 'POST', '/subsidy/quote', {
      token: county,
      body: { householdId: h, period: PERIOD, items: ['qd-preschool-grant'] },
    });
    expect(foreign.body.code).toBe('ITEM_NOT_IN_JURISDICTION');
    expect(
      (
        await call(cloud, 'POST', '/subsidy/quote', {
          token: county,
          body: { householdId: 'nobody', period: PERIOD },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(cloud, 'POST', '/subsidy/quote', {
          token: county,
          body: { householdId: h, period: '2017-13' },
        })
      ).status,
    ).toBe(400);
    // A village cadre sees only households of the village.
    const other = demoHousehold(1001);
    if (other.region !== '370405103201')
      expect(
        (
          await call(cloud, 'POST', '/subsidy/quote', {
            token: village,
            body: { householdId: other.householdId, period: PERIOD },
          })
        ).body.code,
      ).toBe('OUT_OF_SCOPE');
  });

  it('versions county parameters and refuses values that would break a formula', async () => {
    const current = await call(cloud, 'GET', '/subsidy/parameters/taierzhuang', { token: county });
    expect(current.body.version).toBe(1);
    const unknown = await call(cloud, 'GET', '/subsidy/parameters/atlantis', {
      token: county,
    });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'UNKNOWN_JURISDICTION']);
    const refusals: [Record<string, unknown>, string][] = [
      [{ 'paid:tez-basic-pension': 9_000 }, 'PARAMETER_BELOW_FLOOR'], // 不低于 100 元
      [{ villageSetAmount: 4_000 }, 'PARAMETER_OUT_OF_RANGE'], // 10—30 元
      [{ dibaoMonthlyStandard: -1 }, 'PARAMETER_NEGATIVE'],
      [{ statutoryPensionAge: 3 }, 'PARAMETER_MAKES_FORMULA_INVALID'], // 3 − 5 < 0
      [{ salary: 1 }, 'UNKNOWN_PARAMETER'],
      [{ electricityTariff: 0.5 }, 'PARAMETER_TYPE'], // fen are integers
    ];
    for (const [values, code] of refusals) {
      const response = await call(cloud, 'PUT', '/subsidy/parameters/taierzhuang', { token: county, body: { expectedVersion: 1, values, reason: '测试' } });
      expect([response.status, response.body.code]).toEqual([400, code]);
    }
    expect(
      (
        await call(cloud, 'PUT', '/subsidy/parameters/taierzhuang', {
          token: town,
          body: { expectedVersion: 1, values: {}, reason: 'x' },
        })
      ).status,
    ).toBe(403);
    const ok = await call(cloud, 'PUT', '/subsidy/parameters/taierzhuang', {
      token: county,
      body: {
        expectedVersion: 1,
        values: { 'paid:tez-basic-pension': 12_000 },
        reason: '区定基础养老金 120 元',
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await call(cloud, 'PUT', '/subsidy/parameters/taierzhuang', {
      token: county,
      body: { expectedVersion: 1, values: {}, reason: 'x' },
    });
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const quote = await call(cloud, 'POST', '/subsidy/quote', {
      token: county,
      body: {
        householdId: demoHousehold(1000).householdId,
        period: PERIOD,
        items: ['tez-basic-pension'],
      },
    });
    expect(quote.body.parametersVersion).toBe(2);
    for (const line of quote.body.lines) if (line.status === 'payable') expect([line.amountFen, line.floorFen]).toEqual([12_000, 10_000]);
  });

  it('runs, refuses export before approval, approves, exports, publishes, and refuses a re-run', async () => {
    const run = await call(cloud, 'POST', '/subsidy/runs', {
      token: county,
      body: { period: PERIOD, region: DISTRICT },
    });
    expect(run.status).toBe(200);
    expect(run.body.status).toBe('COMPLETED');
    expect(run.body.progress.done).toBe(run.body.progress.total);
    expect(run.body.parametersVersion).toBe(2);
    const early = await call(cloud, 'GET', `/subsidy/rosters/${PERIOD}/${DISTRICT}/export?format=csv`, { token: county });
    expect([early.status, early.body.code]).toEqual([409, 'ROSTER_NOT_APPROVED']);
    expect((await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/approve`, { token: town, body: { expectedAttempt: 1 } })).status).toBe(403);
    const overlapping = await call(cloud, 'POST', '/subsidy/runs', {
      token: town,
      body: { period: PERIOD, region: '370405103000' },
    });
    expect(overlapping.body.code).toBe('RUN_OVERLAPS');
    const lines = await call(cloud, 'GET', `/subsidy/rosters/${PERIOD}/${DISTRICT}/lines?village=370405103201`, { token: county });
    expect(lines.status).toBe(200);
    const approved = await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/approve`, { token: county, body: { expectedAttempt: 1 } });
    expect(approved.body.status).toBe('APPROVED');
    expect((await call(cloud, 'GET', `/subsidy/rosters/${PERIOD}/${DISTRICT}/export?format=csv`, { token: town })).status).toBe(403);
    const csv = await fetch(`${cloud.url}/subsidy/rosters/${PERIOD}/${DISTRICT}/export?format=csv`, { headers: { authorization: `Bearer ${county}` } });
    expect(csv.status).toBe(200);
    // Exactly one byte-order mark: the text of a fetch drops one, so the bytes are counted.
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect(leadingBoms(bytes)).toBe(1);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...BANK_HEADER]);
    const body = rows.slice(1);
    // Payee ID number and full account are in the bank's file; rows without an account are not.
    expect(body.every((row) => /^\d{17}[\dX]$/.test(row[6] ?? '') && /^\d{12,19}$/.test(row[8] ?? ''))).toBe(true);
    const missing = Number(csv.headers.get('x-missing-accounts'));
    expect(missing).toBeGreaterThan(0);
    const sum = body.reduce((s, row) => s + Math.round(Number(row[12]) * 100), 0);
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(approved.body.totals.totalFen);
    const xlsx = await fetch(`${cloud.url}/subsidy/rosters/${PERIOD}/${DISTRICT}/export`, { headers: { authorization: `Bearer ${county}` } });
    expect(xlsx.status).toBe(200);
    const sheets = readXlsx(Buffer.from(await xlsx.arrayBuffer()));
    expect(sheets.map((sheet) => sheet.name)).toEqual(['发放明细', '缺少账户', '按镇按项目合计']);
    const missingFen = (sheets[1]?.rows ?? []).slice(1).reduce((s, row) => s + Math.round(Number(row[9]) * 100), 0);
    expect([sheets[1]?.rows.length, sum + missingFen]).toEqual([missing + 1, approved.body.totals.totalFen]);
    // Every download is audited: who, when, which roster.
    const exports = await auditOf(`RUN#${PERIOD}#${DISTRICT}`, 'roster.exported');
    expect(exports.length).toBe(2);
    expect(exports[0]).toMatchObject({ actor: { role: 'county' }, after: { rosterId: `${PERIOD}:${DISTRICT}`, format: 'csv', missingAccounts: missing } });
    // Before any payment result, neither publication nor payment can be recorded.
    expect((await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/publish`, { token: county })).body.code).toBe('PAYMENT_RESULTS_MISSING');
    const results = toCsv([['业务编号', '发放结果', '失败原因'], ...body.map((row) => [row[0] ?? '', '成功', ''])]);
    const imported = await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/payment-results`, {
      token: county,
      body: { format: 'csv', contentBase64: Buffer.from(results).toString('base64') },
    });
    expect([imported.status, imported.body.paid]).toEqual([200, body.length]);
    const published = await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/publish`, { token: county });
    expect(published.body.publishedAt).toBeDefined();
    expect((await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/publish`, { token: county })).body.code).toBe('ALREADY_PUBLISHED');
    const again = await call(cloud, 'POST', '/subsidy/runs', {
      token: county,
      body: { period: PERIOD, region: DISTRICT },
    });
    expect([again.status, again.body.code]).toEqual([409, 'PERIOD_APPROVED']);
    const paid = await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/paid`, { token: county });
    expect(paid.body.status).toBe('PAID');
    await cloud.drain();
  }, 60_000);

  it('corrects paid rows to failed only with a reason, and re-issues them exactly once under concurrent requests', async () => {
    const csv = await fetch(`${cloud.url}/subsidy/rosters/${PERIOD}/${DISTRICT}/export?format=csv`, { headers: { authorization: `Bearer ${county}` } });
    const rows = parseCsv(await csv.text()).slice(1, 4);
    const file = Buffer.from(toCsv([['业务编号', '发放结果', '失败原因'], ...rows.map((row) => [row[0] ?? '', '失败', '银行退回'])])).toString('base64');
    const path = `/subsidy/rosters/${PERIOD}/${DISTRICT}/payment-results`;
    const refused = await call(cloud, 'POST', path, { token: county, body: { format: 'csv', contentBase64: file } });
    expect([refused.status, refused.body.details.problems.map((p: { code: string }) => p.code)]).toEqual([422, ['ALREADY_PAID', 'ALREADY_PAID', 'ALREADY_PAID']]);
    const corrected = await call(cloud, 'POST', path, { token: county, body: { format: 'csv', contentBase64: file, correction: '银行更正：三笔已退回' } });
    expect([corrected.status, corrected.body.corrected]).toEqual([200, 3]);
    expect((await auditOf(`RUN#${PERIOD}#${DISTRICT}`, 'roster.payment-results.corrected'))[0]).toMatchObject({ reason: '银行更正：三笔已退回' });
    const both = await Promise.all([1, 2].map(() => call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/reissues`, { token: county })));
    const built = both.filter((r) => r.status === 200);
    // Whatever the interleaving, the three rows are in re-issue rosters once in all.
    expect(built.length).toBeGreaterThan(0);
    for (const r of both.filter((r) => r.status !== 200)) expect(['NOTHING_TO_REISSUE', 'REISSUE_CONFLICT', 'VERSION_CONFLICT']).toContain(r.body.code);
    const after = await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/reissues`, { token: county });
    const rosters = [...built.map((r) => r.body), ...(after.status === 200 ? [after.body] : [])];
    expect(rosters.reduce((sum, r) => sum + r.lines, 0)).toBe(3);
    const exported = await fetch(`${cloud.url}/subsidy/rosters/${PERIOD}/${DISTRICT}/export?format=csv&reissue=1`, { headers: { authorization: `Bearer ${county}` } });
    expect(
      parseCsv(await exported.text())
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual(rows.map((row) => row[0]).sort());
  }, 60_000);
});
