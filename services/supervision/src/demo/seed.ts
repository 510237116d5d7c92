import { systemClock, UnitOfWork, ulidGenerator } from '@jingzhun/platform';
import { computeAssessment } from '../domain/assessment.js';
import { defaultScheme } from '../domain/scheme.js';
import type { IndicatorInput } from '../domain/scoring.js';
import type { ResponsibleUnit, YearlyTask } from '../domain/units.js';
import type { Incident } from '../domain/veto.js';
import { assessmentKeys, assignmentKeys, auditSubjects, districtKeys, findingKeys, incidentKeys, pairingKeys, taskKeys, unitKeys, villageKeys } from '../store/keys.js';
import { getUnit, table } from '../store/repo.js';

/**
 * Demo data of 台儿庄区 (names of people and documents marked 演示): its six towns and six
 * departments with their 2018 tasks and a computed, reviewed assessment awaiting the leading
 * group; a few findings in the ledger; the 46 key villages of seed 000 OT-3 (专栏1, L745–767) with
 * their teams (village codes as identification's demo assigns them, docs/decisions.md) and pairings.
 */
const DISTRICT = '370405000000';
const YEAR = 2018;

const TOWNS = [
  { code: '370405001000', name: '运河街道', unitId: 'town-yunhe' },
  { code: '370405100000', name: '邳庄镇', unitId: 'town-pizhuang' },
  { code: '370405101000', name: '张山子镇', unitId: 'town-zhangshanzi' },
  { code: '370405102000', name: '泥沟镇', unitId: 'town-nigou' },
  { code: '370405103000', name: '涧头集镇', unitId: 'town-jiantouji' },
  { code: '370405104000', name: '马兰屯镇', unitId: 'town-malantun' },
];
const DEPARTMENTS = [
  { unitId: 'dept-minzheng', name: '区民政局', department: 'minzheng', duty: '低保、特困供养与临时救助应保尽保' },
  { unitId: 'dept-caizheng', name: '区财政局', department: 'caizheng', duty: '专项扶贫资金足额拨付、按月调度支出进度（004 L395–412）' },
  { unitId: 'dept-zhujian', name: '区住建局', department: 'zhujian', duty: '贫困户危房改造（000 AS-9 L1899–1901）' },
  { unitId: 'dept-jiaoyu', name: '区教育局', department: 'jiaoyu', duty: '贫困家庭学生资助全覆盖' },
  { unitId: 'dept-canlian', name: '区残联', department: 'canlian', duty: '贫困残疾人两项补贴和康复救助' },
  { unitId: 'dept-gongan', name: '区公安分局', department: 'gongan', duty: '户籍信息比对' },
];

/** seed 000 OT-3 (L745–767): key villages by town, in the order identification's demo numbers them (201, 202, …). */
const KEY_VILLAGES: Record<string, { names: string[]; municipal?: string }> = {
  运河街道: { names: [], municipal: '陈庄村' },
  邳庄镇: { names: [], municipal: '苍庙村' },
  张山子镇: { names: ['侯塘村', '侯孟后村', '耿山子村', '毛官庄村', '德胜庄村', '新闸子村', '丁庄村', '后楼村', '郑庄村', '黄邱村'], municipal: '后于村' },
  泥沟镇: {
    names: ['西兰城村', '姚庄村', '鲍庄村', '岔河村', '东黄庄村', '冯湖村', '湖洼村', '夹坊村', '姜庄村', '邵里村', '柿树园村', '三付楼村', '泥沟村', '汪庄村', '杨庙村'],
    municipal: '沟圈村',
  },
  涧头集镇: {
    names: ['冯庄村', '高山后村', '徐庄村', '草沃村', '褚提楼村', '贺窑村', '老宅子村', '穆庄村', '孙楼村', '孙苏庄村', '太平桥村', '小山子村', '新河崖村', '于沟村', '万仓村'],
    municipal: '徐塘村',
  },
  马兰屯镇: { names: [], municipal: '土楼村' },
};
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文';
const GIVEN = ['明', '华', '强', '军', '伟', '磊', '静', '丽', '涛', '斌', '鹏', '勇'];
const SENDERS = ['区委组织部', '区财政局', '区民政局', '区住建局', '区教育局', '区农业农村局', '区卫生健康局', '区人社局', '区水务局', '区交通运输局', '区审计局', '区税务局'];

const evidence = (title: string, reference: string) => [{ title, reference }];

class Batch {
  private uow = this.fresh();
  private fresh() {
    return new UnitOfWork({ table: table(), service: 'supervision', clock: systemClock, ids: ulidGenerator, actor: { sub: 'demo', role: 'system', name: '演示数据' } });
  }
  get work() {
    return this.uow;
  }
  /** Every batch is audited (test/support/audit.ts: no state without its audit record). */
  async flush(force = false) {
    if (this.uow.size === 0 || (!force && this.uow.size < 80)) return;
    this.uow.audit({ subject: auditSubjects.units(DISTRICT), action: 'demo.seeded', after: { items: this.uow.size } });
    await this.uow.commit();
    this.uow = this.fresh();
  }
}

export async function seedDemo() {
  if (await getUnit(DISTRICT, 'town-nigou')) return { skipped: true };
  const batch = new Batch();
  const units: ResponsibleUnit[] = [
    ...TOWNS.map((t) => ({
      unitId: t.unitId,
      name: t.name,
      kind: 'town' as const,
      region: t.code,
      heads: [
        { name: `${t.name}党委书记（演示）`, post: '党委书记' },
        { name: `${t.name}镇长（演示）`, post: t.name.endsWith('街道') ? '办事处主任' : '镇长' },
      ],
      responsibilities: [
        { text: '对本镇（街）脱贫攻坚负直接责任：项目确定、组织实施、资金投放、绩效评估', source: 'seed 003 OR-2' },
        { text: '年度减贫和重点村退出任务', source: 'seed 000 AS-5 L604–612' },
        { text: '安全生产控制目标', source: 'seed 000 AS-1 L13–19' },
      ],
    })),
    ...DEPARTMENTS.map((d) => ({
      unitId: d.unitId,
      name: d.name,
      kind: 'department' as const,
      region: DISTRICT,
      department: d.department,
      heads: [{ name: `${d.name}局长（演示）`, post: '主要负责人' }],
      responsibilities: [{ text: d.duty, source: 'seed 000 AS-5 L604–612（部门按职责考核）' }],
    })),
  ];
  batch.work.put({ ...districtKeys.item(DISTRICT), entity: 'district', district: DISTRICT });
  for (const unit of units) batch.work.create({ ...unitKeys.item(DISTRICT, unit.unitId), entity: 'unit', district: DISTRICT, ...unit });

  // 2018 tasks: 泥沟镇 misses its exit task (as it did in 2017), 邳庄镇 completes early.
  const tasks: YearlyTask[] = [];
  const task = (unitId: string, title: string, dueOn: string, completedOn?: string, year = YEAR) =>
    tasks.push({
      taskId: `demo-${unitId}-${year}-${tasks.length}`,
      unitId,
      year,
      title,
      dueOn,
      source: 'seed 000 L3081–3083; 专栏2 L820–832',
      ...(completedOn ? { completedOn, evidence: evidence('验收报告（演示）', `台扶验〔${year}〕${tasks.length + 1}号`) } : {}),
    });
  task('town-nigou', '2017年度减贫任务（演示）', '2017-12-31', undefined, 2017);
  for (const t of TOWNS) {
    if (t.unitId === 'town-nigou') {
      task(t.unitId, '重点村退出：西兰城村、姚庄村（演示）', '2018-11-30');
      task(t.unitId, '年度减贫 320 人（演示）', '2018-12-31', '2018-12-20');
    } else if (t.unitId === 'town-pizhuang') {
      task(t.unitId, '年度减贫 60 人（演示）', '2018-12-31', '2018-09-30');
    } else {
      task(t.unitId, `${t.name}年度减贫任务（演示）`, '2018-12-31', '2018-12-15');
    }
  }
  for (const d of DEPARTMENTS) task(d.unitId, `${d.name}年度行业扶贫任务（演示）`, '2018-12-31', '2018-12-10');
  for (const t of tasks) batch.work.create({ ...taskKeys.item(DISTRICT, t.taskId), entity: 'task', district: DISTRICT, ...t });

  // 泥沟镇: a late accident report (000 AS-3.4 L58–60).
  const incidents: Incident[] = [
    {
      incidentId: 'demo-incident-1',
      unitId: 'town-nigou',
      year: YEAR,
      kind: 'report-failure',
      occurredOn: '2018-08-14',
      description: '一起工贸企业事故迟报 2 天（演示）',
      evidence: evidence('区安委会通报（演示）', '台安委〔2018〕9号'),
    },
  ];
  for (const i of incidents)
    batch.work.create({ ...incidentKeys.item(DISTRICT, YEAR, i.incidentId), entity: 'incident', district: DISTRICT, recordedAt: '2018-08-20T02:00:00.000Z', ...i });

  const findings = [
    {
      findingId: 'demo-finding-1',
      source: 'inspection',
      title: '危房改造档案缺竣工验收表（演示）',
      ownerUnitId: 'dept-zhujian',
      foundOn: '2018-04-12',
      deadline: '2018-06-30',
      closedOn: '2018-06-25',
    },
    {
      findingId: 'demo-finding-2',
      source: 'audit',
      title: '扶贫项目资金未按时公告（演示）',
      ownerUnitId: 'town-jiantouji',
      foundOn: '2018-05-08',
      deadline: '2018-07-31',
      closedOn: '2018-08-20',
    },
    { findingId: 'demo-finding-3', source: 'complaint', title: '贫困户反映帮扶责任人未走访（演示）', ownerUnitId: 'town-nigou', foundOn: '2018-10-09', deadline: '2018-11-30' },
  ] as const;
  for (const f of findings) {
    const closed = 'closedOn' in f;
    batch.work.create({
      ...findingKeys.item(DISTRICT, f.findingId),
      entity: 'finding',
      district: DISTRICT,
      ...f,
      description: f.title,
      status: closed ? 'closed' : 'open',
      progress: closed
        ? [{ at: `${f.closedOn}T01:00:00.000Z`, by: '责任单位（演示）', measures: '已整改（演示）', evidence: evidence('整改报告（演示）', `${f.findingId}-1`) }]
        : [],
      ...(closed
        ? {
            review: {
              at: `${f.closedOn}T08:00:00.000Z`,
              by: '台儿庄区扶贫办（演示）',
              role: 'county',
              outcome: 'closed',
              opinion: '经复核已整改到位（演示）',
              evidence: evidence('复核记录（演示）', `${f.findingId}-R`),
            },
          }
        : {}),
    });
  }
  await batch.flush(true);

  // The 2018 assessment: computed and reviewed, waiting for the leading group.
  const scheme = defaultScheme(YEAR, DISTRICT);
  const entered = new Map<string, IndicatorInput[]>(
    units.map((unit, index) => [
      unit.unitId,
      [
        { code: 'quality', points: 25 - (index % 5) },
        { code: 'funds', achieved: 900 - index * 15, due: 1000 },
        { code: 'filings', achieved: 12 - (index % 3), due: 12 },
        { code: 'satisfaction', achieved: 195 - index * 2, due: 200 },
      ],
    ]),
  );
  const asOf = '2019-01-15';
  const demoFindings = findings.map((f) => ({ ...f, district: DISTRICT, description: f.title, status: 'closedOn' in f ? ('closed' as const) : ('open' as const), progress: [] }));
  const outcome = computeAssessment({ scheme, units, entered, tasks, incidents, findings: demoFindings, asOf });
  batch.work.create({
    ...assessmentKeys.item(DISTRICT, YEAR),
    entity: 'assessment',
    district: DISTRICT,
    year: YEAR,
    status: 'reviewed',
    scheme,
    entered: Object.fromEntries(entered),
    results: outcome.results,
    proposals: outcome.consequences,
    computedAt: '2019-01-15T02:00:00.000Z',
    reviewedAt: '2019-01-16T02:00:00.000Z',
  });

  // Key villages and their teams: a first secretary and two members each; 冯庄村's secretary handed over.
  let person = 0;
  const name = () => {
    const surname = SURNAMES[person % SURNAMES.length] as string;
    const given = GIVEN[Math.floor(person / SURNAMES.length) % GIVEN.length] as string;
    return `${surname}${given}（演示）`;
  };
  for (const town of TOWNS) {
    const entry = KEY_VILLAGES[town.name] ?? { names: [] };
    const list = [...entry.names.map((n) => ({ name: n, level: 'provincial' as const })), ...(entry.municipal ? [{ name: entry.municipal, level: 'municipal' as const }] : [])];
    for (const [index, village] of list.entries()) {
      const code = town.code.slice(0, 9) + String(201 + index);
      batch.work.create({
        ...villageKeys.item(DISTRICT, code),
        entity: 'key-village',
        district: DISTRICT,
        village: code,
        name: village.name,
        town: town.code,
        townName: town.name,
        level: village.level,
        taskDone: false,
      });
      for (const role of ['first-secretary', 'leader', 'member'] as const) {
        person++;
        const personId = `demo-p${person}`;
        const assignmentId = `demo-a${person}`;
        const sender = SENDERS[person % SENDERS.length] as string;
        const member = {
          assignmentId,
          village: code,
          personId,
          personName: name(),
          unitName: role === 'member' ? `${town.name}（演示）` : sender,
          level: role === 'member' ? ('town' as const) : ('district' as const),
          role,
          from: '2017-03-01',
          termEnds: '2019-02-28',
        };
        batch.work.create({ ...assignmentKeys.item(DISTRICT, assignmentId), entity: 'assignment', district: DISTRICT, ...member });
        batch.work.create({ ...assignmentKeys.person(DISTRICT, personId), entity: 'person', personId, name: member.personName, current: assignmentId });
      }
      if (index === 0 && town.name !== '运河街道') {
        const pairingId = `demo-pair-${code}`;
        batch.work.create({
          ...pairingKeys.item(DISTRICT, pairingId),
          entity: 'pairing',
          district: DISTRICT,
          pairingId,
          village: code,
          partnerName: `${town.name}结对企业（演示）`,
          partnerKind: 'enterprise',
          from: '2017-05-01',
          commitments: ['吸纳贫困劳动力就业 10 人（演示）', '捐建村级扶贫车间（演示）'],
          actions: [{ on: '2018-06-18', what: '吸纳贫困劳动力就业 6 人（演示）', amountFen: 0 }],
        });
      }
      await batch.flush();
    }
  }
  await batch.flush(true);
  return { units: units.length, tasks: tasks.length, findings: findings.length, year: YEAR };
}
