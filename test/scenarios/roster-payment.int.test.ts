import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { parseCsv, toCsv } from '../../packages/platform/src/tabular.js';
import { services } from '../../services/registry.js';

/**
 * Paying a roster over HTTP across services: the county exports the approved roster as the bank's
 * file (payee, ID number, 一卡通 account from identification), imports the bank's results (paid /
 * failed with reason), corrects a failed household's account in identification, re-issues the
 * failed lines in a re-issue roster (once), exports and settles it, and the fund disclosure and
 * dispatch count what was paid.
 */
const DISTRICT = '370405000000';
const PERIOD = '2017-06';
const yuanToFen = (text: string) => Math.round(Number(String(text).replace(/,/g, '')) * 100);
const base64 = (rows: string[][]) => Buffer.from(toCsv(rows)).toString('base64');
const RESULT_HEADER = ['业务编号', '发放结果', '失败原因', '金额（元）'];

describe('roster export → payment-result import → re-issue (over HTTP)', () => {
  let cloud: LocalCloud;
  let county: string;
  let town: string;

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), services, { demo: true });
    county = await cloud.login('county');
    town = await cloud.login('town-jiantouji');
  }, 180_000);
  afterAll(() => cloud?.stop());

  async function exportCsv(query = '') {
    const response = await fetch(`${cloud.url}/subsidy/rosters/${PERIOD}/${DISTRICT}/export?format=csv${query}`, { headers: { authorization: `Bearer ${county}` } });
    expect(response.status).toBe(200);
    const rows = parseCsv(new TextDecoder().decode(await response.arrayBuffer()));
    return { header: rows[0] as string[], rows: rows.slice(1), missing: Number(response.headers.get('x-missing-accounts')) };
  }

  const importResults = (rows: string[][], extra: Record<string, unknown> = {}) =>
    call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/payment-results`, {
      token: county,
      body: { format: 'csv', contentBase64: base64([RESULT_HEADER, ...rows]), ...extra },
    });

  it('pays from the export, records results, re-issues the failed lines once, and discloses what was paid', async () => {
    let run = (await call(cloud, 'POST', '/subsidy/runs', { token: county, body: { period: PERIOD, region: DISTRICT } })).body;
    for (let i = 0; i < 100 && run.status === 'RUNNING'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      run = (await call(cloud, 'GET', `/subsidy/runs/${PERIOD}/${DISTRICT}`, { token: county })).body;
    }
    expect(run.status).toBe('COMPLETED');
    expect((await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/approve`, { token: county, body: { expectedAttempt: run.attempt } })).status).toBe(200);

    // The export is the county's alone.
    expect((await call(cloud, 'GET', `/subsidy/rosters/${PERIOD}/${DISTRICT}/export?format=csv`, { token: town })).status).toBe(403);
    const exported = await exportCsv();
    expect(exported.header).toEqual(['业务编号', '镇（街）', '村', '户编号', '户主', '收款人', '收款人身份证号', '开户银行', '账号', '项目编号', '项目', '享受人', '金额（元）']);
    expect(exported.rows.length).toBeGreaterThan(20);
    // Every paid row carries the payee's ID number and full account; households without one are counted apart.
    for (const row of exported.rows) {
      expect(row[6]).toMatch(/^\d{17}[\dX]$/);
      expect(row[8]).toMatch(/^\d{19}$/);
    }
    expect(exported.missing).toBeGreaterThan(0);
    const exportedFen = exported.rows.reduce((sum, row) => sum + yuanToFen(row[12] as string), 0);

    // The staff view of the register shows the account masked, never in full.
    const householdId = (exported.rows[0] as string[])[3] as string;
    const household = (await call(cloud, 'GET', `/households/${householdId}`, { token: county })).body;
    const head = household.members.find((m: { relation: string }) => m.relation === 'head');
    expect(head.accountMasked.numberMasked).toBe(`${'*'.repeat(15)}${String((exported.rows[0] as string[])[8]).slice(-4)}`);
    expect(JSON.stringify(household)).not.toContain((exported.rows[0] as string[])[8]);

    // Bank results: every row of the first household's fails (account closed), all others are paid.
    const failedRows = exported.rows.filter((row) => row[3] === householdId);
    const paidRows = exported.rows.filter((row) => row[3] !== householdId);
    const results = [...paidRows.map((row) => [row[0], '成功', '', row[12]]), ...failedRows.map((row) => [row[0], '失败', '账户已销户', row[12]])] as string[][];

    // A bad row refuses the whole file with a per-row report; nothing is recorded.
    const bad = await importResults([...results.slice(0, 3), ['2017-06/370405103201/NOPE/x/household', '成功', '', '1.00'], [results[4]?.[0] as string, '失败', '', '']]);
    expect([bad.status, bad.body.code]).toEqual([422, 'PAYMENT_RESULTS_INVALID']);
    expect(bad.body.details.problems.map((p: { row: number; code: string }) => [p.row, p.code])).toEqual([
      [5, 'UNKNOWN_LINE'],
      [6, 'REASON_REQUIRED'],
    ]);
    expect((await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/publish`, { token: county })).body.code).toBe('PAYMENT_RESULTS_MISSING');

    const first = await importResults(results);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect([first.body.paid, first.body.failed, first.body.unchanged]).toEqual([paidRows.length, failedRows.length, 0]);
    // The same file again changes nothing.
    const again = await importResults(results);
    expect([again.status, again.body.paid, again.body.failed, again.body.unchanged]).toEqual([200, 0, 0, results.length]);
    // A paid line does not become failed without an explicit correction.
    const paidRef = paidRows[0]?.[0] as string;
    const flip = await importResults([[paidRef, '失败', '银行退回', '']]);
    expect(flip.body.details.problems[0].code).toBe('ALREADY_PAID');

    // The household's head gets a new account in identification; subsidy receives it by event.
    const newAccount = '6228480012345678';
    const corrected = await call(cloud, 'PUT', `/households/${householdId}/members/${head.memberId}/account`, {
      token: county,
      body: { version: household.version, account: { bank: '中国农业银行', kind: 'passbook', number: '6228 4800 1234 5678' }, reason: '原账户已销户，改用新存折' },
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body.members.find((m: { memberId: string }) => m.memberId === head.memberId).accountMasked.numberMasked).toBe(`************5678`);
    const badAccount = await call(cloud, 'PUT', `/households/${householdId}/members/${head.memberId}/account`, {
      token: county,
      body: { version: corrected.body.version, account: { bank: '中国农业银行', kind: 'card', number: '6228480012345679' }, reason: '试' },
    });
    expect(badAccount.status).toBe(400);
    await cloud.drain();

    // Re-issue: exactly the failed lines, once.
    const reissue = await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/reissues`, { token: county });
    expect(reissue.status, JSON.stringify(reissue.body)).toBe(200);
    expect([reissue.body.reissue, reissue.body.status, reissue.body.lines]).toEqual([1, 'READY', failedRows.length]);
    expect(reissue.body.totalFen).toBe(failedRows.reduce((sum, row) => sum + yuanToFen(row[12] as string), 0));
    expect((await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/reissues`, { token: county })).body.code).toBe('NOTHING_TO_REISSUE');
    const reissued = await exportCsv('&reissue=1');
    expect(reissued.rows.map((row) => row[0]).sort()).toEqual(failedRows.map((row) => row[0]).sort());
    for (const row of reissued.rows) expect(row[8]).toBe(newAccount);

    // The original failed line cannot be paid any more: it is paid through the re-issue roster.
    const late = await importResults([[failedRows[0]?.[0] as string, '成功', '', '']]);
    expect(late.body.details.problems[0].code).toBe('LINE_REISSUED');
    const settled = await importResults(
      reissued.rows.map((row) => [row[0], '成功', '', row[12]] as string[]),
      { reissue: 1 },
    );
    expect([settled.status, settled.body.paid]).toEqual([200, failedRows.length]);
    expect((await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/reissues`, { token: county })).body.code).toBe('NOTHING_TO_REISSUE');

    // The fund disclosure counts what the bank paid: everything exported, each line once.
    const published = await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/publish`, { token: county });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    await cloud.drain();
    const disclosures = (await call(cloud, 'GET', `/public/disclosures?region=${DISTRICT}&type=fund-disclosure`)).body;
    const disclosure = disclosures.items.find((notice: { title: string }) => notice.title.startsWith(`${PERIOD} `));
    const entries = (await call(cloud, 'GET', `/public/notices/${disclosure.noticeId}/entries?limit=100`)).body.items;
    const disclosedFen = entries.reduce((sum: number, entry: { fields: Record<string, string> }) => sum + yuanToFen(String(entry.fields.allocationYuan)), 0);
    expect(disclosedFen).toBe(exportedFen);
    expect(disclosedFen).toBeLessThan(run.totals.totalFen);

    const paid = await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${DISTRICT}/paid`, { token: county });
    expect(paid.status).toBe(200);
    await cloud.drain();
    const counts = (await call(cloud, 'GET', `/dispatch/counts?region=${DISTRICT}&period=${PERIOD}`, { token: county })).body;
    expect(counts.metrics.find((m: { metric: string }) => m.metric === 'subsidy.paid.fen')?.value).toBe(exportedFen);
  }, 240_000);
});
