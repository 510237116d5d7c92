import type { Target } from './targets.js';

/**
 * Targets of seeds 001–004 (workflows.md §7 rows 001–004), each in its own jurisdiction, as data.
 * Seed 000's (台儿庄区) are in targets-data.ts. Where a document gives no baseline the baseline is
 * 0 (nothing done at the start of the window) and where it does not label a target, exit and
 * poverty targets are 约束性 and the others 预期性 (decision Dispatch 22). Progress is measured
 * from filings (`measure.kind = 'filing'`) unless the services' events count it.
 *
 * Not loaded: the count of 004's provincial key villages (510, 512 or 509 in different places):
 * workflows.md §7 says it comes from a master list and is never hard-coded.
 */
export const JURISDICTIONS = {
  yiyuan: { code: '370323000000', name: '沂源县', seed: '001' },
  yicheng: { code: '370404000000', name: '峄城区', seed: '002' },
  qingdao: { code: '370200000000', name: '青岛市', seed: '003' },
  jining: { code: '370800000000', name: '济宁市', seed: '004' },
} as const;

type Row = Omit<Target, 'jurisdiction' | 'attribute' | 'baseline' | 'baselineYear'> & Partial<Pick<Target, 'attribute' | 'baseline' | 'baselineYear'>>;

const rows = (jurisdiction: string, defaults: Pick<Target, 'baselineYear'>, list: Row[]): Target[] =>
  list.map((row) => ({ jurisdiction, attribute: '预期性', baseline: 0, ...defaults, ...row }) as Target);

const filed = (owner: string, figure: string) => ({ kind: 'filing' as const, filer: `dept:${owner}`, figure });

const YIYUAN = JURISDICTIONS.yiyuan.code;
const YICHENG = JURISDICTIONS.yicheng.code;
const QINGDAO = JURISDICTIONS.qingdao.code;
const JINING = JURISDICTIONS.jining.code;

/** Seed 001, 沂源县"十三五"脱贫攻坚规划 (2017), §2.7.1–2.7.6 of its rules. */
const SEED_001: Target[] = rows(YIYUAN, { baselineYear: 2015 }, [
  {
    code: 'exit.villages.2016',
    name: '省定扶贫工作重点村全部摘帽（140个）',
    unit: '个',
    targetYear: 2016,
    target: 140,
    attribute: '约束性',
    owner: 'fupin',
    measure: filed('fupin', 'villages.exited'),
    source: 'seed 001 E-8 L150, L154, L168',
  },
  // The exit deadline differs within the document: "2016年内有序退出" (L172) and overall by 2020 (L148); both are loaded (conflict).
  {
    code: 'exit.poor.rate',
    name: '建档立卡贫困人口全部脱贫',
    unit: '%',
    targetYear: 2016,
    target: 100,
    attribute: '约束性',
    owner: 'fupin',
    measure: filed('fupin', 'rate.exit.poor'),
    source: 'seed 001 E-1 L172',
  },
  {
    code: 'exit.poor.rate',
    name: '建档立卡贫困人口全部脱贫',
    unit: '%',
    targetYear: 2020,
    target: 100,
    attribute: '约束性',
    owner: 'fupin',
    measure: filed('fupin', 'rate.exit.poor'),
    source: 'seed 001 §2.7.1 L148, L154',
  },
  {
    code: 'health.treated',
    name: '贫困患病人口救治（"442"：2016年40%、2017年40%、2018年20%）',
    unit: '%',
    targetYear: 2018,
    target: 100,
    schedule: [40, 80, 100],
    owner: 'weijian',
    measure: filed('weijian', 'rate.health.treated'),
    source: 'seed 001 §2.7.5 L300',
  },
  {
    code: 'clinics.standard',
    name: '省定重点村标准化村卫生室全覆盖',
    unit: '个',
    targetYear: 2018,
    target: 140,
    owner: 'weijian',
    measure: filed('weijian', 'clinics.standard'),
    source: 'seed 001 §2.7.5 L304',
  },
  {
    code: 'rate.settlement.onestop',
    name: '农村贫困人口"一站式"结算比例',
    unit: '%',
    targetYear: 2020,
    target: 95,
    owner: 'yibao',
    measure: filed('yibao', 'rate.settlement.onestop'),
    source: 'seed 001 §2.7.5 L324',
  },
  {
    code: 'rate.ecommerce.villages',
    name: '贫困村电商服务点覆盖率',
    unit: '%',
    targetYear: 2018,
    target: 70,
    owner: 'shangwu',
    measure: filed('shangwu', 'rate.ecommerce.villages'),
    source: 'seed 001 §2.7.2 L214–216',
  },
  {
    code: 'rate.tourism.share',
    name: '乡村旅游游客占全县游客比例',
    unit: '%',
    targetYear: 2020,
    target: 50,
    owner: 'lvyou',
    measure: filed('lvyou', 'rate.tourism.share'),
    source: 'seed 001 §2.7.2 L204',
  },
]);

/** Seed 002, 峄城区 opinion (2018), §2.7 of its rules. */
const SEED_002: Target[] = rows(YICHENG, { baselineYear: 2017 }, [
  {
    code: 'exit.hh.2018',
    name: '2018年现行标准下贫困户基本脱贫',
    unit: '户',
    targetYear: 2018,
    target: 491,
    attribute: '约束性',
    owner: 'fupin',
    measure: { kind: 'flow', metric: 'hh.exited' },
    source: 'seed 002 §2.7.1 L19',
  },
  {
    code: 'exit.persons.2018',
    name: '2018年现行标准下贫困人口基本脱贫',
    unit: '人',
    targetYear: 2018,
    target: 1209,
    attribute: '约束性',
    owner: 'fupin',
    measure: { kind: 'flow', metric: 'persons.exited' },
    source: 'seed 002 §2.7.1 L19',
  },
  {
    code: 'consolidated.persons',
    name: '已脱贫享受政策人口巩固提升',
    unit: '人',
    baseline: 18396,
    targetYear: 2020,
    target: 18396,
    attribute: '约束性',
    owner: 'fupin',
    measure: { kind: 'stock', metric: 'stock.persons.exited' },
    source: 'seed 002 §2.7.1 L19',
  },
  {
    code: 'exit.villages.city.2018',
    name: '剩余市定扶贫工作重点村稳定退出',
    unit: '个',
    targetYear: 2018,
    target: 3,
    attribute: '约束性',
    owner: 'fupin',
    measure: filed('fupin', 'villages.exited'),
    source: 'seed 002 §2.7.1 L19',
  },
  {
    code: 'villages.average.2019',
    name: '市定重点扶持村达到全区平均水平',
    unit: '个',
    targetYear: 2019,
    target: 9,
    owner: 'fupin',
    measure: filed('fupin', 'villages.at.average'),
    source: 'seed 002 §2.7.1 L19, L21',
  },
  {
    code: 'collective.income.min',
    name: '省市定重点村村集体经济收入（最低村）达到3万元',
    unit: '万元',
    targetYear: 2018,
    target: 3,
    owner: 'zuzhi',
    measure: filed('zuzhi', 'collective.income.min.wan'),
    source: 'seed 002 §2.7.2 L101',
  },
  {
    // The ratio urban:rural 1.5:1 → 1.4:1 as the rural standard's share of the urban one (1/1.5 → 1/1.4).
    code: 'rate.dibao.rural-urban',
    name: '农村低保标准占城市低保标准比例（城乡比1.5:1降至1.4:1）',
    unit: '%',
    baseline: 66.67,
    baselineYear: 2018,
    targetYear: 2020,
    target: 71.43,
    owner: 'minzheng',
    measure: filed('minzheng', 'rate.dibao.rural-urban'),
    source: 'seed 002 §2.7.6 L83',
  },
  {
    code: 'rate.tekun.centralised',
    name: '生活不能自理特困人员集中供养率',
    unit: '%',
    targetYear: 2020,
    target: 50,
    owner: 'minzheng',
    measure: filed('minzheng', 'rate.tekun.centralised'),
    source: 'seed 002 §2.7.6 L89',
  },
]);

/** Seed 003, 青岛市 plan (2017, expired), EX-1…EX-3 and §2.7.3 of its rules. */
const SEED_003: Target[] = rows(QINGDAO, { baselineYear: 2015 }, [
  {
    code: 'exit.hh.2016',
    name: '建档立卡农村贫困户全部脱贫（市定标准）',
    unit: '户',
    targetYear: 2016,
    target: 28535,
    attribute: '约束性',
    owner: 'fupin',
    measure: { kind: 'flow', metric: 'hh.exited' },
    source: 'seed 003 EX-1 L105; ID-1 L99',
  },
  {
    code: 'exit.persons.2016',
    name: '建档立卡农村贫困人口全部脱贫（市定标准）',
    unit: '人',
    targetYear: 2016,
    target: 63887,
    attribute: '约束性',
    owner: 'fupin',
    measure: { kind: 'flow', metric: 'persons.exited' },
    source: 'seed 003 EX-1 L105; ID-1 L99',
  },
  {
    // 51 by end-2016, the remaining 149 by end-2017: 51 / 200 = 25.5% of the change in the first year.
    code: 'exit.villages.provincial',
    name: '省定贫困村摘帽（2016年51个，2017年剩余149个）',
    unit: '个',
    targetYear: 2017,
    target: 200,
    schedule: [25.5, 100],
    attribute: '约束性',
    owner: 'fupin',
    measure: filed('fupin', 'villages.provincial.exited'),
    source: 'seed 003 EX-2 L105, L107',
  },
  {
    // 79 by end-2016, the remaining 231 by end-2017: 79 / 310 ≈ 25.48%.
    code: 'exit.villages.weak',
    name: '市定经济薄弱村摘帽（2016年79个，2017年剩余231个）',
    unit: '个',
    targetYear: 2017,
    target: 310,
    schedule: [25.48, 100],
    attribute: '约束性',
    owner: 'fupin',
    measure: filed('fupin', 'villages.weak.exited'),
    source: 'seed 003 EX-2 L105, L107',
  },
  {
    code: 'exit.towns.weak.2017',
    name: '经济薄弱镇全部摘帽',
    unit: '个',
    baselineYear: 2016,
    targetYear: 2017,
    target: 10,
    attribute: '约束性',
    owner: 'fupin',
    measure: filed('fupin', 'towns.weak.exited'),
    source: 'seed 003 EX-2 L107',
  },
  {
    code: 'collective.income.min',
    name: '村集体经济年收入达到15万元以上（最低村）',
    unit: '万元',
    targetYear: 2017,
    target: 15,
    owner: 'zuzhi',
    measure: filed('zuzhi', 'collective.income.min.wan'),
    source: 'seed 003 EX-3 L99',
  },
  {
    code: 'housing.renovated.2016',
    name: '农村危房改造',
    unit: '户',
    targetYear: 2016,
    target: 6000,
    owner: 'zhujian',
    measure: filed('zhujian', 'housing.completed'),
    source: 'seed 003 §2.7.3 L475',
  },
  {
    code: 'posts.public-welfare.2016',
    name: '开发公益性岗位',
    unit: '个',
    targetYear: 2016,
    target: 3000,
    owner: 'renshe',
    measure: filed('renshe', 'posts.public-welfare'),
    source: 'seed 003 §2.7.3 L297',
  },
]);

const REMAINING_POOR: Row = {
  code: 'poor.persons.remaining',
  name: '未脱贫建档立卡贫困人口（省标）全部脱贫',
  unit: '人',
  baseline: 2300,
  targetYear: 2020,
  target: 0,
  attribute: '约束性',
  owner: 'fupin',
  measure: { kind: 'stock', metric: 'stock.persons.poor' },
  source: 'seed 004 ID-02 L1370, L1379',
};

/** Seed 004, 济宁市 unit plans (2019): §7 row 004 and Appendix A of its rules. */
const SEED_004: Target[] = rows(JINING, { baselineYear: 2018 }, [
  // 0.23万 not exited is stated twice (ID-02, BANK-09) with the same figure: one target, both sources.
  REMAINING_POOR,
  { ...REMAINING_POOR, source: 'seed 004 BANK-09 L1370, L1379, L1381' },
  {
    code: 'water.villages.2019',
    name: '45个村饮水工程完工（2,250万元）',
    unit: '个',
    targetYear: 2019,
    target: 45,
    owner: 'shuiwu',
    measure: filed('shuiwu', 'villages.water.completed'),
    source: 'seed 004 SCH-29 L560, L562; Appendix A 水务 L560–L563',
  },
  {
    code: 'rate.rating.coverage',
    name: '贫困户评级授信全覆盖',
    unit: '%',
    targetYear: 2019,
    target: 100,
    owner: 'yinbaojian',
    measure: filed('yinbaojian', 'rate.rating.coverage'),
    source: 'seed 004 BANK-09 L1370, L1379, L1381',
  },
  {
    code: 'rate.dibao.eligible',
    name: '符合条件的贫困人口全部纳入低保',
    unit: '%',
    baselineYear: 2017,
    targetYear: 2018,
    target: 100,
    attribute: '约束性',
    owner: 'minzheng',
    measure: filed('minzheng', 'rate.dibao.eligible'),
    source: 'seed 004 ID-39 L342, L344; SCH-24 L344',
  },
  {
    code: 'rate.hardship.lifted.2019',
    name: '困难职工当年解困脱困比例（每年不少于三分之一）',
    unit: '%',
    targetYear: 2019,
    target: 33.3,
    owner: 'zonggonghui',
    measure: filed('zonggonghui', 'rate.hardship.lifted'),
    source: 'seed 004 ID-59 L1069',
  },
  {
    // 10 km in 2019, 20 km in 2020: a third of the change by the end of the first year.
    code: 'roads.village.km',
    name: '新改建村内道路（2019年10公里、2020年20公里）',
    unit: '公里',
    targetYear: 2020,
    target: 30,
    schedule: [33.33, 100],
    owner: 'jiaotong',
    measure: filed('jiaotong', 'roads.village.km'),
    source: 'seed 004 Appendix A 交通 L542',
  },
  {
    code: 'rate.villages.beautiful',
    name: '美丽乡村占村庄比例',
    unit: '%',
    targetYear: 2020,
    target: 40,
    owner: 'nongye',
    measure: filed('nongye', 'rate.villages.beautiful'),
    source: 'seed 004 Appendix A 农业农村 L590–L592',
  },
]);

export const DOCUMENT_TARGET_ROWS: Readonly<Record<'001' | '002' | '003' | '004', readonly Target[]>> = {
  '001': SEED_001,
  '002': SEED_002,
  '003': SEED_003,
  '004': SEED_004,
};
