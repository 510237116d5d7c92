import { z } from 'zod';
import { defineContract } from '../contracts.js';
import { RegionCode, REGION_LEVELS } from '../region.js';

/** Region directory (区划目录): the proving capability of the platform. */
export const Region = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parent: z.string().optional(),
  /** 省定 / 市定 key village (扶贫工作重点村), seed 000 OT-3. */
  keyVillage: z.enum(['provincial', 'municipal']).optional(),
  childCount: z.number().int(),
});
export type Region = z.infer<typeof Region>;

export const RegionDetail = Region.extend({
  path: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const getRegion = defineContract({
  id: 'identification.getRegion',
  method: 'GET',
  path: '/regions/{code}',
  summary: '查询区划（含上级路径）',
  auth: 'staff',
  params: z.object({ code: RegionCode }),
  response: RegionDetail,
});

export const listRegionChildren = defineContract({
  id: 'identification.listRegionChildren',
  method: 'GET',
  path: '/regions/{code}/children',
  summary: '查询下级区划',
  auth: 'staff',
  params: z.object({ code: RegionCode }),
  response: z.object({ items: z.array(Region) }),
});
