import * as z from 'zod';
import { REGIONAL_ROLES } from '../auth.js';
import { defineContract } from '../contracts.js';
import { RegionCode } from '../region.js';

/**
 * HTTP contracts of the village collective economy ledger 村级集体经济台账 inside the identification
 * service (issue 20; seed 004 L75, 002 T-11 L101, 003 EX-3 L99): the collective income of each village
 * by year and source, entered by the town or the county; the village collective's share of asset income
 * arrives from the funds service by event. Village exit (贫困村退出) reads the year's total from here.
 * Owned by identification.
 */

export const COLLECTIVE_SOURCES = ['operation', 'contracting', 'leasing', 'service', 'asset-income', 'poverty-project'] as const;
/** Sources a person enters; 资产收益 from project assets arrives from funds (one entry per distribution). */
export const ENTERED_SOURCES = ['operation', 'contracting', 'leasing', 'service', 'poverty-project'] as const;

const Village = RegionCode.refine((code) => !code.endsWith('000'), { message: '须为村级区划代码' });

export const CollectiveEntry = z.object({
  entryId: z.string(),
  year: z.number().int(),
  source: z.enum(COLLECTIVE_SOURCES),
  sourceZh: z.string(),
  amountFen: z.number().int(),
  note: z.string(),
  recordedOn: z.string(),
  by: z.string(),
  fromFunds: z.boolean(),
});

export const CollectiveYear = z.object({
  year: z.number().int(),
  totalFen: z.number().int(),
  bySource: z.array(z.object({ source: z.enum(COLLECTIVE_SOURCES), sourceZh: z.string(), amountFen: z.number().int() })),
  hollow: z.boolean(),
  exitFloorFen: z.number().int().optional(),
  meetsExitFloor: z.boolean().optional(),
  floorSource: z.string().optional(),
});

export const CollectiveLedger = z.object({
  village: z.string(),
  villageName: z.string(),
  years: z.array(CollectiveYear),
  entries: z.array(CollectiveEntry),
});
export type CollectiveLedger = z.infer<typeof CollectiveLedger>;

/** Read by the regional line of the village's region (the county keeps the ledger, 004 L75). */
export const getLedger = defineContract({
  id: 'collective.getLedger',
  method: 'GET',
  path: '/villages/{code}/collective-income',
  summary: '村级集体经济台账：本村各年度集体收入及来源、是否达到退出标准',
  auth: 'staff',
  roles: REGIONAL_ROLES,
  params: z.object({ code: Village }),
  response: CollectiveLedger,
});

export const recordIncome = defineContract({
  id: 'collective.recordIncome',
  method: 'POST',
  path: '/villages/{code}/collective-income',
  summary: '镇（街）或区县登记村集体收入（年度、来源、金额，留痕）',
  auth: 'staff',
  roles: ['town', 'county'],
  params: z.object({ code: Village }),
  body: z.object({
    year: z.number({ message: '请选择年度' }).int(),
    source: z.enum(ENTERED_SOURCES, { message: '请选择收入来源（资产收益由资金系统分配后自动登记）' }),
    amountFen: z.number({ message: '请填写金额' }).int({ message: '金额须为整数分' }),
    note: z.string().trim().min(1, { message: '请写明收入说明（如发包合同、经营项目名称）' }).max(200),
  }),
  response: CollectiveLedger,
});
