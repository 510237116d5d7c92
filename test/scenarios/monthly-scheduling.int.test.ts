import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, download, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { manifest as dispatch } from '../../services/dispatch/src/manifest.js';

/**
 * Issue 21: a month of scheduling (October 2019, 台儿庄区) in which some departments and towns file
 * late, some not at all, and some targets lag. Every filing goes through the API at the day it is
 * made (the local clock is moved); the jobs of workflows.md §6 run as the scheduler would; the
 * report lists each late, missing and overdue unit and each target's progress, trend and owner, and
 * a re-run gives byte-identical data. Deadlines are shifted past rest days: September's figures
 * filed on 2019-10-08 are on time (the 5th fell in the National Day holiday, 10-01…07).
 */
const COUNTY = '370405000000';
const TOWN = {
  zhangshanzi: '370405101000',
  jiantouji: '370405103000',
  yunhe: '370405001000',
  pizhuang: '370405100000',
  malantun: '370405104000',
  nigou: '370405102000',
};

/** Moves the local clock (every handler of the in-process cloud reads it) to an instant, Shanghai time. */
function at(local: string): void {
  process.env.JZ_CLOCK_OFFSET_MS = String(Date.parse(`${local}:00+08:00`) - Date.now());
}

const progress = (values: number[]) => Object.fromEntries(Object.values(TOWN).map((code, i) => [`rate.progress.${code}`, values[i] ?? 0]));

describe('monthly scheduling: a month with late filers and lagging targets (issue 21)', () => {
  let cloud: LocalCloud;
  const tokens: Record<string, string> = {};

  async function file(user: string, body: Record<string, unknown>) {
    const response = await call(cloud, 'POST', '/dispatch/filings', { token: tokens[user], body });
    return response;
  }
  async function fileOk(user: string, body: Record<string, unknown>) {
    const response = await file(user, body);
    expect(response.status, `${user} ${JSON.stringify(body)}: ${JSON.stringify(response.body)}`).toBe(200);
    return response.body;
  }
  async function run(job: string, period: string) {
    const response = await call(cloud, 'POST', `/dispatch/jobs/${job}/runs`, { token: tokens.county, body: { period, region: COUNTY } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.runs[0];
  }

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [dispatch]);
    for (const user of [
      'county',
      'dept-renshe',
      'dept-jiaotong',
      'dept-shuiwu',
      'dept-zhujian',
      'dept-minzheng',
      'dept-caizheng',
      'dept-gongan',
      'dept-fagai',
      'dept-nongye',
      'town-jiantouji',
      'town-zhangshanzi',
      'town-nigou',
      'town-yunhe',
    ]) {
      tokens[user] = await cloud.login(user);
    }
  }, 120_000);
  afterAll(async () => {
    delete process.env.JZ_CLOCK_OFFSET_MS;
    await cloud?.stop();
  });

  it('takes the month’s filings on the days they are made, on time or late', async () => {
    // September's 月调度 figures on 2019-10-08: on time, the 5th being in the National Day holiday.
    at('2019-10-08T10:00');
    const september = await fileOk('dept-renshe', { period: '2019-09', figures: { 'rate.pension': 78, 'rate.medical': 99 } });
    expect(september).toMatchObject({ due: '2019-10-08', late: false, daysLate: 0 });
    await fileOk('dept-jiaotong', { period: '2019-09', figures: { 'rate.road': 99.5, 'rate.bus': 88 } });

    at('2019-10-12T10:00');
    await fileOk('dept-jiaotong', { form: 'transport-dekad', period: '2019-10-D1', figures: progress([60, 55, 70, 40, 35, 50]) });
    at('2019-10-17T10:00');
    await fileOk('dept-shuiwu', { form: 'water-half-month', period: '2019-10-H1', figures: progress([82, 90, 100, 70, 64, 77]) });
    at('2019-10-25T10:00');
    const d2 = await fileOk('dept-jiaotong', { form: 'transport-dekad', period: '2019-10-D2', figures: progress([68, 61, 75, 44, 40, 58]) });
    expect(d2).toMatchObject({ due: '2019-10-23', late: true, daysLate: 2 });
    // The quarterly 低保 lists are due on the 20th of the quarter's first month: a Sunday, so the 21st.
    const dibao = await fileOk('dept-minzheng', { form: 'dibao-lists', period: '2019-Q4', figures: { 'dibao.listed': 2150 } });
    expect(dibao).toMatchObject({ due: '2019-10-21', late: true, daysLate: 4 });

    at('2019-11-04T10:00');
    await fileOk('dept-renshe', { period: '2019-10', figures: { 'rate.pension': 81, 'rate.medical': 99.6 } });
    await fileOk('dept-jiaotong', { period: '2019-10', figures: { 'rate.road': 99.6, 'rate.bus': 90 } });
    await fileOk('dept-jiaotong', { form: 'transport-dekad', period: '2019-10-D3', figures: progress([75, 66, 80, 52, 41, 66]) });
    await fileOk('dept-zhujian', { period: '2019-10', figures: { 'housing.completed': 376 } });
    await fileOk('dept-minzheng', { period: '2019-10', figures: { 'dibao.households': 2150 } });
    await fileOk('dept-caizheng', { period: '2019-10', figures: { 'funds.spent.fen': 125_000_000 } });
    await fileOk('dept-fagai', { form: 'sector-progress', period: '2019-10', figures: { 'projects.started': 12 } });
    for (const town of ['town-jiantouji', 'town-zhangshanzi', 'town-nigou']) await fileOk(town, { period: '2019-10', figures: { 'housing.completed': 5 } });

    // The overdue check of the 6th: a snapshot, taken once.
    at('2019-11-06T09:00');
    const overdue = await run('monthly-dispatch-overdue', '2019-10');
    expect(overdue.counts).toEqual({ received: 8, late: 0, missing: 8, recorded: 1 });

    at('2019-11-08T10:00');
    const late = await fileOk('dept-gongan', { period: '2019-10', figures: { 'hukou.checked': 320 } });
    expect(late).toMatchObject({ due: '2019-11-05', late: true, daysLate: 3 });
    await fileOk('town-yunhe', { period: '2019-10', figures: { 'housing.completed': 1 } });
    await fileOk('dept-nongye', { form: 'sector-progress', period: '2019-10', figures: { 'projects.started': 30 } });

    // A second run of the overdue check for the same month and county changes nothing and notifies no one again.
    const again = await run('monthly-dispatch-overdue', '2019-10');
    expect(again.counts).toEqual({ received: 8, late: 0, missing: 8, recorded: 0 });
    expect(again.details).toEqual(overdue.details);
  }, 120_000);

  it('refuses filings for a period not yet open or long closed, and malformed ones, writing nothing', async () => {
    at('2019-11-08T11:00');
    const refusals: [string, Record<string, unknown>, number, string][] = [
      ['dept-renshe', { period: '2019-11', figures: { 'rate.pension': 82 } }, 422, 'PERIOD_NOT_CLOSED'],
      ['dept-renshe', { period: '2019-12', figures: { 'rate.pension': 82 } }, 422, 'PERIOD_IN_FUTURE'],
      ['dept-renshe', { period: '2019-06', figures: { 'rate.pension': 70 } }, 422, 'FILING_CLOSED'],
      ['dept-minzheng', { form: 'dibao-lists', period: '2020-Q1', figures: { 'dibao.listed': 1 } }, 422, 'FILING_NOT_OPEN'],
      ['dept-jiaotong', { form: 'transport-dekad', period: '2019-10', figures: progress([1]) }, 400, 'BAD_PERIOD'],
      ['dept-shuiwu', { form: 'transport-dekad', period: '2019-10-D3', figures: progress([1]) }, 403, 'FORM_NOT_ALLOWED'],
      ['dept-jiaotong', { form: 'transport-dekad', period: '2019-10-D3', figures: { 'rate.progress.bad': 1 } }, 400, 'FIGURE_INVALID'],
    ];
    for (const [user, body, status, code] of refusals) {
      const response = await file(user, body);
      expect([response.status, response.body.code], `${user} ${JSON.stringify(body)}`).toEqual([status, code]);
    }
    const listed = await call(cloud, 'GET', `/dispatch/filings?jurisdiction=${COUNTY}&period=2019-06`, { token: tokens.county });
    expect(listed.body.items).toEqual([]);

    const notClosed = await call(cloud, 'POST', '/dispatch/jobs/monthly-dispatch-build/runs', { token: tokens.county, body: { period: '2019-11' } });
    expect([notClosed.status, notClosed.body.code]).toEqual([422, 'PERIOD_NOT_CLOSED']);
    at('2019-09-15T10:00');
    const notOpen = await call(cloud, 'POST', '/dispatch/jobs/income-survey-open/runs', { token: tokens.county, body: { period: '2019' } });
    expect([notOpen.status, notOpen.body.code]).toEqual([422, 'PERIOD_NOT_OPEN']);

    const path = `/dispatch/targets/${COUNTY}/rate.pension`;
    const current = (await call(cloud, 'GET', `/dispatch/targets?jurisdiction=${COUNTY}`, { token: tokens.county })).body.items.find(
      (i: { target: { code: string } }) => i.target.code === 'rate.pension',
    );
    const { jurisdiction: _j, code: _c, ...fields } = current.target;
    const unsourced = await call(cloud, 'PUT', path, { token: tokens.county, body: { ...fields, source: '  ', expectedVersion: 0, reason: '去掉来源' } });
    expect([unsourced.status, unsourced.body.code]).toEqual([422, 'TARGET_SOURCE_MISSING']);
    expect((await call(cloud, 'GET', `${path}/history`, { token: tokens.county })).body.items).toEqual([]);
  }, 60_000);

  it('ranks the towns in the 交通 and 水务 bulletins of the 10th, once', async () => {
    at('2019-11-10T09:00');
    const first = await run('sector-bulletins', '2019-10');
    const [transport, water] = first.details.bulletins;
    expect(transport).toMatchObject({ department: 'dept:jiaotong', basedOn: '2019-10-D3', missingPeriods: [] });
    expect(transport.ranking.map((r: { name: string; rank: number }) => `${r.rank}${r.name}`)).toEqual(['1运河街道', '2张山子镇', '3泥沟镇', '3涧头集镇', '5邳庄镇', '6马兰屯镇']);
    expect(water).toMatchObject({ department: 'dept:shuiwu', basedOn: '2019-10-H1', missingPeriods: ['2019-10-H2'] });
    const second = await run('sector-bulletins', '2019-10');
    expect(second.counts.recorded).toBe(0);
    expect(second.details).toEqual(first.details);
  }, 60_000);

  let report: Record<string, never> & {
    targets: { code: string; status: string; actual: number | null; previousActual: number | null; trend: string | null; ownerName: string }[];
    filings: { late: { filer: string; daysLate: number }[]; missing: { filer: string }[] };
    obligations: { asOf: string; items: { form: string; period: string; due: string; owners: { filer: string; status: string; daysLate: number }[] }[] };
    overdue: { filings: { owner: string; name: string; items: { form: string; period: string; due: string; daysOverdue: number }[] }[] };
  };
  let digest = '';

  it('builds the report of the 10th: late filers, missing units, overdue filings per owner, lagging targets', async () => {
    at('2019-11-11T02:00');
    const build = await run('monthly-dispatch-build', '2019-10');
    expect(build.counts).toEqual({ reports: 7, changed: 7 });
    const got = await call(cloud, 'GET', `/dispatch/reports/${COUNTY}/2019-10`, { token: tokens.county });
    expect(got.status).toBe(200);
    report = got.body.report;
    digest = got.body.digest;

    // 月调度 filings: late, and missing after the deadline.
    expect(report.filings.late.map((f) => [f.filer, f.daysLate])).toEqual([
      ['dept:gongan', 3],
      [`town:${TOWN.yunhe}`, 3],
    ]);
    expect(report.filings.missing.map((f) => f.filer)).toEqual(['dept:canlian', 'dept:fupin', 'dept:jiaoyu', 'dept:shuiwu', `town:${TOWN.pizhuang}`, `town:${TOWN.malantun}`]);

    // The filings owed in the window, judged at the report's date (2019-11-10 is a Sunday: the 11th).
    expect(report.obligations.asOf).toBe('2019-11-11');
    const owed = (form: string, period: string) => report.obligations.items.find((i) => i.form === form && i.period === period);
    expect(owed('transport-dekad', '2019-10-D1')?.owners).toEqual([{ filer: 'dept:jiaotong', name: '区交通运输局', status: 'on-time', filedOn: '2019-10-12', daysLate: 0 }]);
    expect(owed('transport-dekad', '2019-10-D2')?.owners[0]).toMatchObject({ status: 'late', daysLate: 2 });
    expect(owed('transport-dekad', '2019-10-D3')).toMatchObject({ due: '2019-11-04', owners: [{ status: 'on-time' }] });
    expect(owed('dibao-lists', '2019-Q4')?.owners[0]).toMatchObject({ filer: 'dept:minzheng', status: 'late', daysLate: 4 });
    expect(owed('sector-progress', '2019-10')?.owners.map((o) => [o.filer, o.status])).toEqual([
      ['dept:fagai', 'on-time'],
      ['dept:nongye', 'late'],
      ['dept:xumu', 'overdue'],
    ]);
    // The PV fee is due on the 11th itself: not yet overdue on the report's date.
    expect(owed('pv-fee', '2019-10')?.owners[0]).toMatchObject({ filer: 'dept:gongdian', status: 'pending' });
    expect(owed('half-year-bulletin', '2019-H1')).toBeUndefined();

    // The overdue list per owner.
    const overdueOf = (owner: string) => report.overdue.filings.find((o) => o.owner === owner)?.items.map((i) => `${i.form} ${i.period} ${i.due} +${i.daysOverdue}`);
    expect(overdueOf('dept:shuiwu')).toEqual(['water-half-month 2019-10-H2 2019-11-04 +7', 'monthly 2019-10 2019-11-05 +6']);
    expect(overdueOf('dept:jiaoyu')).toEqual(['dropout 2019-10 2019-11-01 +10', 'monthly 2019-10 2019-11-05 +6']);
    expect(overdueOf('dept:fupin')).toEqual(['poverty-day 2019 2019-10-17 +25', 'monthly 2019-10 2019-11-05 +6']);
    expect(overdueOf('dept:caizheng')).toEqual(['cadre-allowance 2019-Q3 2019-10-31 +11']);
    expect(overdueOf('dept:zonggonghui')).toEqual(['hardship-survey 2019 2019-10-31 +11']);
    expect(overdueOf(`town:${TOWN.pizhuang}`)).toEqual(['monthly 2019-10 2019-11-05 +6']);
    expect(overdueOf('dept:gongan')).toBeUndefined();
    expect(overdueOf('dept:jiaotong')).toBeUndefined();

    // Targets (seed 000 专栏3, 2015 → 2020, 46 of 60 months elapsed): progress, trend and owner.
    const target = (code: string) => report.targets.find((t) => t.code === code);
    expect(target('rate.pension')).toMatchObject({ actual: 81, previousActual: 78, trend: 'improving', status: 'at-risk', ownerName: '区人社局', expected: 86 });
    expect(target('rate.medical')).toMatchObject({ actual: 99.6, trend: 'improving', status: 'on-track' });
    expect(target('rate.bus')).toMatchObject({ actual: 90, previousActual: 88, status: 'behind', ownerName: '区交通运输局' });
    expect(target('rate.water')).toMatchObject({ actual: null, status: 'no-data', ownerName: '区水务局' });
    expect(target('housing.renovated.2017')).toMatchObject({ actual: 376, status: 'met' });
  }, 120_000);

  it('re-running the month gives byte-identical data (JSON and XLSX)', async () => {
    const xlsx = await download(cloud, `/dispatch/reports/${COUNTY}/2019-10?format=xlsx`, tokens.county);
    at('2019-11-12T09:00');
    const rerun = await run('monthly-dispatch-build', '2019-10');
    expect(rerun.counts).toEqual({ reports: 7, changed: 0 });
    const got = await call(cloud, 'GET', `/dispatch/reports/${COUNTY}/2019-10`, { token: tokens.county });
    expect(got.body.digest).toBe(digest);
    expect(JSON.stringify(got.body.report)).toBe(JSON.stringify(report));
    expect((await download(cloud, `/dispatch/reports/${COUNTY}/2019-10?format=xlsx`, tokens.county)).equals(xlsx)).toBe(true);
  }, 120_000);

  it('serves the overdue list per owner at a date, and refuses other counties', async () => {
    const list = await call(cloud, 'GET', `/dispatch/overdue?jurisdiction=${COUNTY}&asOf=2019-11-11`, { token: tokens.county });
    expect(list.status).toBe(200);
    const shuiwu = list.body.owners.find((o: { owner: string }) => o.owner === 'dept:shuiwu');
    expect(shuiwu.name).toBe('区水务局');
    expect(shuiwu.items).toContainEqual(expect.objectContaining({ form: 'water-half-month', period: '2019-10-H2', due: '2019-11-04', daysOverdue: 7 }));
    expect(shuiwu.items.some((i: { period: string }) => i.period === '2019-10-H1')).toBe(false);
    const other = await cloud.login('other-county');
    expect((await call(cloud, 'GET', `/dispatch/overdue?jurisdiction=${COUNTY}`, { token: other })).body.code).toBe('OUT_OF_SCOPE');
    expect((await call(cloud, 'GET', `/dispatch/overdue?jurisdiction=${COUNTY}`, { token: tokens['town-nigou'] })).status).toBe(403);
  }, 60_000);
});
