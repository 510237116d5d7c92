/**
 * Deterministic demo households for the demo district 台儿庄区 (演示数据, not real people): used by
 * tests and the benchmark to feed the projection. Village codes follow identification's directory
 * (seed 000 OT-3: 46 key villages, codes assigned in list order inside each town).
 */
import type { identificationEvents } from '@jingzhun/types';

type HouseholdSnapshot = identificationEvents.HouseholdSnapshot;

const TOWN_VILLAGES: [string, number][] = [
  ['370405001000', 1], // 运河街道
  ['370405100000', 1], // 邳庄镇
  ['370405101000', 11], // 张山子镇
  ['370405102000', 16], // 泥沟镇
  ['370405103000', 16], // 涧头集镇
  ['370405104000', 1], // 马兰屯镇
];

export const DEMO_VILLAGES: string[] = TOWN_VILLAGES.flatMap(([town, count]) => Array.from({ length: count }, (_, i) => town.slice(0, 9) + String(201 + i)));

function rng(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];

/** The i-th demo household (same i, same household). */
export function demoHousehold(index: number, villages: readonly string[] = DEMO_VILLAGES): HouseholdSnapshot {
  const random = rng(index * 7919 + 17);
  const village = villages[index % villages.length] as string;
  const surname = SURNAMES[index % SURNAMES.length] as string;
  const size = 1 + Math.floor(random() * 4);
  const dibao = random() < 0.25;
  const tekun = !dibao && size === 1 && random() < 0.3;
  const members: HouseholdSnapshot['members'] = [];
  for (let m = 0; m < size; m++) {
    const roll = random();
    // Heads are often elderly in the registers; a few centenarians test the 长寿 formula.
    const age =
      m === 0 ? (roll < 0.02 ? 100 + Math.floor(random() * 5) : 45 + Math.floor(random() * 50)) : m === 1 ? 40 + Math.floor(random() * 45) : 3 + Math.floor(random() * 20);
    const birthYear = 2017 - age;
    const month = 1 + Math.floor(random() * 12);
    const disabled = random() < 0.12;
    members.push({
      memberId: `${index}-${m}`,
      name: `${surname}${['某', '甲', '乙', '丙'][m]}（演示）`,
      relation: m === 0 ? 'head' : m === 1 ? 'spouse' : 'child',
      birthDate: `${birthYear}-${String(month).padStart(2, '0')}-15`,
      sex: m % 2 === 0 ? 'male' : 'female',
      schooling: age >= 6 && age < 12 ? 'primary' : age >= 12 && age < 15 ? 'junior' : age >= 15 && age < 18 ? 'senior' : 'none',
      health: disabled ? 'disabled' : 'healthy',
      disabilityGrade: disabled ? 1 + Math.floor(random() * 4) : null,
      laborCapacity: age >= 70 || disabled ? 'none' : 'full',
      medicalInsurance: true,
      pensionInsurance: age >= 60,
      status: 'active',
    });
  }
  return {
    householdId: `demo-h${String(index).padStart(6, '0')}`,
    region: village,
    group: `${1 + (index % 6)}组`,
    headName: members[0]?.name ?? '演示',
    size,
    status: random() < 0.85 ? 'REGISTERED' : 'EXITED_WITH_POLICY',
    attribute: dibao ? '低保贫困户' : tekun ? '五保户' : '一般贫困户',
    standard: 'provincial',
    mainCause: dibao ? '01' : '09',
    secondaryCauses: [],
    incomeYear: 2016,
    incomePerCapitaFen: 250_000 + Math.floor(random() * 200_000),
    welfare: {
      food: true,
      clothing: true,
      education: true,
      medical: true,
      housing: true,
      water: true,
    },
    houseDangerGrade: null,
    dibao,
    tekun,
    registeredAt: '2016-03-01',
    exitedAt: '2016-12-20',
    policyUntil: '2019-12-20',
    members,
  };
}
