import { identificationApi } from '@jingzhun/types';
import type { HouseholdRecord, MonitorType, RegisterStatus } from '../domain/household.js';
import { policyUntil } from '../domain/policy.js';
import { migratedHousehold, openHousehold } from '../domain/register.js';
import { makeAccountNumber, makeIdNumber, makeName } from './people.js';

/**
 * Deterministic demo households for a village: mixed statuses (registered, exited with policy,
 * monitored, 返贫, applying) with valid ID numbers (address 370405) and plausible birth dates.
 * Pure: the seed writes them through the store so the household events are emitted.
 */
const PLAN: (Exclude<RegisterStatus, 'APPLYING'> | 'APPLYING')[] = [
  'REGISTERED',
  'EXITED_WITH_POLICY',
  'REGISTERED',
  'EXITED_WITH_POLICY',
  'EXITED_WITH_POLICY',
  'REGISTERED',
  'MONITORED',
  'EXITED_WITH_POLICY',
  'REGISTERED',
  'APPLYING',
  'EXITED_WITH_POLICY',
  'RE_REGISTERED',
  'REGISTERED',
  'EXITED_WITH_POLICY',
  'EXITED_NO_POLICY',
  'REGISTERED',
  'EXITED_WITH_POLICY',
  'APPLYING',
  'REGISTERED',
  'EXITED_WITH_POLICY',
];
const CAUSES = ['01', '02', '01', '08', '03', '07', '09', '01', '04', '11'] as const;

export function demoId(prefix: string, village: string, index: number, sub = 0): string {
  return `${prefix}${village}${String(index).padStart(3, '0')}${String(sub).padStart(2, '0')}`.padEnd(26, '0').slice(0, 26);
}

export function demoHouseholds(village: string, count: number, villageIndex: number): HouseholdRecord[] {
  const households: HouseholdRecord[] = [];
  for (let i = 0; i < count; i++) {
    const status = PLAN[i % PLAN.length] as RegisterStatus;
    const seed = villageIndex * 31 + i;
    const size = 1 + (seed % 4);
    const poor = status === 'REGISTERED' || status === 'RE_REGISTERED' || status === 'APPLYING' || status === 'MONITORED';
    const perCapitaYuan = poor ? 1800 + ((seed * 137) % 1600) : 4200 + ((seed * 211) % 5000);
    const headYear = 1940 + ((seed * 7) % 35);
    const members = [];
    const sequence = (k: number) => (villageIndex * 97 + i * 5 + k) % 1000;
    members.push({
      name: makeName(seed, seed),
      idNumber: makeIdNumber(`${headYear}-${pad(1 + (seed % 12))}-${pad(1 + (seed % 28))}`, sequence(0)),
      relation: 'head',
      laborCapacity: headYear < 1955 ? 'none' : 'partial',
      health: seed % 3 === 0 ? 'chronic' : 'healthy',
      // Most heads hold the household's 一卡通; every seventh household has none yet (listed as missing in the export).
      ...(seed % 7 === 3 ? {} : { account: { bank: '山东台儿庄农村商业银行', kind: 'card', number: makeAccountNumber(villageIndex * 1000 + i) } }),
    });
    if (size >= 2)
      members.push({
        name: makeName(seed + 3, seed + 1),
        idNumber: makeIdNumber(`${headYear + 2}-${pad(1 + ((seed + 5) % 12))}-${pad(1 + ((seed + 3) % 28))}`, sequence(1)),
        relation: 'spouse',
      });
    if (size >= 3)
      members.push({
        name: makeName(seed, seed + 7),
        idNumber: makeIdNumber(`${2003 + (seed % 10)}-${pad(1 + ((seed + 2) % 12))}-${pad(1 + ((seed + 9) % 28))}`, sequence(2)),
        relation: 'child',
        schooling: 'primary',
      });
    if (size >= 4)
      members.push({
        name: makeName(seed + 1, seed + 11),
        idNumber: makeIdNumber(`${1925 + (seed % 12)}-${pad(1 + ((seed + 4) % 12))}-${pad(1 + ((seed + 6) % 28))}`, sequence(3)),
        relation: 'parent',
        laborCapacity: 'none',
      });
    const body = identificationApi.CreateHouseholdBody.parse({
      region: village,
      group: `${1 + (seed % 6)}组`,
      mainCause: CAUSES[seed % CAUSES.length],
      secondaryCauses: seed % 2 === 0 ? ['08'].filter((c) => c !== CAUSES[seed % CAUSES.length]) : [],
      income: {
        year: 2017,
        wageFen: perCapitaYuan * size * 60,
        businessFen: perCapitaYuan * size * 30,
        businessCostFen: 0,
        transferFen: perCapitaYuan * size * 10,
        oneOffTransferFen: 0,
        propertyFen: 0,
      },
      welfare: { food: true, clothing: true, education: true, medical: true, housing: !(poor && seed % 5 === 0), water: true },
      housing: { dangerGrade: poor && seed % 5 === 0 ? 'C' : 'B', safeDrinkingWater: true },
      members,
      helper: { name: makeName(seed + 9, seed + 4), unit: '台儿庄区扶贫办', from: '2016-03-01' },
      evidence: [
        { kind: 'application', ref: `申请书-${i}` },
        { kind: 'authorisation', ref: `授权书-${i}` },
      ],
    });
    let n = 0;
    const householdId = demoId('01HD', village, i);
    const ids = { householdId, nextId: () => demoId('01HM', village, i, n++), today: '2018-03-01', lines: [] };
    if (status === 'APPLYING') {
      households.push(openHousehold(body, { ...ids, role: 'village' }));
      continue;
    }
    const exitedAt =
      status === 'EXITED_WITH_POLICY' || status === 'EXITED_NO_POLICY' || status === 'MONITORED' || status === 'RE_REGISTERED'
        ? seed % 2 === 0
          ? '2016-12-20'
          : '2017-12-18'
        : undefined;
    const monitorType: MonitorType | undefined = status === 'MONITORED' ? '脱贫不稳定户' : undefined;
    households.push(
      migratedHousehold(body, status, {
        ...ids,
        registeredAt: status === 'RE_REGISTERED' ? '2018-02-10' : '2015-12-31',
        ...(exitedAt ? { exitedAt, policyUntil: policyUntil(exitedAt) } : {}),
        // Identified after the exit and before the demo day (2018-03-01), so monthly reports count it in its month.
        ...(monitorType ? { monitorType, monitoringSignalledAt: '2018-01-15' } : {}),
        minzheng: { dibao: seed % 4 === 0, tekun: size === 1 && headYear < 1950 },
      }),
    );
  }
  return households;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
