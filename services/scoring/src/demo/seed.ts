import { systemClock, UnitOfWork, ulidGenerator } from '@jingzhun/platform';
import { assess } from '../domain/assessment.js';
import { DEFAULT_PARAMS, rewardsDueBy } from '../domain/params.js';
import { assembleFigures, type SectionData } from '../domain/workflow.js';
import { bankKeys, yearKeys } from '../store/keys.js';
import { getBank, table } from '../store/repo.js';

const DISTRICT = '370405000000';
const YEAR = 2018;

const outlets = (branches: number, rural: number) => ({
  branches,
  communitySubBranches: 0,
  microSubBranches: 0,
  selfServiceBanks: 0,
  ruralAtms: rural,
  ruralCashRecyclers: 0,
  ruralServicePoints: 0,
  urbanAtms: 2,
});
const opinion = (issuedBy: string) => ({ title: '2018年度考核意见（演示）', issuedBy, signedOn: '2019-01-20', documentRef: '演示-台金办〔2019〕1号' });

/** Demo banks of 台儿庄区 (names marked 演示) with the figures of the workflows.md §5.3 worked example. */
export const DEMO_BANKS = [
  {
    bankId: 'abc',
    name: '农业银行台儿庄支行（演示）',
    type: 'large-state',
    sizeClass: 'large',
    l: ['450000', '495000', '4000', '1000'],
    m: ['200000', '224000'],
    dep: '720000',
    r: ['10000', '15000'],
    inn: '92',
    tax: '1800',
    npl: ['6000', '4500', '3000'],
    o: [
      [20, 4],
      [20, 5],
    ],
    routine: '95',
  },
  {
    bankId: 'rcb',
    name: '台儿庄农商银行（演示）',
    type: 'rural-commercial',
    sizeClass: 'large',
    l: ['300000', '318000', '0', '0'],
    m: ['150000', '159000'],
    dep: '530000',
    r: ['10000', '13000'],
    inn: '88',
    tax: '950',
    npl: ['4000', '2000', '2400'],
    o: [
      [14, 4],
      [14, 4],
    ],
    routine: '90',
  },
  {
    bankId: 'psbc',
    name: '邮储银行台儿庄支行（演示）',
    type: 'postal',
    sizeClass: 'medium',
    l: ['250000', '262000', '6000', '0'],
    m: ['100000', '111000'],
    dep: '400000',
    r: ['10000', '10000'],
    inn: '90',
    tax: '1100',
    npl: ['3000', '3200', '0'],
    o: [
      [8, 4],
      [9, 5],
    ],
    routine: '90',
  },
  {
    bankId: 'icbc',
    name: '工商银行台儿庄支行（演示）',
    type: 'large-state',
    sizeClass: 'medium',
    l: ['120000', '126600', '0', '0'],
    m: ['50000', '49000'],
    dep: '193282',
    r: ['10000', '10800'],
    inn: '85',
    tax: '400',
    npl: null,
    o: [
      [8, 2],
      [8, 2],
    ],
    routine: '88',
  },
  {
    bankId: 'ccb',
    name: '建设银行台儿庄支行（演示）',
    type: 'large-state',
    sizeClass: 'small',
    l: ['40000', '41600', '0', '0'],
    m: ['10000', '11500'],
    dep: '52000',
    r: ['10000', '9800'],
    inn: '80',
    tax: '120',
    npl: ['0', '30', '20'],
    o: [
      [3, 0],
      [3, 1],
    ],
    routine: '92',
  },
  {
    bankId: 'boc',
    name: '中国银行台儿庄支行（演示）',
    type: 'large-state',
    sizeClass: 'small',
    l: ['30000', '29400', '0', '0'],
    m: ['8000', '8400'],
    dep: '42000',
    r: ['10000', '10300'],
    inn: null,
    tax: '90',
    npl: ['500', '450', '100'],
    o: [
      [2, 0],
      [1, 0],
    ],
    routine: '80',
  },
] as const;

/** Demo data for `npm start`: the registry and a computed 2018 assessment. Idempotent. */
export async function seedDemo(): Promise<{ banks: number; year: number }> {
  if (await getBank(DISTRICT, 'abc')) return { banks: 0, year: YEAR };
  const uow = new UnitOfWork({ table: table(), service: 'scoring', clock: systemClock, ids: ulidGenerator, actor: { sub: 'demo', role: 'system' } });
  const figures = [];
  for (const b of DEMO_BANKS) {
    uow.create({
      ...bankKeys.item(DISTRICT, b.bankId),
      entity: 'bank',
      bankId: b.bankId,
      district: DISTRICT,
      name: b.name,
      type: b.type,
      sizeClass: b.sizeClass,
      headOffices: 0,
      branches: b.o[1][0],
      outlets: b.o[1][0] + b.o[1][1],
      ruralOutlets: b.o[1][1],
      active: true,
    });
    const sections: SectionData = {
      pboc: {
        loansStart: b.l[0],
        loansEnd: b.l[1],
        obsIncrease: b.l[2],
        debtEquitySwaps: b.l[3],
        mltStart: b.m[0],
        mltEnd: b.m[1],
        mltObsIncrease: '0',
        mltDebtEquitySwaps: '0',
        depositsEnd: b.dep,
        restructStart: b.r[0],
        restructEnd: b.r[1],
        nplStart: b.npl?.[0] ?? '0',
        nplEnd: b.npl?.[1] ?? '0',
        nplDisposed: b.npl?.[2] ?? '0',
        nplAroseDuringYear: b.npl !== null && b.npl[0] === '0',
        outletsPrev: outlets(b.o[0][0], b.o[0][1]),
        outletsEnd: outlets(b.o[1][0], b.o[1][1]),
      },
      innovation: { innovation: b.inn === null ? null : { kind: 'score', value: b.inn } },
      tax: { localTax: b.tax },
      routine: { routine: { kind: 'score', value: b.routine }, violation: false },
    };
    const extra: Record<string, unknown> = { innovation: { opinion: opinion('区金融扶贫工作领导小组（演示）') }, routine: { opinion: opinion('区金融办（演示）') } };
    for (const [section, data] of Object.entries(sections)) {
      uow.create({
        ...yearKeys.submission(DISTRICT, YEAR, b.bankId, section),
        entity: 'submission',
        district: DISTRICT,
        year: YEAR,
        bankId: b.bankId,
        section,
        data: { ...data, ...((extra[section] as object) ?? {}) },
        enteredBy: { sub: 'demo', role: 'system', name: '演示数据' },
      });
    }
    const assembled = assembleFigures({ bankId: b.bankId, name: b.name }, sections);
    if (assembled.figures) figures.push(assembled.figures);
  }
  const result = assess(figures, DEFAULT_PARAMS);
  uow.create({
    ...yearKeys.state(DISTRICT, YEAR),
    entity: 'assessment-year',
    district: DISTRICT,
    year: YEAR,
    locked: true,
    status: 'computed',
    paramsId: DEFAULT_PARAMS.paramsId,
    params: DEFAULT_PARAMS,
    result,
    computedAt: uow.timestamp,
    rewardsDueBy: rewardsDueBy(YEAR, DEFAULT_PARAMS),
  });
  uow.audit({ subject: yearKeys.auditSubject(DISTRICT, YEAR), action: 'demo.seeded', after: { banks: DEMO_BANKS.length } });
  await uow.commit();
  return { banks: DEMO_BANKS.length, year: YEAR };
}
