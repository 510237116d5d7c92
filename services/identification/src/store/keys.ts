import { platformKeys } from '@jingzhun/platform';

/**
 * Key builders for the identification table: the only place key strings are written.
 *
 * | entity          | pk                        | sk              | gsi1pk / gsi1sk                         | gsi2pk / gsi2sk                        |
 * |-----------------|---------------------------|-----------------|-----------------------------------------|----------------------------------------|
 * | region          | REGION#<code>             | REGION          | REGION_CHILDREN#<parent> / <code>       |                                        |
 * | household       | HH#<householdId>          | HH              | HH_TOWN#<town 9> / <village>#<id>       | HH_COUNTY#<county 6> / <village>#<id>  |
 * | hit             | HH#<householdId>          | HIT#<hitId>     |                                         |                                        |
 * | asset benefit   | HH#<householdId>          | BENEFIT#<distributionId> |                                |                                        |
 * | ID-number guard | IDNUM#<idNumber>          | IDNUM           |                                         |                                        |
 * | notice request  | NOTICE_REQ#<requestId>    | NOTICE_REQ      |                                         |                                        |
 * | poverty line    | LINE#<level>              | <year>          |                                         |                                        |
 * | NSYS window     | NSYS_WINDOW#<county 6>    | NSYS_WINDOW     |                                         |                                        |
 * | village exit    | VILLAGE_EXIT#<village>    | <year>          |                                         |                                        |
 * | import          | IMPORT#<importId>         | IMPORT          |                                         |                                        |
 * | audit           | AUDIT#HOUSEHOLD#<id>      | <at>#<id>       | (platformKeys.audit)                    |                                        |
 * | 低保/特困 case   | CASE#<caseId>             | CASE            | CASE_TOWN#<town 9> / <village>#<id>     | CASE_COUNTY#<county 6> / <village>#<id>|
 * | open-case guard | CASE_OPEN#<hh>#<kind>     | CASE_OPEN       |                                         |                                        |
 * | 渐退 due marker  | CASE_DUE                  | <endsOn>#<id>   |                                         |                                        |
 * | temporary aid   | AID#<aidId>               | AID             | AID_TOWN#<town 9> / <village>#<id>      | AID_COUNTY#<county 6> / <village>#<id> |
 * | case parameters | CASEWORK_PARAMS#<county 6>| PARAMS          |                                         |                                        |
 */
export const regionKeys = {
  item: (code: string) => ({ pk: `REGION#${code}`, sk: 'REGION' }),
  childIndex: (parent: string, code: string) => ({ gsi1pk: `REGION_CHILDREN#${parent}`, gsi1sk: code }),
  childrenOf: (parent: string) => ({ name: 'gsi1pk', value: `REGION_CHILDREN#${parent}` }),
};

export const householdKeys = {
  item: (householdId: string) => ({ pk: `HH#${householdId}`, sk: 'HH' }),
  indexes: (village: string, householdId: string) => ({
    gsi1pk: `HH_TOWN#${village.slice(0, 9)}`,
    gsi1sk: `${village}#${householdId}`,
    gsi2pk: `HH_COUNTY#${village.slice(0, 6)}`,
    gsi2sk: `${village}#${householdId}`,
  }),
  /** Households of a town (optionally one village of it): gsi1. */
  byTown: (town: string) => ({ index: 'gsi1', partition: { name: 'gsi1pk', value: `HH_TOWN#${town.slice(0, 9)}` } }),
  /** Households of a county: gsi2. */
  byCounty: (county: string) => ({ index: 'gsi2', partition: { name: 'gsi2pk', value: `HH_COUNTY#${county.slice(0, 6)}` } }),
  villagePrefix: (village: string, index: 'gsi1' | 'gsi2') => ({ name: `${index}sk`, value: `${village}#` }),
  hit: (householdId: string, hitId: string) => ({ pk: `HH#${householdId}`, sk: `HIT#${hitId}` }),
  hitsOf: (householdId: string) => ({ partition: { name: 'pk', value: `HH#${householdId}` }, sortKeyPrefix: { name: 'sk', value: 'HIT#' } }),
  /** One asset-income benefit fact per household and funds distribution (issue 16): the key is the idempotency guard. */
  benefit: (householdId: string, distributionId: string) => ({ pk: `HH#${householdId}`, sk: `BENEFIT#${distributionId}` }),
  benefitsOf: (householdId: string) => ({ partition: { name: 'pk', value: `HH#${householdId}` }, sortKeyPrefix: { name: 'sk', value: 'BENEFIT#' } }),
  /** Where refused lines of a funds distribution are audited (no household to audit them on). */
  distributionAuditSubject: (distributionId: string) => `FUNDS_DISTRIBUTION#${distributionId}`,
  auditSubject: (householdId: string) => `HOUSEHOLD#${householdId}`,
  auditOf: (householdId: string) => ({ name: 'pk', value: platformKeys.audit(`HOUSEHOLD#${householdId}`, '', '').pk }),
};

/** The object key of an evidence file in the file store (bucket or local folder): under its household. */
export const evidenceFileKey = (householdId: string, fileId: string) => `evidence/${householdId}/${fileId}`;
export const idGuardKey = (idNumber: string) => ({ pk: `IDNUM#${idNumber}`, sk: 'IDNUM' });
export const noticeRequestKey = (requestId: string) => ({ pk: `NOTICE_REQ#${requestId}`, sk: 'NOTICE_REQ' });
export const lineKeys = {
  item: (level: string, year: number) => ({ pk: `LINE#${level}`, sk: String(year) }),
  ofLevel: (level: string) => ({ name: 'pk', value: `LINE#${level}` }),
};
export const windowKey = (county: string) => ({ pk: `NSYS_WINDOW#${county.slice(0, 6)}`, sk: 'NSYS_WINDOW' });
export const villageExitKey = (village: string, year: number) => ({ pk: `VILLAGE_EXIT#${village}`, sk: String(year) });
export const importKey = (importId: string) => ({ pk: `IMPORT#${importId}`, sk: 'IMPORT' });

/** 民政 case work (issue 20): 低保/特困 cases, the one-open-case-per-kind guard, temporary aid, county parameters. */
export const caseworkKeys = {
  case: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CASE' }),
  caseIndexes: (village: string, caseId: string) => ({
    gsi1pk: `CASE_TOWN#${village.slice(0, 9)}`,
    gsi1sk: `${village}#${caseId}`,
    gsi2pk: `CASE_COUNTY#${village.slice(0, 6)}`,
    gsi2sk: `${village}#${caseId}`,
  }),
  casesByTown: (town: string) => ({ index: 'gsi1', partition: { name: 'gsi1pk', value: `CASE_TOWN#${town.slice(0, 9)}` } }),
  casesByCounty: (county: string) => ({ index: 'gsi2', partition: { name: 'gsi2pk', value: `CASE_COUNTY#${county.slice(0, 6)}` } }),
  openCase: (householdId: string, kind: string) => ({ pk: `CASE_OPEN#${householdId}#${kind}`, sk: 'CASE_OPEN' }),
  caseAuditSubject: (caseId: string) => `CASE#${caseId}`,
  /** One partition of the 渐退 periods in course, by their last day (the daily job reads those past). */
  gradualExitDue: (endsOn: string, caseId: string) => ({ pk: 'CASE_DUE', sk: `${endsOn}#${caseId}` }),
  gradualExitsDue: () => ({ partition: { name: 'pk', value: 'CASE_DUE' } }),
  aid: (aidId: string) => ({ pk: `AID#${aidId}`, sk: 'AID' }),
  aidIndexes: (village: string, aidId: string) => ({
    gsi1pk: `AID_TOWN#${village.slice(0, 9)}`,
    gsi1sk: `${village}#${aidId}`,
    gsi2pk: `AID_COUNTY#${village.slice(0, 6)}`,
    gsi2sk: `${village}#${aidId}`,
  }),
  aidByTown: (town: string) => ({ index: 'gsi1', partition: { name: 'gsi1pk', value: `AID_TOWN#${town.slice(0, 9)}` } }),
  aidByCounty: (county: string) => ({ index: 'gsi2', partition: { name: 'gsi2pk', value: `AID_COUNTY#${county.slice(0, 6)}` } }),
  aidAuditSubject: (aidId: string) => `AID#${aidId}`,
  /** A village's items inside a town or county partition. */
  villagePrefix: (village: string, index: 'gsi1' | 'gsi2') => ({ name: `${index}sk`, value: `${village}#` }),
  parameters: (county: string) => ({ pk: `CASEWORK_PARAMS#${county.slice(0, 6)}`, sk: 'PARAMS' }),
  parametersAuditSubject: (county: string) => `CASEWORK_PARAMS#${county.slice(0, 6)}`,
};

/** The village collective economy ledger (issue 20; seed 004 L75): one item per entry; a funds distribution's entry is keyed by its id (idempotent). */
export const collectiveKeys = {
  village: (village: string) => ({ name: 'pk', value: `COLLECTIVE#${village}` }),
  entry: (village: string, year: number, entryId: string) => ({ pk: `COLLECTIVE#${village}`, sk: `${year}#${entryId}` }),
  distribution: (village: string, year: number, distributionId: string) => ({ pk: `COLLECTIVE#${village}`, sk: `${year}#DIST#${distributionId}` }),
};
