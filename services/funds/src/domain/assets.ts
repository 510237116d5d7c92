import { DomainError, fundsApi } from '@jingzhun/types';
import type { Beneficiary, LinkType } from './project.js';

/**
 * The asset register (资产登记管理台账) and the distribution of asset income.
 *
 * - seed 002 S-9 L51: "明晰产权归属，建立资产登记管理台账，落实监管责任，明确运管主体，落实管护责任":
 *   every asset has an owner, an operator (运管主体), a maintainer (管护责任) and a supervisor.
 * - seed 002 S-12 L103: assets formed by poverty funds belong to the village collective.
 * - seed 002 S-10 L51: income goes "主要用于巩固贫困户稳定脱贫", and "村集体收益部分可设立村扶贫基金或
 *   纳入孝善养老基金": the collective's part goes to the village poverty fund or the 孝善养老基金.
 *   No ratio is given; "主要" is read as more than half to households (Funds decision 5).
 * - seed 000 SUB-70 L1446–1452, 004 SUB-71 L460/L604: income rights 折股量化 to poor households:
 *   the households' part is split by their shares (seed 002 S-13 L147 tilts it toward households
 *   without labour capacity: the county expresses that tilt in the shares it assigns).
 * - seed 004 SUB-76 L1272 (PV): "电费按月支付、收益及时发放": income is recorded per month.
 */
export const COLLECTIVE_FUNDS = fundsApi.COLLECTIVE_FUNDS;
export type CollectiveFund = (typeof COLLECTIVE_FUNDS)[number];
export const COLLECTIVE_FUND_NAMES = fundsApi.COLLECTIVE_FUND_NAMES;

export interface DistributionRule {
  /** Whole percent of each distribution kept by the village collective (0–49). */
  collectivePercent: number;
  collectiveFund: CollectiveFund;
}

/** Households get more than half (seed 002 S-10 L51 "主要用于巩固贫困户稳定脱贫"). */
export const MAX_COLLECTIVE_PERCENT = 49;

export function validateRule(rule: DistributionRule): void {
  if (!Number.isInteger(rule.collectivePercent) || rule.collectivePercent < 0 || rule.collectivePercent > MAX_COLLECTIVE_PERCENT) {
    throw new DomainError('RULE_INVALID', `村集体留存比例须为 0 到 ${MAX_COLLECTIVE_PERCENT} 的整数百分比（收益主要用于巩固贫困户稳定脱贫，seed 002 L51）`, 400);
  }
}

export interface Asset {
  assetId: string;
  projectId: string;
  name: string;
  region: string;
  /** seed 002 S-12 L103: the village collective. */
  owner: string;
  operator: string | null;
  maintainer: string | null;
  supervisor: string | null;
  valueFen: number;
  registeredOn: string;
  rule: DistributionRule;
  beneficiaries: Beneficiary[];
  recordedFen: number;
  distributedFen: number;
}

export interface DistributionLine {
  householdId: string;
  link: LinkType;
  shares: number;
  amountFen: number;
  /** How identification counts it in the household's income (employment is wage income, the rest property income). */
  incomeKind: 'wage' | 'property';
}

export interface Distribution {
  amountFen: number;
  collectiveFen: number;
  collectiveFund: CollectiveFund;
  lines: DistributionLine[];
}

/** What may still be distributed: recorded income not yet distributed. */
export function undistributedFen(asset: Pick<Asset, 'recordedFen' | 'distributedFen'>): number {
  return asset.recordedFen - asset.distributedFen;
}

/**
 * Splits `amountFen` of recorded income: the collective's part (rounded down to whole fen, so
 * households never get less than their share), then the households' part by shares with largest
 * remainder (ties to the lower household id). The parts add up to the amount exactly.
 */
export function distributeIncome(asset: Pick<Asset, 'recordedFen' | 'distributedFen' | 'rule' | 'beneficiaries'>, amountFen: number): Distribution {
  validateRule(asset.rule);
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new DomainError('AMOUNT_INVALID', '分配金额须为正的整数分', 400);
  const left = undistributedFen(asset);
  if (amountFen > left) {
    throw new DomainError('OVER_DISTRIBUTION', `分配金额超过已登记未分配的收益（可分配 ${(left / 100).toFixed(2)} 元）`, 409, { undistributedFen: left, amountFen });
  }
  if (asset.beneficiaries.length === 0) throw new DomainError('NO_BENEFICIARIES', '该资产没有受益贫困户，不能分配收益', 409);
  const collectiveFen = Math.floor((amountFen * asset.rule.collectivePercent) / 100);
  const householdsFen = amountFen - collectiveFen;
  const totalShares = asset.beneficiaries.reduce((sum, b) => sum + b.shares, 0);
  const exact = asset.beneficiaries.map((b) => ({ b, floor: Math.floor((householdsFen * b.shares) / totalShares), rest: (householdsFen * b.shares) % totalShares }));
  let remainder = householdsFen - exact.reduce((sum, e) => sum + e.floor, 0);
  const order = [...exact].sort((x, y) => y.rest - x.rest || (x.b.householdId < y.b.householdId ? -1 : 1));
  const bonus = new Set<string>();
  for (const e of order) {
    if (remainder <= 0) break;
    bonus.add(e.b.householdId);
    remainder -= 1;
  }
  return {
    amountFen,
    collectiveFen,
    collectiveFund: asset.rule.collectiveFund,
    lines: exact.map(({ b, floor }) => ({
      householdId: b.householdId,
      link: b.link,
      shares: b.shares,
      amountFen: floor + (bonus.has(b.householdId) ? 1 : 0),
      incomeKind: b.link === 'employment' ? 'wage' : 'property',
    })),
  };
}

/** Income is a positive amount for a month (seed 004 SUB-76 L1272: PV fees are paid monthly). */
export function validateIncome(amountFen: number, period: string): void {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new DomainError('AMOUNT_INVALID', '收益金额须为正的整数分', 400);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new DomainError('VALIDATION_FAILED', '收益期间须为 YYYY-MM', 400);
}
