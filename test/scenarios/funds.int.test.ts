import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { services } from '../../services/registry.js';

/**
 * Issue 16 "Must show" over HTTP: the county receives a fund and splits it by factors (published as
 * 分配结果), a village proposes an industry project with beneficiary households, the county selects it
 * with the meeting record, it is paid in milestones, accepted, handed over as an asset, its income is
 * distributed by the rule (households and the 孝善养老基金), households see it, the disclosures are
 * on the public board, and the dispatch report shows the money received and spent.
 * Every refusal the issue names is tried on the way, with nothing written.
 */
const COUNTY = '370405000000';
const JIANTOUJI = '370405103000';
const NIGOU = '370405102000';
const FENGZHUANG = '370405103201';
const XILANCHENG = '370405102201';

describe('funds: allocation → project → payments → asset → income → households, board and dispatch (over HTTP)', () => {
  let cloud: LocalCloud;
  let county: string;
  let village: string;
  let fundId: string;
  let projectId: string;
  let assetId: string;
  let households: string[];
  let outsider: string;

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), services, { demo: true });
    county = await cloud.login('county');
    village = await cloud.login('village-fengzhuang');
    const inVillage = await call(cloud, 'GET', `/households?region=${FENGZHUANG}&status=REGISTERED&limit=100`, { token: county });
    households = inVillage.body.items.slice(0, 3).map((h: { householdId: string }) => h.householdId);
    const elsewhere = await call(cloud, 'GET', `/households?region=${XILANCHENG}&status=REGISTERED&limit=5`, { token: county });
    outsider = elsewhere.body.items[0].householdId;
  }, 240_000);
  afterAll(() => cloud?.stop());

  it('receives a fund and allocates it to towns by the factor method, explained per town', async () => {
    expect(households).toHaveLength(3);
    const received = await call(cloud, 'POST', '/funds/funds', {
      token: county,
      body: {
        region: COUNTY,
        year: 2019,
        level: 'city',
        title: '2019年市级财政专项扶贫资金',
        documentNo: '枣财农〔2019〕12号',
        purpose: '产业发展',
        amountFen: 100_000_000,
        receivedOn: '2019-03-01',
      },
    });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    fundId = received.body.fundId;
    const factors = await call(cloud, 'GET', `/funds/factor-sets/${COUNTY}`, { token: county });
    expect(factors.body.current.version).toBe(1);
    const recipients = [
      { region: JIANTOUJI, name: '涧头集镇', values: { labourPoor: 600, fiscalPerCapitaYuan: 2000 } },
      { region: NIGOU, name: '泥沟镇', values: { labourPoor: 400, fiscalPerCapitaYuan: 2000 } },
    ];
    // 70 × 0.6 + 30 × 0.5 = 57% of 100 万元 to 涧头集.
    const allocation = await call(cloud, 'POST', `/funds/funds/${fundId}/allocations`, {
      token: county,
      body: { fromRegion: COUNTY, amountFen: 100_000_000, factorSetVersion: 1, recipients, expectedPotVersion: received.body.pots[0].version },
    });
    expect(allocation.status, JSON.stringify(allocation.body)).toBe(200);
    expect(allocation.body.lines.map((l: { region: string; amountFen: number }) => [l.region, l.amountFen])).toEqual([
      [JIANTOUJI, 57_000_000],
      [NIGOU, 43_000_000],
    ]);
    expect(allocation.body.lines[0].explanation[0]).toMatchObject({ code: 'labourPoor', value: 600, sharePpm: 600_000 });
    // The same money cannot be allocated twice: the source pot's version moved on.
    const again = await call(cloud, 'POST', `/funds/funds/${fundId}/allocations`, {
      token: county,
      body: { fromRegion: COUNTY, amountFen: 1, factorSetVersion: 1, recipients, expectedPotVersion: received.body.pots[0].version },
    });
    expect(again.status).toBe(409);
  }, 60_000);

  it('a village proposes an industry project; a beneficiary outside the village is refused and nothing is written', async () => {
    const body = {
      name: '冯庄村设施蔬菜大棚',
      type: 'industry',
      region: FENGZHUANG,
      implementer: '冯庄村股份经济合作社',
      year: 2019,
      budgetFen: 30_000_000,
      plannedStart: '2019-04-01',
      plannedEnd: '2019-10-31',
      description: '新建设施蔬菜大棚 10 座，资产归村集体，收益折股量化到贫困户',
      beneficiaries: households.map((householdId, i) => ({ householdId, link: 'shares', shares: i === 0 ? 2 : 1 })),
      evidence: [{ kind: 'proposal', ref: '冯庄村大棚项目申报书.pdf' }],
    };
    const before = (await call(cloud, 'GET', `/funds/projects?region=${FENGZHUANG}`, { token: village })).body.items.length;
    const outside = await call(cloud, 'POST', '/funds/projects', {
      token: village,
      body: { ...body, beneficiaries: [...body.beneficiaries, { householdId: outsider, link: 'shares', shares: 1 }] },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.code).toBe('BENEFICIARY_OUTSIDE_REGION');
    expect((await call(cloud, 'GET', `/funds/projects?region=${FENGZHUANG}`, { token: village })).body.items).toHaveLength(before);
    const proposed = await call(cloud, 'POST', '/funds/projects', { token: village, body });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    expect(proposed.body.state).toBe('RESERVE');
    projectId = proposed.body.projectId;
  }, 60_000);

  it('the county selects it with the meeting record and commits the town money within the budget', async () => {
    const project = (await call(cloud, 'GET', `/funds/projects/${projectId}`, { token: county })).body;
    const pot = `${fundId}:${JIANTOUJI}`;
    const byVillage = await call(cloud, 'POST', `/funds/projects/${projectId}/steps`, {
      token: village,
      body: {
        action: 'approve',
        expectedVersion: project.version,
        evidence: [{ kind: 'meeting-minutes', ref: '纪要.pdf' }],
        meeting: { date: '2019-03-20', body: '区扶贫开发领导小组', decision: '同意立项' },
      },
    });
    expect(byVillage.status).toBe(403);
    const approveBody = (amountFen: number) => ({
      action: 'approve',
      expectedVersion: project.version,
      evidence: [{ kind: 'meeting-minutes', ref: '区扶贫开发领导小组第3次会议纪要.pdf' }],
      meeting: { date: '2019-03-20', body: '区扶贫开发领导小组', decision: '同意立项，安排市级专项资金30万元' },
      commitments: [{ potId: pot, amountFen }],
    });
    const over = await call(cloud, 'POST', `/funds/projects/${projectId}/steps`, { token: county, body: approveBody(30_000_001) });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('BUDGET_EXCEEDED');
    const approved = await call(cloud, 'POST', `/funds/projects/${projectId}/steps`, { token: county, body: approveBody(30_000_000) });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ state: 'APPROVED', committedFen: 30_000_000, disbursedFen: 0 });
    // No payment before implementation starts.
    const early = await call(cloud, 'POST', `/funds/projects/${projectId}/payments`, {
      token: county,
      body: {
        potId: pot,
        amountFen: 100,
        payee: '冯庄村股份经济合作社',
        paidOn: '2019-03-25',
        evidence: [{ kind: 'invoice', ref: 'x.pdf' }],
        expectedVersion: approved.body.version,
      },
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PROJECT_NOT_PAYABLE');
  }, 60_000);

  it('is implemented and paid in milestones, never above what was committed, then accepted and immutable', async () => {
    const pot = `${fundId}:${JIANTOUJI}`;
    let version = (await call(cloud, 'GET', `/funds/projects/${projectId}`, { token: county })).body.version;
    const step = async (token: string, body: Record<string, unknown>) => {
      const r = await call(cloud, 'POST', `/funds/projects/${projectId}/steps`, { token, body: { ...body, expectedVersion: version } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      version = r.body.version;
      return r.body;
    };
    const pay = async (amountFen: number, paidOn: string) => {
      const r = await call(cloud, 'POST', `/funds/projects/${projectId}/payments`, {
        token: county,
        body: { potId: pot, amountFen, payee: '冯庄村股份经济合作社', paidOn, evidence: [{ kind: 'invoice', ref: `报账单-${paidOn}.pdf` }], expectedVersion: version },
      });
      if (r.status === 200) version = r.body.project.version;
      return r;
    };
    await step(village, { action: 'start', evidence: [{ kind: 'implementation-plan', ref: '实施方案.docx' }] });
    await step(village, {
      action: 'milestone',
      milestone: { name: '主体钢架完成', date: '2019-06-10', progressPercent: 50 },
      evidence: [{ kind: 'progress-photo', ref: '钢架.jpg' }],
    });
    expect((await pay(15_000_000, '2019-06-15')).status).toBe(200);
    await step(village, { action: 'milestone', milestone: { name: '完工', date: '2019-10-20', progressPercent: 100 }, evidence: [{ kind: 'progress-photo', ref: '完工.jpg' }] });
    expect((await pay(14_000_000, '2019-10-25')).status).toBe(200);
    const overspend = await pay(1_000_001, '2019-10-26');
    expect(overspend.status).toBe(409);
    expect(overspend.body.code).toBe('COMMITTED_INSUFFICIENT');
    const accepted = await step(county, { action: 'accept', evidence: [{ kind: 'acceptance-report', ref: '竣工验收报告.pdf' }] });
    expect(accepted).toMatchObject({ state: 'ACCEPTED', disbursedFen: 29_000_000, committedFen: 1_000_000 });
    const edit = await call(cloud, 'PATCH', `/funds/projects/${projectId}`, { token: village, body: { budgetFen: 40_000_000, reason: '追加', expectedVersion: version } });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('PROJECT_IMMUTABLE');
    // The settlement after acceptance is the last payment the documents allow.
    expect((await pay(1_000_000, '2019-11-05')).status).toBe(200);
    const ledger = await call(cloud, 'GET', `/funds/funds/${fundId}/entries?limit=100`, { token: county });
    expect(ledger.body.balanced).toBe(true);
    expect(ledger.body.items.map((e: { kind: string }) => e.kind)).toEqual(['received', 'allocated', 'allocated', 'committed', 'disbursed', 'disbursed', 'disbursed']);
  }, 120_000);

  it('becomes an asset; its income is distributed by the rule, never above what was recorded, and households see it', async () => {
    let project = (await call(cloud, 'GET', `/funds/projects/${projectId}`, { token: county })).body;
    const handover = await call(cloud, 'POST', `/funds/projects/${projectId}/steps`, {
      token: county,
      body: {
        action: 'handover',
        expectedVersion: project.version,
        evidence: [{ kind: 'handover', ref: '资产移交书.pdf' }],
        asset: {
          name: '冯庄村蔬菜大棚（10座）',
          operator: '冯庄村股份经济合作社',
          maintainer: '冯庄村村委会',
          supervisor: '涧头集镇扶贫办',
          valueFen: 30_000_000,
          rule: { collectivePercent: 20, collectiveFund: 'filial-piety-fund' },
        },
      },
    });
    expect(handover.status, JSON.stringify(handover.body)).toBe(200);
    project = handover.body;
    expect(project.state).toBe('HANDED_OVER');
    assetId = project.assetId;
    let asset = (await call(cloud, 'GET', `/funds/assets/${assetId}`, { token: village })).body;
    expect(asset).toMatchObject({ owner: '村集体经济组织', operator: '冯庄村股份经济合作社', region: FENGZHUANG });
    const income = await call(cloud, 'POST', `/funds/assets/${assetId}/incomes`, {
      token: village,
      body: { period: '2019-12', amountFen: 1_000_000, source: '大棚租金', evidence: [{ kind: 'other', ref: '租金收据.pdf' }], expectedVersion: asset.version },
    });
    expect(income.status, JSON.stringify(income.body)).toBe(200);
    asset = income.body;
    const earlier = (await call(cloud, 'GET', `/funds/households/${households[0]}/benefits`, { token: village })).body.totalFen;
    const before = (await call(cloud, 'GET', `/households/${households[0]}`, { token: village })).body;
    const over = await call(cloud, 'POST', `/funds/assets/${assetId}/distributions`, {
      token: village,
      body: { period: '2019-12', amountFen: 1_000_001, expectedVersion: asset.version },
    });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('OVER_DISTRIBUTION');
    const distributed = await call(cloud, 'POST', `/funds/assets/${assetId}/distributions`, {
      token: village,
      body: { period: '2019-12', amountFen: 1_000_000, expectedVersion: asset.version },
    });
    expect(distributed.status, JSON.stringify(distributed.body)).toBe(200);
    // 20% to the 孝善养老基金; 8,000 元 by shares 2 : 1 : 1.
    expect(distributed.body.collectiveFen).toBe(200_000);
    expect(distributed.body.lines.map((l: { amountFen: number }) => l.amountFen)).toEqual([400_000, 200_000, 200_000]);
    const benefits = await call(cloud, 'GET', `/funds/households/${households[0]}/benefits`, { token: village });
    expect(benefits.status).toBe(200);
    expect(benefits.body.totalFen).toBe(earlier + 400_000);
    expect(benefits.body.items).toContainEqual(expect.objectContaining({ assetName: '冯庄村蔬菜大棚（10座）', period: '2019-12', amountFen: 400_000, incomeKind: 'property' }));
    const otherVillage = await cloud.login('village-xilancheng');
    expect((await call(cloud, 'GET', `/funds/households/${households[0]}/benefits`, { token: otherVillage })).status).toBe(403);
    // The household card in identification shows it (decision Identification 42): the register's income is
    // the 2017 survey, so a 2019 distribution is kept as a fact and not counted in it.
    await cloud.drain();
    const card = (await call(cloud, 'GET', `/households/${households[0]}`, { token: village })).body;
    expect(card.distributions).toContainEqual(
      expect.objectContaining({
        distributionId: distributed.body.distributionId,
        assetName: '冯庄村蔬菜大棚（10座）',
        period: '2019-12',
        amountFen: 400_000,
        linkZh: '折股量化',
        counted: false,
      }),
    );
    expect(card.distributions[0].notCountedZh).toContain('2019年');
    expect(card.income).toEqual(before.income);
  }, 120_000);

  it('the disclosures are on the public board, and the dispatch report shows received and spent money', async () => {
    await cloud.drain();
    const funds = await call(cloud, 'GET', `/public/disclosures?region=${COUNTY}&type=fund-disclosure&limit=50`);
    expect(funds.status).toBe(200);
    expect(funds.body.items.some((n: { title: string }) => n.title === '2019年市级财政专项扶贫资金分配结果')).toBe(true);
    const projects = await call(cloud, 'GET', `/public/disclosures?region=${FENGZHUANG}&type=project-disclosure&limit=50`);
    const titles = projects.body.items.map((n: { title: string }) => n.title);
    expect(titles).toContain('冯庄村设施蔬菜大棚项目安排公示');
    expect(titles).toContain('冯庄村设施蔬菜大棚竣工及资金使用公示');
    const income = await call(cloud, 'GET', `/public/notices?region=${FENGZHUANG}&type=asset-income&limit=50`);
    expect(income.body.items.some((n: { title: string }) => n.title.includes('冯庄村蔬菜大棚'))).toBe(true);

    const build = await call(cloud, 'POST', '/dispatch/jobs/monthly-dispatch-build/runs', { token: county, body: { period: '2019-11', region: COUNTY } });
    expect(build.status, JSON.stringify(build.body)).toBe(200);
    const report = (await call(cloud, 'GET', `/dispatch/reports/${COUNTY}/2019-11`, { token: county })).body.report;
    const metric = (name: string) => report.metrics.find((m: { metric: string }) => m.metric === name);
    // The report's stocks equal the ledger: everything the county received (the demo's funds and this one) and paid by November.
    const ledger = (await call(cloud, 'GET', `/funds/funds?region=${COUNTY}&year=2019`, { token: county })).body.items as { amountFen: number; pots: { disbursedFen: number }[] }[];
    expect(ledger.length).toBeGreaterThan(1);
    expect(metric('stock.funds.received.fen')).toMatchObject({ value: ledger.reduce((s, f) => s + f.amountFen, 0), label: '扶贫资金累计到位（月末）' });
    expect(metric('stock.funds.disbursed.fen').value).toBe(ledger.reduce((s, f) => s + f.pots.reduce((t, p) => t + p.disbursedFen, 0), 0));
    expect(metric('funds.disbursed.fen').value).toBe(1_000_000);

    const monitoring = await call(cloud, 'GET', `/funds/monitoring?region=${JIANTOUJI}`, { token: county });
    expect(monitoring.status).toBe(200);
    expect(monitoring.body.progress.find((p: { potId: string }) => p.potId === `${fundId}:${JIANTOUJI}`)).toMatchObject({ baseFen: 57_000_000, disbursedFen: 30_000_000 });
  }, 180_000);
});
