import { regionLevel, regionPath, regionPrefix } from '@jingzhun/types';

/**
 * Key builders for the funds table: the only place key strings are written.
 *
 * | entity       | pk                     | sk                          | gsi1pk               | gsi1sk                 |
 * |--------------|------------------------|-----------------------------|----------------------|------------------------|
 * | fund         | FUND#<fundId>          | FUND                        | FUNDS#<county>       | <year>#<fundId>        |
 * | pot          | FUND#<fundId>          | POT#<region>                | POTS#<county>        | <region>#<fundId>      |
 * | allocation   | FUND#<fundId>          | ALLOC#<allocationId>        |                      |                        |
 * | entry        | LEDGER#<fundId>        | <at>#<entryId>              |                      |                        |
 * | factor set   | FACTORS#<county>       | <version, 6 digits>         |                      |                        |
 * | project      | PROJECT#<projectId>    | PROJECT                     | PROJECTS#<county>    | <region>#<projectId>   |
 * | payment      | PROJECT#<projectId>    | PAYMENT#<paidOn>#<id>       |                      |                        |
 * | asset        | ASSET#<assetId>        | ASSET                       | ASSETS#<county>      | <region>#<assetId>     |
 * | income       | ASSET#<assetId>        | INCOME#<period>#<id>        |                      |                        |
 * | distribution | ASSET#<assetId>        | DIST#<distributionId>       |                      |                        |
 * | household    | HOUSEHOLD#<id>         | HOUSEHOLD                   | HOUSEHOLDS#<village> | <householdId>          |
 * | benefit      | HOUSEHOLD#<id>         | BENEFIT#<on>#<distribution> |                      |                        |
 *
 * Regional lists query the county's index partition, narrowed to a town or village by the sort
 * key prefix (the region code's significant digits).
 */
const pad = (version: number) => String(version).padStart(6, '0');

/** The county of a county-or-below region; undefined above county level. */
export function countyOf(region: string): string | undefined {
  return regionPath(region).find((code) => regionLevel(code) === 'county');
}

/** The sort-key prefix that selects a region within its county's partition (none for the county itself). */
export function withinPrefix(region: string): { name: string; value: string } | undefined {
  return regionLevel(region) === 'county' ? undefined : { name: 'gsi1sk', value: regionPrefix(region) };
}

export const potIdOf = (fundId: string, region: string) => `${fundId}:${region}`;
export function parsePotId(potId: string): { fundId: string; region: string } | undefined {
  const match = /^([^:]+):(\d{12})$/.exec(potId);
  return match ? { fundId: match[1] as string, region: match[2] as string } : undefined;
}

export const fundKeys = {
  item: (fundId: string) => ({ pk: `FUND#${fundId}`, sk: 'FUND' }),
  index: (county: string, year: number, fundId: string) => ({ gsi1pk: `FUNDS#${county}`, gsi1sk: `${year}#${fundId}` }),
  ofCounty: (county: string) => ({ name: 'gsi1pk', value: `FUNDS#${county}` }),
  partition: (fundId: string) => ({ name: 'pk', value: `FUND#${fundId}` }),
  subject: (fundId: string) => `FUND#${fundId}`,
};

export const potKeys = {
  item: (fundId: string, region: string) => ({ pk: `FUND#${fundId}`, sk: `POT#${region}` }),
  index: (county: string, region: string, fundId: string) => ({ gsi1pk: `POTS#${county}`, gsi1sk: `${region}#${fundId}` }),
  ofCounty: (county: string) => ({ name: 'gsi1pk', value: `POTS#${county}` }),
  ofFund: () => ({ name: 'sk', value: 'POT#' }),
};

export const allocationKeys = {
  item: (fundId: string, allocationId: string) => ({ pk: `FUND#${fundId}`, sk: `ALLOC#${allocationId}` }),
  ofFund: () => ({ name: 'sk', value: 'ALLOC#' }),
};

export const entryKeys = {
  item: (fundId: string, at: string, entryId: string) => ({ pk: `LEDGER#${fundId}`, sk: `${at}#${entryId}` }),
  partition: (fundId: string) => ({ name: 'pk', value: `LEDGER#${fundId}` }),
};

export const factorKeys = {
  version: (county: string, version: number) => ({ pk: `FACTORS#${county}`, sk: pad(version) }),
  partition: (county: string) => ({ name: 'pk', value: `FACTORS#${county}` }),
  subject: (county: string) => `FACTORS#${county}`,
};

export const projectKeys = {
  item: (projectId: string) => ({ pk: `PROJECT#${projectId}`, sk: 'PROJECT' }),
  index: (county: string, region: string, projectId: string) => ({ gsi1pk: `PROJECTS#${county}`, gsi1sk: `${region}#${projectId}` }),
  ofCounty: (county: string) => ({ name: 'gsi1pk', value: `PROJECTS#${county}` }),
  payment: (projectId: string, paidOn: string, paymentId: string) => ({ pk: `PROJECT#${projectId}`, sk: `PAYMENT#${paidOn}#${paymentId}` }),
  partition: (projectId: string) => ({ name: 'pk', value: `PROJECT#${projectId}` }),
  payments: () => ({ name: 'sk', value: 'PAYMENT#' }),
  subject: (projectId: string) => `PROJECT#${projectId}`,
};

/** The public copy of a project (app/public-project.ts), written with every change from 立项 on; public routes read only these. */
export const publicProjectKeys = {
  item: (projectId: string) => ({ pk: `PUBLIC#PROJECT#${projectId}`, sk: 'PUBLIC' }),
  index: (county: string, region: string, projectId: string) => ({ gsi1pk: `PUBLIC-PROJECTS#${county}`, gsi1sk: `${region}#${projectId}` }),
  ofCounty: (county: string) => ({ name: 'gsi1pk', value: `PUBLIC-PROJECTS#${county}` }),
};

export const assetKeys = {
  item: (assetId: string) => ({ pk: `ASSET#${assetId}`, sk: 'ASSET' }),
  index: (county: string, region: string, assetId: string) => ({ gsi1pk: `ASSETS#${county}`, gsi1sk: `${region}#${assetId}` }),
  ofCounty: (county: string) => ({ name: 'gsi1pk', value: `ASSETS#${county}` }),
  income: (assetId: string, period: string, incomeId: string) => ({ pk: `ASSET#${assetId}`, sk: `INCOME#${period}#${incomeId}` }),
  distribution: (assetId: string, distributionId: string) => ({ pk: `ASSET#${assetId}`, sk: `DIST#${distributionId}` }),
  partition: (assetId: string) => ({ name: 'pk', value: `ASSET#${assetId}` }),
  incomes: () => ({ name: 'sk', value: 'INCOME#' }),
  distributions: () => ({ name: 'sk', value: 'DIST#' }),
  subject: (assetId: string) => `ASSET#${assetId}`,
};

export const householdKeys = {
  item: (householdId: string) => ({ pk: `HOUSEHOLD#${householdId}`, sk: 'HOUSEHOLD' }),
  index: (village: string, householdId: string) => ({ gsi1pk: `HOUSEHOLDS#${village}`, gsi1sk: householdId }),
  ofVillage: (village: string) => ({ name: 'gsi1pk', value: `HOUSEHOLDS#${village}` }),
  benefit: (householdId: string, on: string, distributionId: string) => ({ pk: `HOUSEHOLD#${householdId}`, sk: `BENEFIT#${on}#${distributionId}` }),
  partition: (householdId: string) => ({ name: 'pk', value: `HOUSEHOLD#${householdId}` }),
  benefits: () => ({ name: 'sk', value: 'BENEFIT#' }),
};
