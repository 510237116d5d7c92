import * as z from 'zod';
import { RegionCode } from './region.js';

/**
 * Staff roles, after the actors of workflows.md §1.1 and the data owners of the bank assessment.
 */
export const ROLES = [
  'village', // 村两委、扶贫专干 (V2C)
  'town', // 镇（街）党委政府 (TWN)
  'county', // 区县扶贫办 (CPO)
  'leading_group', // 扶贫开发领导小组 (LG)
  'department', // 职能部门: 民政、残联、公安、财政、住建、教育…
  'finance_office', // 金融办
  'pboc', // 人民银行
  'bank', // 银行机构
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_NAMES_ZH: Record<Role, string> = {
  village: '村两委',
  town: '镇（街）',
  county: '区县扶贫办',
  leading_group: '扶贫开发领导小组',
  department: '职能部门',
  finance_office: '金融办',
  pboc: '人民银行',
  bank: '银行机构',
};

/**
 * The regional line (village, town, county and the county's leading group): the roles whose duties
 * are the register of their own region (workflows.md §1.1 V2C, TWN, CPO, LG). Register reads name
 * these roles; a department, the financial office, the PBoC and banks read only what their duties
 * need, through their own views (docs/security.md).
 */
export const REGIONAL_ROLES = ['village', 'town', 'county', 'leading_group'] as const satisfies readonly Role[];

/** The claims a staff token carries (Cognito custom attributes locally and in the cloud). */
export const StaffClaims = z.object({
  sub: z.string().min(1),
  name: z.string().min(1),
  role: Role,
  region: RegionCode,
  department: z.string().optional(),
  bankId: z.string().optional(),
});
export type StaffClaims = z.infer<typeof StaffClaims>;

/** Claim names as carried in the JWT (Cognito custom attributes). */
export const JWT_CLAIM = {
  role: 'custom:role',
  region: 'custom:region',
  department: 'custom:department',
  bankId: 'custom:bank',
  name: 'name',
} as const;

/** The audience (app client id) local tokens carry; the cloud uses the Cognito app client id. */
export const LOCAL_AUDIENCE = 'jingzhun-console';
export const LOCAL_ISSUER = 'http://localhost:3000/dev';
