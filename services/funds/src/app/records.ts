import type { fundsApi } from '@jingzhun/types';
import type { z } from 'zod';

/** Stored records, as the contracts describe them. */
export type Fund = z.infer<typeof fundsApi.Fund>;
export type Pot = z.infer<typeof fundsApi.Pot>;
export type Allocation = z.infer<typeof fundsApi.Allocation>;
export type FactorSetRecord = z.infer<typeof fundsApi.FactorSet> & { by: string; at: string };
export type ProjectRecord = z.infer<typeof fundsApi.Project>;
export type Payment = z.infer<typeof fundsApi.Payment>;
export type AssetRecord = z.infer<typeof fundsApi.Asset>;
export type Income = z.infer<typeof fundsApi.Income>;
export type DistributionRecord = z.infer<typeof fundsApi.Distribution>;

/** Identification's household as funds keeps it (region and status for beneficiaries, the head's name for the village board). */
export interface HouseholdRecord {
  householdId: string;
  region: string;
  headName: string;
  size: number;
  status: string;
  version: number;
}

export interface BenefitRecord {
  householdId: string;
  distributionId: string;
  assetId: string;
  assetName: string;
  period: string;
  amountFen: number;
  link: z.infer<typeof fundsApi.Beneficiary>['link'];
  incomeKind: 'wage' | 'property';
  distributedOn: string;
}
