import { DomainError } from '@jingzhun/types';

/**
 * Factor-method allocation (因素法切块分配).
 *
 * - seed 004 SUB-85 L407: "继续采取因素法切块分配下达…把资金分配安排权、项目审批验收权全部下放县级"
 *   (the county allocates by factors and holds approval and acceptance).
 * - seed 003 FD-3 L755: the factors named are the poor population "有劳动能力、有发展产业愿望"
 *   and the recipient's "人均财力水平" (per-capita fiscal capacity); the weights are not given, so
 *   they are versioned parameters (Funds decision 2), and a capacity factor counts inversely
 *   (less capacity, larger share).
 * - seed 004 SUB-86 L407 (倾斜 to deep-poverty areas) and SUB-88 L411 (tilt for good fund
 *   management) are further factors a county may add to its factor set.
 *
 * The result is exact in fen: shares are computed per factor, weighted, and the total is split by
 * largest remainder (ties to the lower region code), so the parts always add up to the total.
 */
export interface Factor {
  code: string;
  nameZh: string;
  /** Integer weight; weights are relative (they need not add up to 100). */
  weight: number;
  /** `direct`: more of the value, more money. `inverse`: less of the value, more money (fiscal capacity). */
  direction: 'direct' | 'inverse';
  source: string;
}

export interface FactorSet {
  id: string;
  version: number;
  nameZh: string;
  factors: Factor[];
  /** Why this version exists (document, meeting). */
  basis: string;
}

export interface Recipient {
  region: string;
  values: Record<string, number>;
}

export interface FactorExplanation {
  code: string;
  nameZh: string;
  value: number;
  /** Share of this factor's total the recipient holds, in parts per million (for display). */
  sharePpm: number;
  weight: number;
  /** The fen this factor alone contributes before rounding to whole fen. */
  contributionFen: number;
}

export interface AllocationLine {
  region: string;
  amountFen: number;
  explanation: FactorExplanation[];
}

export function validateFactorSet(set: Pick<FactorSet, 'factors'>): void {
  if (set.factors.length === 0) throw new DomainError('FACTORS_EMPTY', '因素法至少需要一个分配因素', 400);
  const codes = new Set<string>();
  for (const factor of set.factors) {
    if (codes.has(factor.code)) throw new DomainError('FACTOR_REPEATED', `分配因素「${factor.nameZh}」重复`, 400);
    codes.add(factor.code);
    if (!Number.isInteger(factor.weight) || factor.weight <= 0) throw new DomainError('FACTOR_WEIGHT_INVALID', `分配因素「${factor.nameZh}」的权重须为正整数`, 400);
  }
}

/** Splits `totalFen` among the recipients by the factor set (see above). */
export function allocateByFactors(totalFen: number, set: Pick<FactorSet, 'factors'>, recipients: readonly Recipient[]): AllocationLine[] {
  validateFactorSet(set);
  if (!Number.isSafeInteger(totalFen) || totalFen <= 0) throw new DomainError('ALLOCATION_AMOUNT_INVALID', '分配金额须为正的整数分', 400);
  if (recipients.length === 0) throw new DomainError('ALLOCATION_NO_RECIPIENTS', '请至少选择一个分配对象', 400);
  const regions = new Set<string>();
  for (const recipient of recipients) {
    if (regions.has(recipient.region)) throw new DomainError('ALLOCATION_RECIPIENT_REPEATED', `分配对象 ${recipient.region} 重复`, 400);
    regions.add(recipient.region);
  }
  const weightTotal = set.factors.reduce((sum, f) => sum + f.weight, 0);

  // Per factor: each recipient's share of that factor (direct value, or the reciprocal for inverse).
  const shares = set.factors.map((factor) => {
    const basis = recipients.map((recipient) => {
      const value = recipient.values[factor.code];
      if (value === undefined || !Number.isFinite(value) || value < 0) {
        throw new DomainError('FACTOR_VALUE_MISSING', `分配对象 ${recipient.region} 缺少因素「${factor.nameZh}」的数值（须为非负数）`, 400, {
          region: recipient.region,
          factor: factor.code,
        });
      }
      if (factor.direction === 'inverse' && value === 0) {
        throw new DomainError('FACTOR_VALUE_INVALID', `因素「${factor.nameZh}」按反向计算，数值须大于零（${recipient.region}）`, 400, {
          region: recipient.region,
          factor: factor.code,
        });
      }
      return factor.direction === 'inverse' ? 1 / value : value;
    });
    const sum = basis.reduce((a, b) => a + b, 0);
    if (sum === 0) throw new DomainError('FACTOR_ALL_ZERO', `所有分配对象的因素「${factor.nameZh}」均为零，无法按此因素分配`, 400, { factor: factor.code });
    return basis.map((b) => b / sum);
  });

  const exact = recipients.map((_, i) => set.factors.reduce((sum, factor, f) => sum + (totalFen * factor.weight * (shares[f]?.[i] ?? 0)) / weightTotal, 0));
  const floors = exact.map((value) => Math.floor(value + 1e-9));
  let remainder = totalFen - floors.reduce((a, b) => a + b, 0);
  const order = recipients
    .map((recipient, i) => ({ i, region: recipient.region, fraction: (exact[i] ?? 0) - (floors[i] ?? 0) }))
    .sort((a, b) => b.fraction - a.fraction || (a.region < b.region ? -1 : 1));
  for (const { i } of order) {
    if (remainder <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    remainder -= 1;
  }

  return recipients.map((recipient, i) => ({
    region: recipient.region,
    amountFen: floors[i] ?? 0,
    explanation: set.factors.map((factor, f) => ({
      code: factor.code,
      nameZh: factor.nameZh,
      value: recipient.values[factor.code] ?? 0,
      sharePpm: Math.round((shares[f]?.[i] ?? 0) * 1_000_000),
      weight: factor.weight,
      contributionFen: Math.round((totalFen * factor.weight * (shares[f]?.[i] ?? 0)) / weightTotal),
    })),
  }));
}

/**
 * The factor set the county starts from (version 1): the two factors of seed 003 FD-3 L755. The
 * weights 70 : 30 are the project's proposal (Funds decision 2); the county posts a new version
 * to change them.
 */
export const DEFAULT_FACTOR_SET: FactorSet = {
  id: 'industry',
  version: 1,
  nameZh: '产业发展资金因素法',
  basis: 'seed 003 FD-3 L755（因素：有劳动能力、有发展产业愿望的贫困人口数；人均财力水平）；权重 70:30 为本系统默认，由区县扶贫办按年度调整',
  factors: [
    {
      code: 'labourPoor',
      nameZh: '有劳动能力、有发展产业愿望的贫困人口（人）',
      weight: 70,
      direction: 'direct',
      source: 'seed 003 FD-3 L755',
    },
    {
      code: 'fiscalPerCapitaYuan',
      nameZh: '人均财力水平（元，反向）',
      weight: 30,
      direction: 'inverse',
      source: 'seed 003 FD-3 L755',
    },
  ],
};
