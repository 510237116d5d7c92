import * as z from 'zod';
import { defineContract } from '../contracts.js';
import { RegionCode } from '../region.js';

/**
 * HTTP contracts of the county index 脱贫攻坚总指数 in the dispatch service (issue 20; seed 004 L885:
 * four dimensions, 11 indicators, a weighted index per county; 000 L3856 satisfaction surveys): the
 * statistics office enters the year's survey result, the county line reads the index. Owned by dispatch.
 */

const County = RegionCode.refine((code) => /^\d{6}0{6}$/.test(code) && !code.endsWith('000000000'), { message: '须为区县级区划代码' });
const Year = z.coerce.number().int().min(2014).max(2035);
const Count = z.number({ message: '请填写人数或户数' });
const Score = z.number({ message: '请填写评分' });

/** The statistics office (统计局) enters the survey (004 L885 根据省统计局安排…抽样调查). */
export const STATISTICS = ['tongji'] as const;

export const Survey = z.object({
  ruralPopulation: Count,
  sampleHouseholds: Count,
  identifiedCorrectly: Count,
  exitedSampled: Count,
  exitedCorrectly: Count,
  knowHelper: Count,
  satisfactionHelp: Score,
  satisfactionPolicy: Score,
  recognition: Score,
});

export const CountyIndex = z.object({
  county: z.string(),
  year: z.number().int(),
  index: z.number().nullable(),
  missing: z.array(z.string()),
  dimensions: z.array(z.object({ id: z.string(), nameZh: z.string(), weight: z.number(), score: z.number().nullable() })),
  indicators: z.array(
    z.object({ id: z.string(), nameZh: z.string(), dimension: z.string(), source: z.enum(['register', 'runs', 'survey']), weight: z.number(), score: z.number().nullable() }),
  ),
  survey: Survey.extend({ enteredBy: z.string(), enteredAt: z.string() }).optional(),
  version: z.number().int(),
});
export type CountyIndex = z.infer<typeof CountyIndex>;

export const getCountyIndex = defineContract({
  id: 'dispatch.getCountyIndex',
  method: 'GET',
  path: '/dispatch/county-index/{county}/{year}',
  summary: '县级脱贫攻坚总指数：四方面11项指标及综合加权指数',
  auth: 'staff',
  roles: ['county', 'leading_group', 'department'],
  departments: STATISTICS,
  params: z.object({ county: County, year: Year }),
  response: CountyIndex,
});

export const putSurvey = defineContract({
  id: 'dispatch.putSurvey',
  method: 'PUT',
  path: '/dispatch/county-index/{county}/{year}/survey',
  summary: '统计部门录入年度抽样调查和群众满意度调查结果（留痕）',
  auth: 'staff',
  roles: ['department'],
  departments: STATISTICS,
  params: z.object({ county: County, year: Year }),
  body: Survey.extend({ version: z.number().int().min(0) }),
  response: CountyIndex,
});
