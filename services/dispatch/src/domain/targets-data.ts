import type { Target } from './targets.js';

/**
 * Targets of the demo district 台儿庄区 (370405000000) and its towns, loaded from seed 000
 * (workflows.md §7 row 000). Stored edits by the county override these rows (with history);
 * the rows themselves are never changed at run time.
 */
export const DEMO_DISTRICT = '370405000000';

/** The towns of the district in the order of 专栏2 (seed 000 OT-1 L820–832); codes are the statistical division codes. */
export const DEMO_TOWNS = [
  { code: '370405101000', name: '张山子镇', line: 822, exits: [1503, 375, 24] },
  { code: '370405103000', name: '涧头集镇', line: 824, exits: [2054, 459, 77] },
  { code: '370405001000', name: '运河街道', line: 826, exits: [109, 256, 8] },
  { code: '370405100000', name: '邳庄镇', line: 828, exits: [745, 230, 40] },
  { code: '370405104000', name: '马兰屯镇', line: 830, exits: [362, 0, 52] },
  { code: '370405102000', name: '泥沟镇', line: 832, exits: [1266, 302, 98] },
] as const;

/**
 * The departments that file monthly figures for the district (workflows.md §6 District 月调度:
 * "Towns, 25 sector departments → CPO"; seed 000 MS-1 L554–556 "1+25"). Only the ones the targets
 * below name as owners, plus the demo departments, are listed: the full 25 are not named in the seed.
 */
export const DEMO_DEPARTMENTS = [
  { code: 'caizheng', name: '区财政局' },
  { code: 'canlian', name: '区残联' },
  { code: 'fupin', name: '区扶贫办' },
  { code: 'gongan', name: '区公安分局' },
  { code: 'jiaotong', name: '区交通运输局' },
  { code: 'jiaoyu', name: '区教育局' },
  { code: 'minzheng', name: '区民政局' },
  { code: 'renshe', name: '区人社局' },
  { code: 'shuiwu', name: '区水务局' },
  { code: 'zhujian', name: '区住建局' },
] as const;

const SEED = 'seed 000';

function exitRows(jurisdiction: string, label: string, exits: readonly number[], line: number): Target[] {
  return exits.map((persons, index) => {
    const year = 2016 + index;
    return {
      jurisdiction,
      code: `exit.persons.${year}`,
      name: `${label}${year}年贫困人口脱贫（省标）`,
      unit: '人',
      baselineYear: year - 1,
      baseline: 0,
      targetYear: year,
      target: persons,
      attribute: '约束性',
      owner: 'fupin',
      measure: { kind: 'flow', metric: 'persons.exited' },
      source: `${SEED} OT-1 专栏2 L${line}`,
    } satisfies Target;
  });
}

const percent = (code: string, name: string, baseline: number, owner: string, figure: string, line: number, attribute: Target['attribute'] = '预期性'): Target => ({
  jurisdiction: DEMO_DISTRICT,
  code,
  name,
  unit: '%',
  baselineYear: 2015,
  baseline,
  targetYear: 2020,
  target: 100,
  attribute,
  owner,
  measure: { kind: 'filing', filer: `dept:${owner}`, figure },
  source: `${SEED} OT-2 专栏3 L${line}`,
});

export const SEED_TARGETS: readonly Target[] = [
  // District persons exiting per year (workflows.md §7; seed 000 OT-1 L820, C-2).
  ...exitRows(DEMO_DISTRICT, '全区', [6039, 1422, 299], 820).map((row) =>
    row.targetYear === 2017
      ? {
          ...row,
          conflict: {
            note: '2017年脱贫人数三处不一致：专栏2全区行1422人，正文1359人，各镇（街）合计1622人（seed 000 C-2）',
            figures: [
              { value: 1422, source: `${SEED} OT-1 专栏2 L820` },
              { value: 1359, source: `${SEED} EX-13 L729` },
              { value: 1622, source: `${SEED} OT-1 专栏2 L822–832（各镇合计）` },
            ],
          },
        }
      : row,
  ),
  // Each town's persons exiting per year (seed 000 OT-1 L822–832).
  ...DEMO_TOWNS.flatMap((town) => exitRows(town.code, town.name, town.exits, town.line)),
  {
    jurisdiction: DEMO_DISTRICT,
    code: 'poor.persons.provincial',
    name: '贫困人口（省定标准）全部脱贫',
    unit: '人',
    baselineYear: 2015,
    baseline: 7294,
    targetYear: 2020,
    target: 0,
    attribute: '约束性',
    owner: 'fupin',
    measure: { kind: 'stock', metric: 'stock.persons.poor' },
    source: `${SEED} OT-2 专栏3 L859; OT-1 L820`,
  },
  {
    jurisdiction: DEMO_DISTRICT,
    code: 'poor.persons.national',
    name: '贫困人口（国家标准）全部脱贫',
    unit: '人',
    baselineYear: 2015,
    baseline: 4221,
    targetYear: 2020,
    target: 0,
    attribute: '约束性',
    owner: 'fupin',
    source: `${SEED} OT-2 专栏3 L854`,
  },
  {
    jurisdiction: DEMO_DISTRICT,
    code: 'exit.villages.2016',
    name: '2016年省定扶贫工作重点村退出',
    unit: '个',
    baselineYear: 2015,
    baseline: 0,
    targetYear: 2016,
    target: 10,
    attribute: '约束性',
    owner: 'fupin',
    measure: { kind: 'filing', filer: 'dept:fupin', figure: 'villages.exited' },
    source: `${SEED} OT-1 专栏2 L820; EX-14 L768–836`,
  },
  {
    jurisdiction: DEMO_DISTRICT,
    code: 'exit.villages.2020',
    name: '扶贫工作重点村全部退出（40个省定、6个市定）',
    unit: '个',
    baselineYear: 2015,
    baseline: 0,
    targetYear: 2020,
    target: 46,
    attribute: '约束性',
    owner: 'fupin',
    measure: { kind: 'filing', filer: 'dept:fupin', figure: 'villages.exited' },
    source: `${SEED} OT-2 专栏3 L861; EX-13 L1019–1025`,
    conflict: {
      note: '重点村退出时限不一致：2016年底前（L1021）、2016—2018年全部退出（L723–725）、2018年底（L3147）；专栏2未安排6个市定村退出（seed 000 C-1）',
      figures: [
        { value: 46, source: `${SEED} OT-2 专栏3 L861` },
        { value: 10, source: `${SEED} OT-1 专栏2 L820` },
      ],
    },
  },
  {
    jurisdiction: DEMO_DISTRICT,
    code: 'housing.renovated.2017',
    name: '2017年底前完成建档立卡贫困户危房改造',
    unit: '户',
    baselineYear: 2016,
    baseline: 0,
    targetYear: 2017,
    target: 376,
    attribute: '约束性',
    owner: 'zhujian',
    measure: { kind: 'filing', filer: 'dept:zhujian', figure: 'housing.completed' },
    source: `${SEED} SUB-24 L1686–1688`,
  },
  percent('rate.pension', '建档立卡贫困户参加居民基本养老保险比率', 40, 'renshe', 'rate.pension', 915),
  percent('rate.medical', '建档立卡贫困户基本医保参保率', 96, 'renshe', 'rate.medical', 920),
  percent('rate.road', '省定扶贫工作重点村通硬化路率', 99, 'jiaotong', 'rate.road', 930),
  percent('rate.bus', '省定扶贫工作重点村通客运班车率', 78, 'jiaotong', 'rate.bus', 939),
  percent('rate.water', '省定扶贫工作重点村通水率', 97.5, 'shuiwu', 'rate.water', 957),
];

/**
 * The other units that owe a filing of workflows.md §6 or own a target of §7 (beyond the 月调度
 * departments above): named so that reports show names, not codes.
 */
export const OTHER_UNITS = [
  { code: 'fagai', name: '发展改革局' },
  { code: 'nongye', name: '农业农村局' },
  { code: 'xumu', name: '畜牧局' },
  { code: 'gongdian', name: '供电公司' },
  { code: 'xuanchuan', name: '党委宣传部' },
  { code: 'shenji', name: '审计局' },
  { code: 'zonggonghui', name: '总工会' },
  { code: 'yinbaojian', name: '银保监分局' },
  { code: 'jinrong', name: '金融办' },
  { code: 'weijian', name: '卫生健康局' },
  { code: 'yibao', name: '医疗保障局' },
  { code: 'shangwu', name: '商务局' },
  { code: 'lvyou', name: '文化和旅游局' },
  { code: 'zuzhi', name: '党委组织部' },
] as const;

/** The districts whose jobs run on schedule, with the units that file to them. */
export interface District {
  county: string;
  towns: readonly string[];
  departments: readonly string[];
}

/**
 * 台儿庄区 is the configured demo district (towns and 月调度 departments). The jurisdictions of
 * seeds 001–004 run the same jobs and reports for their own targets, with no towns configured
 * (decision Dispatch 14).
 */
export const DISTRICTS: readonly District[] = [
  { county: DEMO_DISTRICT, towns: DEMO_TOWNS.map((t) => t.code), departments: DEMO_DEPARTMENTS.map((d) => d.code) },
  ...['370200000000', '370323000000', '370404000000', '370800000000'].map((county) => ({ county, towns: [], departments: [] })),
];

export function districtOf(county: string): District | undefined {
  return DISTRICTS.find((d) => d.county === county);
}

/** Every unit expected to file the monthly figures of a district, as filer ids. */
export function expectedFilers(district: District): string[] {
  return [...district.departments.map((d) => `dept:${d}`), ...district.towns.map((t) => `town:${t}`)].sort();
}

export const FILER_NAMES: Record<string, string> = Object.fromEntries([
  ...DEMO_DEPARTMENTS.map((d) => [`dept:${d.code}`, d.name]),
  ...OTHER_UNITS.map((d) => [`dept:${d.code}`, d.name]),
  ...DEMO_TOWNS.map((t) => [`town:${t.code}`, t.name]),
]);
