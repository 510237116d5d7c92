import type { RegionSeed } from '../domain/regions.js';

/**
 * The demo district: 枣庄市台儿庄区 with its six towns (镇/街) and the 46 key villages of
 * seed 000 OT-3 (专栏1, L745–767): 40 省定 and 6 市定. Province, city, county and town codes are the
 * statistical division codes; village codes are assigned in list order inside each town (the
 * seed names villages, not codes) — see docs/decisions.md.
 */
export const DISTRICT = '370405000000';

export const TOWNS = [
  { code: '370405001000', name: '运河街道' },
  { code: '370405100000', name: '邳庄镇' },
  { code: '370405101000', name: '张山子镇' },
  { code: '370405102000', name: '泥沟镇' },
  { code: '370405103000', name: '涧头集镇' },
  { code: '370405104000', name: '马兰屯镇' },
] as const;

type TownName = (typeof TOWNS)[number]['name'];

/** seed 000 OT-3: 省定重点村 (40) by town, in the order of the source. */
const PROVINCIAL: Record<string, string[]> = {
  涧头集镇: ['冯庄村', '高山后村', '徐庄村', '草沃村', '褚提楼村', '贺窑村', '老宅子村', '穆庄村', '孙楼村', '孙苏庄村', '太平桥村', '小山子村', '新河崖村', '于沟村', '万仓村'],
  泥沟镇: ['西兰城村', '姚庄村', '鲍庄村', '岔河村', '东黄庄村', '冯湖村', '湖洼村', '夹坊村', '姜庄村', '邵里村', '柿树园村', '三付楼村', '泥沟村', '汪庄村', '杨庙村'],
  张山子镇: ['侯塘村', '侯孟后村', '耿山子村', '毛官庄村', '德胜庄村', '新闸子村', '丁庄村', '后楼村', '郑庄村', '黄邱村'],
};

/** seed 000 OT-3: 市定重点村 (6). */
const MUNICIPAL: [TownName, string][] = [
  ['泥沟镇', '沟圈村'],
  ['涧头集镇', '徐塘村'],
  ['马兰屯镇', '土楼村'],
  ['邳庄镇', '苍庙村'],
  ['张山子镇', '后于村'],
  ['运河街道', '陈庄村'],
];

export function taierzhuangDirectory(): RegionSeed[] {
  const rows: RegionSeed[] = [
    { code: '370000000000', name: '山东省' },
    { code: '370400000000', name: '枣庄市' },
    { code: DISTRICT, name: '台儿庄区' },
  ];
  for (const town of TOWNS) {
    rows.push({ code: town.code, name: town.name });
    const villages: { name: string; keyVillage: 'provincial' | 'municipal' }[] = [
      ...(PROVINCIAL[town.name] ?? []).map((name) => ({ name, keyVillage: 'provincial' as const })),
      ...MUNICIPAL.filter(([townName]) => townName === town.name).map(([, name]) => ({ name, keyVillage: 'municipal' as const })),
    ];
    villages.forEach((village, index) => {
      rows.push({ code: town.code.slice(0, 9) + String(201 + index), name: village.name, keyVillage: village.keyVillage });
    });
  }
  return rows;
}
