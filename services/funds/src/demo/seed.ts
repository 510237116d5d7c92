import { JWT_CLAIM, type Role } from '@jingzhun/types';
import { BENEFICIARY_STATUSES } from '../domain/project.js';
import * as assets from '../handlers/assets.js';
import * as funds from '../handlers/funds.js';
import * as projects from '../handlers/projects.js';
import { householdsIn } from '../store/households.js';

/**
 * Demo data for 台儿庄区 (演示, fictional amounts): a year (2019) of funds received and allocated by
 * the factor method, and projects at every stage of the lifecycle, with an asset whose income was
 * distributed. Everything goes through the service's own handlers (the same rules, ledger, audit,
 * events and disclosures as a staff request), so the board and dispatch get it by events.
 * Runs after identification's demo: beneficiaries are households funds learnt from its events.
 */
const COUNTY = '370405000000';
const TOWNS = { jiantouji: '370405103000', nigou: '370405102000', zhangshanzi: '370405101000' };
const VILLAGES = { fengzhuang: '370405103201', xilancheng: '370405102201', houtang: '370405101201' };

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

interface Caller {
  role: Role;
  region: string;
  name: string;
  department?: string;
}

const countyStaff: Caller = { role: 'county', region: COUNTY, name: '台儿庄区扶贫办（演示）' };
const villageStaff = (region: string, name: string): Caller => ({ role: 'village', region, name });

/** Calls a route handler as a signed-in staff member would through the gateway; a refusal stops the demo. */
async function invoke<T>(handler: unknown, caller: Caller, request: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown }): Promise<T> {
  const event = {
    pathParameters: request.params ?? {},
    queryStringParameters: request.query ?? {},
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    headers: { 'content-type': 'application/json' },
    requestContext: {
      requestId: 'demo',
      http: { sourceIp: '127.0.0.1' },
      authorizer: {
        jwt: {
          claims: {
            sub: `demo-${caller.role}`,
            [JWT_CLAIM.name]: caller.name,
            [JWT_CLAIM.role]: caller.role,
            [JWT_CLAIM.region]: caller.region,
            ...(caller.department ? { [JWT_CLAIM.department]: caller.department } : {}),
          },
        },
      },
    },
  };
  const result = (await (handler as Handler)(event, { functionName: 'funds-demo', awsRequestId: 'demo', getRemainingTimeInMillis: () => 30_000 })) as {
    statusCode: number;
    body: string;
  };
  if (result.statusCode >= 300) throw new Error(`funds demo: ${result.statusCode} ${result.body}`);
  return JSON.parse(result.body) as T;
}

interface ProjectBody {
  projectId: string;
  version: number;
}

async function beneficiariesOf(village: string, count: number, link: string) {
  const households = (await householdsIn(village)).filter((h) => BENEFICIARY_STATUSES.has(h.status)).slice(0, count);
  return households.map((h, i) => ({ householdId: h.householdId, link, shares: i === 0 ? 2 : 1 }));
}

async function receive(level: string, title: string, documentNo: string, amountFen: number, receivedOn: string) {
  return invoke<{ fundId: string; pots: { version: number }[] }>(funds.receiveFund, countyStaff, {
    body: { region: COUNTY, year: 2019, level, title, documentNo, purpose: '产业发展和基础设施', amountFen, receivedOn },
  });
}

/** The towns' factor values (演示): labour-capable poor wishing to develop an industry, and fiscal capacity per head. */
const TOWN_FACTORS = [
  { region: TOWNS.jiantouji, name: '涧头集镇', values: { labourPoor: 620, fiscalPerCapitaYuan: 1800 } },
  { region: TOWNS.nigou, name: '泥沟镇', values: { labourPoor: 480, fiscalPerCapitaYuan: 2100 } },
  { region: TOWNS.zhangshanzi, name: '张山子镇', values: { labourPoor: 350, fiscalPerCapitaYuan: 2600 } },
];

async function allocate(fundId: string, potVersion: number, amountFen: number) {
  return invoke(funds.allocateFund, countyStaff, {
    params: { fundId },
    body: { fromRegion: COUNTY, amountFen, factorSetVersion: 1, recipients: TOWN_FACTORS, expectedPotVersion: potVersion },
  });
}

async function propose(village: string, villageName: string, body: Record<string, unknown>): Promise<ProjectBody> {
  return invoke<ProjectBody>(projects.proposeProject, villageStaff(village, `${villageName}村两委（演示）`), {
    body: { year: 2019, plannedStart: '2019-04-01', plannedEnd: '2019-10-31', evidence: [{ kind: 'proposal', ref: `${body.name}申报书.pdf` }], ...body, region: village },
  });
}

async function step(project: ProjectBody, caller: Caller, body: Record<string, unknown>): Promise<ProjectBody> {
  return invoke<ProjectBody>(projects.stepProject, caller, { params: { projectId: project.projectId }, body: { ...body, expectedVersion: project.version } });
}

async function pay(project: ProjectBody, potId: string, amountFen: number, payee: string, paidOn: string): Promise<ProjectBody> {
  const result = await invoke<{ project: ProjectBody }>(projects.payProject, countyStaff, {
    params: { projectId: project.projectId },
    body: { potId, amountFen, payee, paidOn, evidence: [{ kind: 'invoice', ref: `报账单-${paidOn}.pdf` }], expectedVersion: project.version },
  });
  return result.project;
}

const meeting = (decision: string) => ({ date: '2019-03-28', body: '台儿庄区扶贫开发领导小组', decision });
const minutes = [{ kind: 'meeting-minutes', ref: '区扶贫开发领导小组2019年第2次会议纪要.pdf' }];

export async function seedDemo(): Promise<{ funds: number; projects: number; assets: number }> {
  const central = await receive('central', '2019年中央财政专项扶贫资金', '鲁财农指〔2019〕1号', 800_000_000, '2019-01-20');
  const province = await receive('province', '2019年省级财政专项扶贫资金', '鲁财农指〔2019〕9号', 500_000_000, '2019-03-10');
  // The city's money arrived in May and has not been allocated: the monitoring shows it idle.
  await receive('city', '2019年市级财政专项扶贫资金', '枣财农〔2019〕12号', 300_000_000, '2019-05-15');
  const district = await receive('county', '2019年区级财政专项扶贫资金', '台财农〔2019〕3号', 200_000_000, '2019-02-01');
  await allocate(central.fundId, central.pots[0]?.version ?? 1, 800_000_000);
  await allocate(province.fundId, province.pots[0]?.version ?? 1, 500_000_000);
  await allocate(district.fundId, district.pots[0]?.version ?? 1, 100_000_000);
  const pot = (fund: { fundId: string }, town: string) => `${fund.fundId}:${town}`;

  // 建后管护 with income: 冯庄村光伏电站, 20% of each distribution to the 孝善养老基金.
  let pv = await propose(VILLAGES.fengzhuang, '冯庄', {
    name: '冯庄村村级光伏扶贫电站',
    type: 'pv',
    implementer: '枣庄市新能源工程有限公司',
    budgetFen: 60_000_000,
    description: '建设村级光伏扶贫电站 200 千瓦，产权归村集体，收益按股分配到贫困户',
    beneficiaries: await beneficiariesOf(VILLAGES.fengzhuang, 4, 'shares'),
  });
  pv = await step(pv, countyStaff, {
    action: 'approve',
    evidence: minutes,
    meeting: meeting('同意立项，安排中央专项资金60万元'),
    commitments: [{ potId: pot(central, TOWNS.jiantouji), amountFen: 60_000_000 }],
  });
  pv = await step(pv, villageStaff(VILLAGES.fengzhuang, '冯庄村两委（演示）'), { action: 'start', evidence: [{ kind: 'contract', ref: '光伏电站施工合同.pdf' }] });
  pv = await step(pv, villageStaff(VILLAGES.fengzhuang, '冯庄村两委（演示）'), {
    action: 'milestone',
    milestone: { name: '组件安装完成', date: '2019-06-20', progressPercent: 70 },
    evidence: [{ kind: 'progress-photo', ref: '组件安装.jpg' }],
  });
  pv = await pay(pv, pot(central, TOWNS.jiantouji), 40_000_000, '枣庄市新能源工程有限公司', '2019-06-28');
  pv = await step(pv, villageStaff(VILLAGES.fengzhuang, '冯庄村两委（演示）'), {
    action: 'milestone',
    milestone: { name: '并网发电完成', date: '2019-08-15', progressPercent: 100 },
    evidence: [{ kind: 'progress-photo', ref: '并网.jpg' }],
  });
  pv = await step(pv, countyStaff, { action: 'accept', evidence: [{ kind: 'acceptance-report', ref: '光伏电站竣工验收报告.pdf' }] });
  pv = await pay(pv, pot(central, TOWNS.jiantouji), 20_000_000, '枣庄市新能源工程有限公司', '2019-09-10');
  const handed = await step(pv, countyStaff, {
    action: 'handover',
    evidence: [{ kind: 'handover', ref: '光伏电站资产移交书.pdf' }],
    asset: {
      name: '冯庄村光伏扶贫电站（200千瓦）',
      operator: '冯庄村股份经济合作社',
      maintainer: '枣庄市新能源工程有限公司',
      supervisor: '涧头集镇扶贫办',
      valueFen: 60_000_000,
      rule: { collectivePercent: 20, collectiveFund: 'filial-piety-fund' },
    },
  });
  const assetId = (handed as ProjectBody & { assetId: string }).assetId;
  let asset = await invoke<{ version: number }>(assets.getAsset, countyStaff, { params: { assetId } });
  for (const [period, amountFen] of [
    ['2019-09', 1_860_000],
    ['2019-10', 1_720_000],
    ['2019-11', 1_340_000],
  ] as const) {
    asset = await invoke<{ version: number }>(assets.recordIncome, countyStaff, {
      params: { assetId },
      body: { period, amountFen, source: '光伏发电电费（供电公司按月结算）', evidence: [{ kind: 'other', ref: `电费结算单-${period}.pdf` }], expectedVersion: asset.version },
    });
    await invoke(assets.distributeIncome, countyStaff, { params: { assetId }, body: { period, amountFen, expectedVersion: asset.version } });
    asset = await invoke<{ version: number }>(assets.getAsset, countyStaff, { params: { assetId } });
  }

  // 竣工验收, not yet handed over: 西兰城村扶贫车间.
  let workshop = await propose(VILLAGES.xilancheng, '西兰城', {
    name: '西兰城村就业扶贫车间',
    type: 'workshop',
    implementer: '台儿庄区泥沟建筑工程队',
    budgetFen: 45_000_000,
    description: '建设扶贫车间 600 平方米，吸纳贫困劳动力就近务工',
    beneficiaries: await beneficiariesOf(VILLAGES.xilancheng, 3, 'employment'),
  });
  workshop = await step(workshop, countyStaff, {
    action: 'approve',
    evidence: minutes,
    meeting: meeting('同意立项'),
    commitments: [{ potId: pot(province, TOWNS.nigou), amountFen: 45_000_000 }],
  });
  workshop = await step(workshop, villageStaff(VILLAGES.xilancheng, '西兰城村两委（演示）'), {
    action: 'start',
    evidence: [{ kind: 'implementation-plan', ref: '扶贫车间实施方案.docx' }],
  });
  workshop = await step(workshop, villageStaff(VILLAGES.xilancheng, '西兰城村两委（演示）'), {
    action: 'milestone',
    milestone: { name: '车间主体完工', date: '2019-09-30', progressPercent: 100 },
    evidence: [{ kind: 'progress-photo', ref: '车间完工.jpg' }],
  });
  workshop = await pay(workshop, pot(province, TOWNS.nigou), 40_000_000, '台儿庄区泥沟建筑工程队', '2019-10-08');
  await step(workshop, countyStaff, { action: 'accept', evidence: [{ kind: 'acceptance-report', ref: '扶贫车间竣工验收报告.pdf' }] });

  // 组织实施: 侯塘村生产路硬化, 60% done and half paid.
  let road = await propose(VILLAGES.houtang, '侯塘', {
    name: '侯塘村生产路硬化',
    type: 'infrastructure',
    implementer: '台儿庄区交通建设有限公司',
    budgetFen: 80_000_000,
    plannedEnd: '2019-12-20',
    description: '硬化生产路 3.2 公里，方便贫困户农产品运输',
    beneficiaries: await beneficiariesOf(VILLAGES.houtang, 5, 'service'),
  });
  road = await step(road, countyStaff, {
    action: 'approve',
    evidence: minutes,
    meeting: meeting('同意立项'),
    commitments: [{ potId: pot(central, TOWNS.zhangshanzi), amountFen: 80_000_000 }],
  });
  road = await step(road, villageStaff(VILLAGES.houtang, '侯塘村两委（演示）'), { action: 'start', evidence: [{ kind: 'contract', ref: '道路施工合同.pdf' }] });
  road = await step(road, villageStaff(VILLAGES.houtang, '侯塘村两委（演示）'), {
    action: 'milestone',
    milestone: { name: '路基工程完成', date: '2019-09-15', progressPercent: 60 },
    evidence: [{ kind: 'progress-photo', ref: '路基.jpg' }],
  });
  await pay(road, pot(central, TOWNS.zhangshanzi), 40_000_000, '台儿庄区交通建设有限公司', '2019-09-20');

  // 已立项: 冯庄村食用菌大棚.
  const mushrooms = await propose(VILLAGES.fengzhuang, '冯庄', {
    name: '冯庄村食用菌种植大棚',
    type: 'industry',
    implementer: '冯庄村股份经济合作社',
    budgetFen: 35_000_000,
    plannedStart: '2019-11-01',
    plannedEnd: '2020-05-31',
    description: '新建食用菌大棚 8 座，贫困户入股分红并优先务工',
    beneficiaries: await beneficiariesOf(VILLAGES.fengzhuang, 3, 'dividend'),
  });
  await step(mushrooms, countyStaff, {
    action: 'approve',
    evidence: minutes,
    meeting: meeting('同意立项'),
    commitments: [{ potId: pot(district, TOWNS.jiantouji), amountFen: 35_000_000 }],
  });

  // 项目储备 and 未入选.
  await propose(VILLAGES.xilancheng, '西兰城', {
    name: '西兰城村特色林果种植',
    type: 'industry',
    implementer: '西兰城村股份经济合作社',
    budgetFen: 20_000_000,
    plannedStart: '2020-03-01',
    plannedEnd: '2020-10-31',
    description: '种植特色林果 150 亩，土地流转租金和务工带动贫困户',
    beneficiaries: await beneficiariesOf(VILLAGES.xilancheng, 3, 'rent'),
  });
  const livestock = await propose(VILLAGES.houtang, '侯塘', {
    name: '侯塘村肉牛养殖',
    type: 'industry',
    implementer: '侯塘村养殖专业合作社',
    budgetFen: 50_000_000,
    description: '新建肉牛养殖场一处',
    beneficiaries: await beneficiariesOf(VILLAGES.houtang, 2, 'dividend'),
  });
  await step(livestock, countyStaff, { action: 'reject', note: '选址不符合畜禽养殖禁养区规定，不予立项' });

  return { funds: 4, projects: 6, assets: 1 };
}
