import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, shanghaiDate } from '@jingzhun/types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { createDocumentClient } from '../../packages/platform/src/dynamo.js';
import { addMonthsToDate } from '../../services/identification/src/domain/casework/dates.js';
import { services } from '../../services/registry.js';
import { auditGaps } from '../support/audit.js';

/**
 * 民政 case work over HTTP (issue 20), as its users drive it: a village applies for 低保 for a
 * household, the town verifies its economic situation, the village appraises and posts the 公示, the
 * county 民政 approves after the 7 days; the household becomes 低保贫困户 and subsidy's quote pays
 * it the free electricity of 低保 households (catalog tez-free-electricity). A review finds the
 * income above the standard: 渐退 for 3 months (seed 004 ID-31 L322), an extension beyond the
 * county's limit is refused and audited, the daily job ends the 渐退 and the status with it. A
 * temporary-aid emergency is aided within the 24 hours and documented after (004 ID-46 L329).
 */
const VILLAGE = '370405103201'; // 涧头集镇冯庄村
const COUNTY = '370405000000';
/** 10:00 in Shanghai on a day (the clock is moved forward through the case; subsidy keeps the latest snapshot, so never back). */
const at = (date: string) => `${date}T02:00:00.000Z`;

interface CaseView {
  caseId: string;
  version: number;
  state: string;
  gradualExit?: { startedOn: string; months: number; endsOn: string };
  notice?: { postedOn: string; endsOn: string };
  monthlyAmountFen?: number;
}

describe('低保 case and temporary aid across identification, subsidy and dispatch (over HTTP)', () => {
  let cloud: LocalCloud;
  const tokens: Record<string, string> = {};
  let householdId = '';
  let kase: CaseView;

  async function act(user: string, body: Record<string, unknown>, status = 200) {
    const response = await call(cloud, 'POST', `/assistance-cases/${kase.caseId}/actions`, { token: tokens[user], body: { version: kase.version, ...body } });
    expect(response.status, `${String(body.action)}: ${JSON.stringify(response.body)}`).toBe(status);
    if (status === 200) kase = response.body as CaseView;
    return response.body;
  }
  const household = async () => (await call(cloud, 'GET', `/households/${householdId}`, { token: tokens.county })).body;
  async function caseAudit(caseId: string): Promise<string[]> {
    const client = createDocumentClient(cloud.endpoint);
    const result = await client.send(
      new QueryCommand({ TableName: cloud.tableName('identification'), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#CASE#${caseId}` } }),
    );
    client.destroy();
    return (result.Items ?? []).map((item) => item.action as string);
  }
  async function freeElectricity(period: string) {
    const response = await call(cloud, 'POST', '/subsidy/quote', { token: tokens.county, body: { householdId, period } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    // Lines a household is not eligible for are left out of the quote.
    return (response.body.lines as { itemId: string; status: string }[]).find((line) => line.itemId === 'tez-free-electricity')?.status ?? 'not eligible';
  }

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), services, { demo: true });
    for (const user of ['village-fengzhuang', 'town-jiantouji', 'town-nigou', 'dept-minzheng', 'county', 'other-county']) tokens[user] = await cloud.login(user);
    await call(cloud, 'POST', '/dev/clock', { body: { now: at(addDays(shanghaiDate(new Date()), 1)) } });
  }, 240_000);
  afterAll(async () => {
    if (cloud) await call(cloud, 'POST', '/dev/clock', { body: { now: null } });
    await cloud?.stop();
  });

  it('takes a 低保 application to 在保; the household’s attribute and subsidy follow', async () => {
    const listed = await call(cloud, 'GET', `/households?region=${VILLAGE}&status=REGISTERED&limit=50`, { token: tokens.county });
    const plain = (listed.body.items as { householdId: string; attribute: string }[]).filter((h) => h.attribute === '一般贫困户');
    for (const candidate of plain) {
      const opened = await call(cloud, 'POST', '/assistance-cases', {
        token: tokens['village-fengzhuang'],
        body: { householdId: candidate.householdId, kind: 'dibao', hardship: '主要劳动力患病，收入低', evidence: [{ kind: 'application', ref: '低保申请书' }] },
      });
      if (opened.status === 409 && opened.body.code === 'CASE_ALREADY_OPEN') continue;
      expect(opened.status, JSON.stringify(opened.body)).toBe(200);
      householdId = candidate.householdId;
      kase = opened.body as CaseView;
      break;
    }
    expect(householdId).not.toBe('');
    expect(kase.state).toBe('APPLIED');
    expect(await freeElectricity('2019-04')).toBe('not eligible');

    // A second case of the same kind for the household is refused; the 民政 status route yields to the case.
    const again = await call(cloud, 'POST', '/assistance-cases', {
      token: tokens['village-fengzhuang'],
      body: { householdId, kind: 'dibao', hardship: '重复申请', evidence: [{ kind: 'application', ref: '申请书' }] },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CASE_ALREADY_OPEN');
    const h0 = await household();
    const manual = await call(cloud, 'POST', `/households/${householdId}/minzheng-status`, {
      token: tokens['dept-minzheng'],
      body: { version: h0.version, dibao: true, evidence: [{ kind: 'decision', ref: '认定书' }], reason: '直接认定' },
    });
    expect(manual.status).toBe(409);
    expect(manual.body.code).toBe('MINZHENG_CASE_GOVERNS');

    // Scope and roles: another county cannot read it; the village may not verify; another town may not act.
    expect((await call(cloud, 'GET', `/assistance-cases/${kase.caseId}`, { token: tokens['other-county'] })).status).toBe(403);
    await act('village-fengzhuang', { action: 'VERIFY', verification: { annualIncomeFen: 450_000, assetsQualify: true } }, 403);
    await act('town-nigou', { action: 'VERIFY', verification: { annualIncomeFen: 450_000, assetsQualify: true } }, 403);

    const size = h0.size as number;
    await act('town-jiantouji', {
      action: 'VERIFY',
      verification: { annualIncomeFen: 200_000 * size, assetsQualify: true, hardshipIndex: 70 },
      evidence: [{ kind: 'verification', ref: '家庭经济状况核查表' }],
    });
    const today = shanghaiDate(new Date((await call(cloud, 'GET', '/dev/clock')).body.now));
    await act('village-fengzhuang', { action: 'APPRAISE', meeting: { date: today, total: 30, present: 24, inFavour: 22 }, evidence: [{ kind: 'minutes', ref: '民主评议记录' }] });
    await act('village-fengzhuang', { action: 'NOTICE', postedOn: today, evidence: [{ kind: 'notice', ref: '低保公示' }] });
    expect(kase.state).toBe('NOTICED');
    // 7 days from the day after posting, to the next working day when the 7th is a rest day.
    expect((kase.notice?.endsOn ?? '') >= addDays(today, 7)).toBe(true);

    // Before the 7 days are over: refused, nothing written, the refusal audited.
    const early = await act('dept-minzheng', { action: 'APPROVE' }, 409);
    expect(early.code).toBe('NOTICE_NOT_ENDED');
    expect((await call(cloud, 'GET', `/assistance-cases/${kase.caseId}`, { token: tokens.county })).body.version).toBe(kase.version);
    expect(await caseAudit(kase.caseId)).toContain('REFUSED:APPROVE');

    await call(cloud, 'POST', '/dev/clock', { body: { now: at(addDays(kase.notice?.endsOn as string, 1)) } });
    await act('town-jiantouji', { action: 'APPROVE' }, 403);
    await act('dept-minzheng', { action: 'APPROVE', evidence: [{ kind: 'approval', ref: '区民政局审批表' }] });
    expect(kase.state).toBe('IN_CARE');
    expect(kase.monthlyAmountFen).toBe(Math.floor(((390_000 - 200_000) * size) / 12));
    const h1 = await household();
    expect(h1.dibao).toBe(true);
    expect(h1.attribute).toBe('低保贫困户');
    await cloud.drain();
    // Eligible now: the line is there (its money value waits for the tariff parameter where none is set).
    expect(await freeElectricity('2019-04')).toMatch(/^(payable|missing-facts)$/);
  }, 180_000);

  it('reviews the case into 渐退, refuses an extension beyond the county’s limit, and ends it by the daily job', async () => {
    const size = (await household()).size as number;
    await act('town-jiantouji', { action: 'REVIEW', verification: { annualIncomeFen: 500_000 * size, assetsQualify: true }, evidence: [{ kind: 'verification', ref: '复核表' }] });
    expect(kase.state).toBe('GRADUAL_EXIT');
    const started = kase.gradualExit?.startedOn as string;
    expect(kase.gradualExit).toEqual({ startedOn: started, months: 3, endsOn: addMonthsToDate(started, 3) });
    // Benefits continue during 渐退 (004 ID-31 L322).
    expect((await household()).dibao).toBe(true);

    const tooLong = await act('dept-minzheng', { action: 'EXTEND_GRADUAL_EXIT', months: 4, reason: '就业不稳定' }, 400);
    expect(tooLong.code).toBe('GRADUAL_EXIT_TOO_LONG');
    expect(await caseAudit(kase.caseId)).toContain('REFUSED:EXTEND_GRADUAL_EXIT');
    await act('dept-minzheng', { action: 'EXTEND_GRADUAL_EXIT', months: 3, reason: '就业不稳定' });
    const endsOn = addMonthsToDate(started, 6);
    expect(kase.gradualExit?.endsOn).toBe(endsOn);

    // The daily job on the last day changes nothing; the day after, the case exits and the status goes.
    await call(cloud, 'POST', '/dev/clock', { body: { now: at(endsOn) } });
    const onLastDay = await call(cloud, 'POST', '/dev/jobs/identification/casework-daily', { body: {} });
    expect(JSON.stringify(onLastDay.body)).toContain('"ended":0');
    await call(cloud, 'POST', '/dev/clock', { body: { now: at(addDays(endsOn, 1)) } });
    const ran = await call(cloud, 'POST', '/dev/jobs/identification/casework-daily', { body: {} });
    expect(ran.status, JSON.stringify(ran.body)).toBe(200);
    expect(JSON.stringify(ran.body)).toContain('"ended":1');
    const after = (await call(cloud, 'GET', `/assistance-cases/${kase.caseId}`, { token: tokens.county })).body;
    expect(after.state).toBe('EXITED');
    const h = await household();
    expect(h.dibao).toBe(false);
    expect(h.attribute).toBe('一般贫困户');
    await cloud.drain();
    expect(await freeElectricity('2019-10')).toBe('not eligible');
  }, 180_000);

  it('aids an emergency within 24 hours and documents it after; a large ordinary case waits for the county', async () => {
    const now = Date.parse((await call(cloud, 'GET', '/dev/clock')).body.now);
    const reported = new Date(now - 3_600_000).toISOString();
    const emergency = await call(cloud, 'POST', '/temporary-aid', {
      token: tokens['village-fengzhuang'],
      body: { householdId, emergency: true, hardship: '房屋失火', persons: 1, aidMonths: 2, reportedAt: reported, evidence: [{ kind: 'hardship-report', ref: '情况报告' }] },
    });
    expect(emergency.status, JSON.stringify(emergency.body)).toBe(200);
    // 325 元 × 1 × 2 months (catalog tez-temporary-assistance): small, the town decides.
    expect(emergency.body).toMatchObject({
      amountFen: 65_000,
      approver: 'town',
      state: 'APPLIED',
      deadline: { step: '先行救助', due: new Date(now + 23 * 3_600_000).toISOString() },
    });
    const aided = await call(cloud, 'POST', `/temporary-aid/${emergency.body.aidId}/actions`, {
      token: tokens['town-jiantouji'],
      body: { version: 1, action: 'AID_FIRST', evidence: [{ kind: 'other', ref: '现金签收单' }] },
    });
    expect(aided.status, JSON.stringify(aided.body)).toBe(200);
    expect(aided.body.state).toBe('AIDED');
    const documented = await call(cloud, 'POST', `/temporary-aid/${emergency.body.aidId}/actions`, {
      token: tokens['town-jiantouji'],
      body: { version: aided.body.version, action: 'APPROVE', evidence: [{ kind: 'application', ref: '补交的救助申请书' }] },
    });
    expect(documented.status, JSON.stringify(documented.body)).toBe(200);
    expect(documented.body.state).toBe('PAID');

    const size = (await household()).size as number;
    const large = await call(cloud, 'POST', '/temporary-aid', {
      token: tokens['village-fengzhuang'],
      body: { householdId, emergency: false, hardship: '突发重病', persons: size, aidMonths: 6, reportedAt: new Date(now).toISOString() },
    });
    expect(large.status, JSON.stringify(large.body)).toBe(200);
    expect(large.body.approver).toBe(32_500 * size * 6 > 100_000 ? 'county' : 'town');
    if (large.body.approver === 'county') {
      const byTown = await call(cloud, 'POST', `/temporary-aid/${large.body.aidId}/actions`, { token: tokens['town-jiantouji'], body: { version: 1, action: 'APPROVE' } });
      expect(byTown.status).toBe(403);
      expect(byTown.body.code).toBe('APPROVER_INVALID');
    }
    const listed = await call(cloud, 'GET', `/temporary-aid?region=${VILLAGE}`, { token: tokens['dept-minzheng'] });
    expect(listed.status).toBe(200);
    expect((listed.body.items as { aidId: string }[]).map((i) => i.aidId)).toContain(large.body.aidId);

    // Dispatch counts the month's cases and the amount paid (its overdue list reads the same facts).
    await cloud.drain();
    const period = shanghaiDate(new Date(now)).slice(0, 7);
    const counts = await call(cloud, 'GET', `/dispatch/counts?region=${VILLAGE}&period=${period}`, { token: tokens.county });
    expect(counts.status, JSON.stringify(counts.body)).toBe(200);
    const value = (metric: string) => (counts.body.metrics as { metric: string; value: number }[]).find((m) => m.metric === metric)?.value;
    expect([value('aid.cases'), value('aid.cases.emergency'), value('aid.paid.fen')]).toEqual([2, 1, 65_000]);
  }, 120_000);

  it('leaves no write without its audit record', async () => {
    const gaps = await auditGaps(
      cloud.endpoint,
      services.map((manifest) => cloud.tableName(manifest.name)),
    );
    expect(gaps).toEqual([]);
  }, 120_000);

  it('reports the county’s centralised-care rate of 特困 persons unable to care for themselves', async () => {
    const rate = await call(cloud, 'GET', `/casework/tekun-care-rate?region=${COUNTY}`, { token: tokens.county });
    expect(rate.status, JSON.stringify(rate.body)).toBe(200);
    expect(rate.body.target).toBe(50);
  });
});
