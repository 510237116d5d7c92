import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '@jingzhun/platform/dynamo';
import { toDelivery } from '@jingzhun/platform/events';
import {
  type EventDefinition,
  type EventEnvelope,
  identificationEvents as ie,
  isWithinRegion,
  noticeEvents as ne,
  scoringEvents as se,
  subsidyEvents as sub,
} from '@jingzhun/types';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { call, download, type LocalCloud, leadingBoms, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { lambdaContext } from '../../../packages/local-cloud/src/lambda-context.js';
import * as handlers from '../src/handlers/events.js';
import { manifest } from '../src/manifest.js';

/** The handler module's exports, looked up by the export name in a subscription's `file#export` handler string. */
const handlerExports: Readonly<Record<string, unknown>> = handlers;

const COUNTY = '370405000000';
const JIANTOUJI = '370405103000';

/** What the identification service holds at the end of the scenario (the source of truth for the stocks). */
const source = new Map<string, { region: string; status: string; size: number; colour: string | null }>();

let seq = 0;
const delivered: EventEnvelope[] = [];

function envelope<D extends EventDefinition>(def: D, data: unknown, occurredAt: string): EventEnvelope {
  seq += 1;
  return {
    id: `EV${String(seq).padStart(5, '0')}`,
    type: def.type,
    source: def.type.split('.')[0] as string,
    occurredAt,
    subject: 'scenario',
    schemaVersion: 1,
    data: def.data.parse(data) as Record<string, unknown>,
  };
}

async function deliver(env: EventEnvelope): Promise<unknown> {
  const entry = handlers.SUBSCRIPTIONS.find((s) => s.event === env.type);
  if (!entry) throw new Error(`no subscriber for ${env.type}`);
  const name = entry.handler.split('#')[1] as string;
  const handler = handlerExports[name] as (event: unknown, context: unknown) => Promise<{ status: string }>;
  delivered.push(env);
  return handler(toDelivery(env), lambdaContext('dispatch-test', env.id));
}

function snapshot(id: string, region: string, size: number, status: string, colour?: string, registeredAt?: string) {
  return {
    householdId: id,
    region,
    group: '1组',
    headName: '测试',
    size,
    status,
    attribute: '一般贫困户',
    standard: 'provincial',
    mainCause: '01',
    secondaryCauses: [],
    incomeYear: 2016,
    incomePerCapitaFen: 250_000,
    welfare: { food: true, clothing: true, education: true, medical: true, housing: true, water: true },
    ...(colour ? { colour } : {}),
    ...(registeredAt ? { registeredAt } : {}),
    members: [],
  };
}

async function household(
  def: EventDefinition,
  id: string,
  region: string,
  size: number,
  status: string,
  colour: string | undefined,
  at: string,
  extra: Record<string, unknown> = {},
) {
  const registeredAt = def === ie.householdRegistered ? at.slice(0, 10) : undefined;
  const env = envelope(def, { householdId: id, region, snapshot: snapshot(id, region, size, status, colour, registeredAt), ...extra }, at);
  await deliver(env);
  source.set(id, { region, status, size, colour: colour ?? null });
  return env;
}

describe('dispatch read model and monthly report after a scenario (DynamoDB Local)', () => {
  let cloud: LocalCloud;
  let county: string;
  let town: string;
  let zhujian: string;
  let firstBuild: { digest: string; report: unknown };

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest]);
    county = await cloud.login('county');
    town = await cloud.login('town-jiantouji');
    zhujian = await cloud.login('dept-zhujian');

    // Identification: four registrations, two exits, a return, two monitoring signals.
    await household(ie.householdRegistered, 'H1', '370405103201', 3, 'REGISTERED', 'RED', '2017-01-10T02:00:00.000Z');
    await household(ie.householdRegistered, 'H2', '370405103202', 2, 'REGISTERED', 'YELLOW', '2017-01-12T02:00:00.000Z');
    await household(ie.householdRegistered, 'H3', '370405101201', 4, 'REGISTERED', undefined, '2017-02-03T02:00:00.000Z');
    const h4 = await household(ie.householdRegistered, 'H4', '370405101201', 1, 'REGISTERED', 'ORANGE', '2017-03-05T02:00:00.000Z');
    await household(ie.householdExited, 'H2', '370405103202', 2, 'EXITED_WITH_POLICY', 'GREEN', '2017-02-20T02:00:00.000Z', { exitedAt: '2017-02-20', policyUntil: '2019-12-31' });
    const h1exit = await household(ie.householdExited, 'H1', '370405103201', 3, 'EXITED_WITH_POLICY', 'GREEN', '2017-03-15T02:00:00.000Z', {
      exitedAt: '2017-03-15',
      policyUntil: '2019-12-31',
    });
    await household(ie.householdReturned, 'H2', '370405103202', 2, 'RE_REGISTERED', 'RED', '2017-03-20T02:00:00.000Z');
    await household(ie.monitoringIdentified, 'H5', '370405102201', 2, 'APPLYING', undefined, '2017-02-01T02:00:00.000Z', {
      monitorType: '边缘易致贫户',
      signalledAt: '2017-02-01',
    });
    await household(ie.monitoringIdentified, 'H6', '370405102201', 3, 'APPLYING', undefined, '2017-03-01T02:00:00.000Z', {
      monitorType: '突发严重困难户',
      signalledAt: '2017-03-01',
    });
    await household(ie.householdChanged, 'H6', '370405102201', 3, 'MONITORED', 'YELLOW', '2017-03-10T02:00:00.000Z', { changes: ['status'] });
    // A stale change (older than the registration already counted) must not move any stock.
    const stale = envelope(
      ie.householdChanged,
      { householdId: 'H3', region: '370405101201', snapshot: snapshot('H3', '370405101201', 4, 'REGISTERED', 'RED'), changes: ['colour'] },
      '2017-01-01T00:00:00.000Z',
    );
    await deliver(stale);
    // Repeated deliveries have no second effect.
    expect(await deliver(h4)).toEqual({ status: 'duplicate' });
    expect(await deliver(h1exit)).toEqual({ status: 'duplicate' });

    // Subsidy: a run, its re-run for the same (period, region), a roster approved and paid.
    // The two attempts differ only in their id, the edu amount and when they completed.
    const runCompleted = (runId: string, eduFen: number, at: string) =>
      deliver(
        envelope(
          sub.runCompleted,
          {
            runId,
            period: '2017-03',
            region: COUNTY,
            catalogVersion: 'v1',
            households: 3,
            totalFen: eduFen + 30_000,
            byItem: { edu: { households: 2, totalFen: eduFen }, med: { households: 1, totalFen: 30_000 } },
          },
          at,
        ),
      );
    await runCompleted('R1', 20_000, '2017-03-25T01:00:00.000Z');
    await runCompleted('R2', 30_000, '2017-03-26T01:00:00.000Z');
    await deliver(
      envelope(
        sub.rosterApproved,
        { rosterId: 'RS1', period: '2017-03', region: JIANTOUJI, totalFen: 30_000, byItem: { edu: { households: 2, totalFen: 30_000 } } },
        '2017-03-27T01:00:00.000Z',
      ),
    );
    await deliver(envelope(sub.rosterPaid, { rosterId: 'RS1', period: '2017-03', region: JIANTOUJI, totalFen: 30_000 }, '2017-03-28T01:00:00.000Z'));

    // Scoring: two loans, one overdue.
    await deliver(
      envelope(
        se.loanIssued,
        { loanId: 'L1', bankId: 'rcb', householdId: 'H3', region: '370405101201', amountFen: 5_000_000, issuedOn: '2017-03-02', termMonths: 36 },
        '2017-03-02T01:00:00.000Z',
      ),
    );
    await deliver(
      envelope(
        se.loanIssued,
        { loanId: 'L2', bankId: 'abc', householdId: 'H4', region: '370405101201', amountFen: 3_000_000, issuedOn: '2017-03-03', termMonths: 36 },
        '2017-03-03T01:00:00.000Z',
      ),
    );
    await deliver(
      envelope(se.loanOverdue, { loanId: 'L1', bankId: 'rcb', householdId: 'H3', region: '370405101201', overdueFen: 100_000, since: '2017-03-25' }, '2017-03-26T01:00:00.000Z'),
    );

    // Notices: two published, one objection lodged and rejected, one window closed.
    const notice = (id: string, region: string, start: string) => ({ noticeId: id, type: 'entry-first', region, windowStart: start, windowEnd: start, entryCount: 1 });
    await deliver(envelope(ne.noticePublished, notice('N1', '370405103201', '2017-03-01'), '2017-03-01T01:00:00.000Z'));
    await deliver(envelope(ne.objectionLodged, { noticeId: 'N1', entryId: 'H1', type: 'entry-first', region: '370405103201' }, '2017-03-03T01:00:00.000Z'));
    await deliver(envelope(ne.objectionDecided, { noticeId: 'N1', type: 'entry-first', entryId: 'H1', outcome: 'rejected' }, '2017-03-06T01:00:00.000Z'));
    await deliver(
      envelope(
        ne.noticeWindowClosed,
        { noticeId: 'N1', type: 'entry-first', region: '370405103201', closedAt: '2017-03-08T16:00:00.000Z', entries: [{ entryId: 'H1', outcome: 'clear' }] },
        '2017-03-08T16:00:00.000Z',
      ),
    );
    await deliver(envelope(ne.noticePublished, notice('N2', '370405101201', '2017-03-10'), '2017-03-10T01:00:00.000Z'));
  });
  afterAll(() => cloud?.stop());

  const metricsOf = (report: { metrics: { metric: string; value: number; previous: number }[] }) =>
    Object.fromEntries(report.metrics.map((m) => [m.metric, m])) as Record<string, any>;

  function expectedStocks(region: string) {
    const within = [...source.values()].filter((h) => isWithinRegion(h.region, region));
    return {
      'stock.hh.poor': within.filter((h) => h.status === 'REGISTERED' || h.status === 'RE_REGISTERED').length,
      'stock.persons.poor': within.filter((h) => h.status === 'REGISTERED' || h.status === 'RE_REGISTERED').reduce((s, h) => s + h.size, 0),
      'stock.hh.exited': within.filter((h) => h.status.startsWith('EXITED')).length,
      'stock.hh.monitored': within.filter((h) => h.status === 'MONITORED').length,
      'stock.colour.RED': within.filter((h) => h.colour === 'RED').length,
      'stock.colour.ORANGE': within.filter((h) => h.colour === 'ORANGE').length,
      'stock.colour.YELLOW': within.filter((h) => h.colour === 'YELLOW').length,
      'stock.colour.GREEN': within.filter((h) => h.colour === 'GREEN').length,
    };
  }

  it('builds the March report whose counts equal what the source services hold', async () => {
    const run = await call(cloud, 'POST', '/dispatch/jobs/monthly-dispatch-build/runs', { token: county, body: { period: '2017-03' } });
    expect(run.status).toBe(200);
    expect(run.body.runs[0]).toMatchObject({ outcome: 'succeeded', period: '2017-03', region: COUNTY, counts: { reports: 7, changed: 7 } });
    const response = await call(cloud, 'GET', `/dispatch/reports/${COUNTY}/2017-03`, { token: county });
    expect(response.status).toBe(200);
    firstBuild = response.body;
    const report = response.body.report;
    const m = metricsOf(report);
    // Stocks at the end of March equal the identification register.
    for (const [metric, value] of Object.entries(expectedStocks(COUNTY))) expect([metric, m[metric].value]).toEqual([metric, value]);
    // Flows of March and February (month-on-month).
    const exits = new Map(delivered.filter((e) => e.type === ie.householdExited.type).map((e) => [e.id, e])); // one per event id
    const exitedIn = (month: string) => [...exits.values()].filter((e) => String(e.data.exitedAt).startsWith(month));
    expect(m['persons.exited']).toMatchObject({ value: exitedIn('2017-03').reduce((s, e) => s + Number((e.data.snapshot as { size: number }).size), 0), previous: 2 });
    expect(m['hh.registered']).toMatchObject({ value: 1, previous: 1, change: 0 });
    expect(m['hh.returned'].value).toBe(1);
    expect(m['hh.monitoring.identified']).toMatchObject({ value: 1, previous: 1 });
    // Subsidy: the re-run replaced the first run; paid items come from the approved roster.
    expect(m['subsidy.computed.fen'].value).toBe(60_000);
    expect(m['subsidy.computed.fen.edu'].value).toBe(30_000);
    expect(m['subsidy.paid.fen.edu'].value).toBe(30_000);
    expect(m['loans.issued']).toMatchObject({ value: 2 });
    expect(m['loans.issued.fen'].value).toBe(8_000_000);
    expect(m['stock.loans.overdue'].value).toBe(1);
    expect(m['notices.published'].value).toBe(2);
    expect(m['stock.notices.open'].value).toBe(1);
    expect(m['notices.objections.rejected'].value).toBe(1);
    expect(m['stock.objections.open'].value).toBe(0);
    // Towns: 涧头集 holds H1 (exited) and H2 (returned).
    const jiantouji = report.children.find((c: { region: string }) => c.region === JIANTOUJI);
    for (const [metric, value] of Object.entries(expectedStocks(JIANTOUJI))) expect([metric, jiantouji.values[metric]]).toEqual([metric, value]);
    // The 15-day monitoring limit (workflows.md §1.4): H5 signalled 02-01, deadline 02-16, still open at 03-31.
    expect(report.overdue.monitoring).toEqual([
      { householdId: 'H5', region: '370405102201', signalledOn: '2017-02-01', deadline: '2017-02-16', completedOn: null, daysOverdue: 43, alert: 'RED' },
    ]);
    // Progress vs the 2017 target (1,422, conflict flagged): 5 persons exited against 355.5 expected.
    const target = report.targets.find((t: { code: string }) => t.code === 'exit.persons.2017');
    expect(target).toMatchObject({ target: 1422, expected: 355.5, actual: 5, status: 'behind' });
    expect(target.conflict.figures.map((f: { value: number }) => f.value)).toEqual([1422, 1359, 1622]);
    // Nobody filed: every expected unit is listed as missing.
    expect(report.filings.missing.map((f: { filer: string }) => f.filer)).toContain(`town:${JIANTOUJI}`);
  });

  it('re-running the same month gives byte-identical report data and records both runs', async () => {
    const again = await call(cloud, 'POST', '/dispatch/jobs/monthly-dispatch-build/runs', { token: county, body: { period: '2017-03', region: COUNTY } });
    expect(again.body.runs[0]).toMatchObject({ outcome: 'succeeded', counts: { reports: 7, changed: 0 } });
    const response = await call(cloud, 'GET', `/dispatch/reports/${COUNTY}/2017-03`, { token: county });
    expect(response.body.digest).toBe(firstBuild.digest);
    expect(JSON.stringify(response.body.report)).toBe(JSON.stringify((firstBuild as { report: unknown }).report));
    const runs = await call(cloud, 'GET', '/dispatch/jobs/monthly-dispatch-build/runs?period=2017-03', { token: county });
    expect(runs.body.items).toHaveLength(2);
    for (const r of runs.body.items) {
      expect(r.outcome).toBe('succeeded');
      expect(Date.parse(r.endedAt)).toBeGreaterThanOrEqual(Date.parse(r.startedAt));
    }
  });

  it('takes department and town filings: late flagged, duplicates 409, corrections recorded, listed in the report', async () => {
    // Filed in April 2017: within the filing window of March (a period long closed is refused, issue 21).
    process.env.JZ_CLOCK_OFFSET_MS = String(Date.parse('2017-04-20T02:00:00Z') - Date.now());
    onTestFinished(() => {
      delete process.env.JZ_CLOCK_OFFSET_MS;
    });
    const body = { period: '2017-03', figures: { 'housing.step.IN_CONSTRUCTION': 4, 'housing.step.ACCEPTED': 2, 'housing.completed': 9 } };
    const first = await call(cloud, 'POST', '/dispatch/filings', { token: town, body });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ filer: `town:${JIANTOUJI}`, due: '2017-04-05', late: true, corrections: 0 });
    const duplicate = await call(cloud, 'POST', '/dispatch/filings', { token: town, body });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('FILING_DUPLICATE');
    const corrected = await call(cloud, 'POST', '/dispatch/filings', {
      token: town,
      body: { ...body, figures: { ...body.figures, 'housing.completed': 10 }, correction: { reason: '竣工户数漏报一户' } },
    });
    expect(corrected.body).toMatchObject({ corrections: 1, reason: '竣工户数漏报一户', figures: { 'housing.completed': 10 } });
    const csv = Buffer.from('指标,数值\nhousing.completed,120\n').toString('base64');
    const upload = await call(cloud, 'POST', '/dispatch/filings/upload', { token: zhujian, body: { period: '2017-03', format: 'csv', contentBase64: csv } });
    expect(upload.status).toBe(200);
    expect(upload.body).toMatchObject({ filer: 'dept:zhujian', figures: { 'housing.completed': 120 } });
    const bad = await call(cloud, 'POST', '/dispatch/filings/upload', { token: zhujian, body: { period: '2017-02', format: 'xlsx', contentBase64: csv } });
    expect([bad.status, bad.body.code]).toEqual([400, 'UPLOAD_UNREADABLE']);
    const negative = await call(cloud, 'POST', '/dispatch/filings', { token: zhujian, body: { period: '2017-02', figures: { 'housing.completed': -1 } } });
    expect(negative.status).toBe(400);
    expect((await call(cloud, 'POST', '/dispatch/filings', { token: county, body })).status).toBe(403);

    const rebuilt = await call(cloud, 'POST', '/dispatch/jobs/monthly-dispatch-build/runs', { token: county, body: { period: '2017-03' } });
    expect(rebuilt.body.runs[0].counts.changed).toBeGreaterThan(0);
    const report = (await call(cloud, 'GET', `/dispatch/reports/${COUNTY}/2017-03`, { token: county })).body.report;
    expect(report.filings.late.map((f: { filer: string }) => f.filer)).toEqual(['dept:zhujian', `town:${JIANTOUJI}`]);
    expect(report.housing).toMatchObject({ reportingTowns: [JIANTOUJI], completed: 10, byStep: { IN_CONSTRUCTION: 4, ACCEPTED: 2 } });
    const housingTarget = report.targets.find((t: { code: string }) => t.code === 'housing.renovated.2017');
    expect(housingTarget).toMatchObject({ actual: 120, target: 376 });
    const overdue = await call(cloud, 'POST', '/dispatch/jobs/monthly-dispatch-overdue/runs', { token: county, body: { period: '2017-03' } });
    expect(overdue.body.runs[0].counts).toEqual({ received: 2, late: 2, missing: 14, recorded: 1 });
  });

  it('refuses a future period, keeps out other counties, serves XLSX and chart series', async () => {
    const future = await call(cloud, 'POST', '/dispatch/jobs/monthly-dispatch-build/runs', { token: county, body: { period: '2999-01' } });
    expect([future.status, future.body.code]).toEqual([422, 'PERIOD_IN_FUTURE']);
    expect((await call(cloud, 'GET', `/dispatch/reports/${COUNTY}/2999-01`, { token: county })).body.code).toBe('PERIOD_IN_FUTURE');
    expect((await call(cloud, 'GET', `/dispatch/reports/${COUNTY}/2017-01`, { token: county })).body.code).toBe('REPORT_NOT_BUILT');
    const other = await cloud.login('other-county');
    expect((await call(cloud, 'GET', `/dispatch/reports/${COUNTY}/2017-03`, { token: other })).body.code).toBe('OUT_OF_SCOPE');
    const xlsx = await fetch(`${cloud.url}/dispatch/reports/${COUNTY}/2017-03?format=xlsx`, { headers: { authorization: `Bearer ${county}` } });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    // Exactly one byte-order mark: the text of a fetch drops one, so the bytes are counted.
    expect(leadingBoms(await download(cloud, `/dispatch/reports/${COUNTY}/2017-03?format=csv`, county))).toBe(1);
    const series = await call(cloud, 'GET', `/dispatch/series?region=${COUNTY}&metric=persons.exited&from=2017-01&to=2017-03`, { token: county });
    expect(series.body.target).toMatchObject({ code: 'exit.persons.2017' });
    expect(series.body.points).toEqual([
      { period: '2017-01', value: 0, cumulative: 0, target: 118.5 },
      { period: '2017-02', value: 2, cumulative: 2, target: 237 },
      { period: '2017-03', value: 3, cumulative: 5, target: 355.5 },
    ]);
  });

  it('edits targets with history and refuses impossible values', async () => {
    const path = `/dispatch/targets/${COUNTY}/exit.persons.2017`;
    const listed = await call(cloud, 'GET', `/dispatch/targets?jurisdiction=${COUNTY}`, { token: county });
    const current = listed.body.items.find((i: { target: { code: string } }) => i.target.code === 'exit.persons.2017');
    expect(current.version).toBe(0);
    const { jurisdiction: _j, code: _c, ...fields } = current.target;
    const impossible = await call(cloud, 'PUT', path, { token: county, body: { ...fields, target: -3, expectedVersion: 0, reason: '测试' } });
    expect([impossible.status, impossible.body.code]).toEqual([422, 'TARGET_IMPOSSIBLE']);
    const edited = await call(cloud, 'PUT', path, { token: county, body: { ...fields, target: 1359, expectedVersion: 0, reason: '按正文计划1359人（L729）' } });
    expect(edited.body).toMatchObject({ version: 1, target: { target: 1359 } });
    const stale = await call(cloud, 'PUT', path, { token: county, body: { ...fields, target: 1400, expectedVersion: 0, reason: '过期版本' } });
    expect(stale.status).toBe(409);
    expect((await call(cloud, 'PUT', path, { token: town, body: { ...fields, expectedVersion: 1, reason: '镇无权' } })).status).toBe(403);
    const history = await call(cloud, 'GET', `${path}/history`, { token: county });
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({ targetVersion: 1, previous: { target: 1422 }, target: { target: 1359 } });
  });

  it('records a failed run visibly and succeeds when re-run after the fault is fixed', async () => {
    const table = cloud.tableName('dispatch');
    const broken = { pk: `TARGET#${COUNTY}`, sk: 'broken.row' };
    await documentClient().send(new PutCommand({ TableName: table, Item: { ...broken, entity: 'target', version: 1, target: { code: 'broken.row' } } }));
    const failed = await call(cloud, 'POST', '/dispatch/jobs/quarterly-summary/runs', { token: county, body: { period: '2017-Q1' } });
    expect([failed.status, failed.body.code]).toEqual([500, 'JOB_RUN_FAILED']);
    const runs = await call(cloud, 'GET', '/dispatch/jobs/quarterly-summary/runs?period=2017-Q1', { token: county });
    expect(runs.body.items.map((r: { outcome: string }) => r.outcome)).toEqual(['failed']);
    expect(runs.body.items[0].error.code).toBe('JOB_FAILED');
    await documentClient().send(new DeleteCommand({ TableName: table, Key: broken }));
    const rerun = await call(cloud, 'POST', '/dispatch/jobs/quarterly-summary/runs', { token: county, body: { period: '2017-Q1' } });
    expect(rerun.body.runs[0]).toMatchObject({ outcome: 'succeeded', counts: { reports: 7 } });
    const quarter = await call(cloud, 'GET', `/dispatch/reports/${COUNTY}/2017-Q1?kind=quarterly`, { token: county });
    const m = metricsOf(quarter.body.report);
    expect(m['hh.registered'].value).toBe(4);
    expect(m['persons.exited'].value).toBe(5);
  });
});
