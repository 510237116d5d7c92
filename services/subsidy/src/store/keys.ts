/**
 * Key builders for the subsidy table: the only place key strings are written.
 *
 * | entity     | pk                                | sk                                  | gsi1pk                 | gsi1sk                      |
 * |------------|-----------------------------------|-------------------------------------|------------------------|-----------------------------|
 * | household  | HH#<householdId>                  | CURRENT                             | HH_COUNTY#<county6>    | <village>#<householdId>     |
 * | revision   | HH#<householdId>                  | REV#<validFrom>#<eventId>           |                        |                             |
 * | parameters | PARAMS#<jurisdiction>             | CURRENT · V#<version 6 digits>      |                        |                             |
 * | run        | RUN#<period>                      | <region>                            | gsi2: APPROVED_RUNS#<county6> / <period>#<region> (set at approval) |
 * | run-claim  | RUNCLAIM#<period>                 | <jurisdiction>                      |                        |                             |
 * | standard   | STD#<jurisdiction>                | <itemId>#V#<version 6 digits>       |                        |                             |
 * | line       | LINE#<period>#<village>           | <householdId>#<itemId>              |                        |                             |
 * | diff       | DIFF#<period>#<region>#<attempt>  | <householdId>#<itemId>              |                        |                             |
 * | payees     | PAYEE#<householdId>               | CURRENT                             |                        |                             |
 * | head id    | PAYEE_ID#<sha256(head ID number)> | <householdId>                       |                        |                             |
 * | rate       | RATE#<what>#<subject>#<hour>      | RATE                                |                        |                             |
 * | payment    | PAY#<rosterId>                    | <lineRef>                           |                        |                             |
 * | pay import | PAYIMPORT#<rosterId>              | <importId>                          |                        |                             |
 * | reissue    | REISSUE#<period>#<region>         | R<n 3 digits>                       |                        |                             |
 * | rline      | RLINE#<period>#<region>#<n>       | <lineRef>                           |                        |                             |
 *
 * A line's key is period + village (its region) + household + item: re-running writes the same keys.
 */
export const householdKeys = {
  current: (householdId: string) => ({
    pk: `HH#${householdId}`,
    sk: 'CURRENT',
  }),
  countyIndex: (village: string, householdId: string) => ({
    gsi1pk: `HH_COUNTY#${village.slice(0, 6)}`,
    gsi1sk: `${village}#${householdId}`,
  }),
  /** GSI partition of a region's households and the sort-key prefix that narrows it to the region. */
  inRegion: (regionPrefix: string) => ({
    partition: {
      name: 'gsi1pk',
      value: `HH_COUNTY#${regionPrefix.slice(0, 6)}`,
    },
    sortKeyPrefix: {
      name: 'gsi1sk',
      value: regionPrefix.length > 6 ? regionPrefix : '',
    },
  }),
  revision: (householdId: string, validFrom: string, eventId: string) => ({
    pk: `HH#${householdId}`,
    sk: `REV#${validFrom}#${eventId}`,
  }),
  /** Upper bound of revision sort keys valid at an instant (ISO). */
  revisionsUpTo: (householdId: string, instant: string) => ({
    pk: `HH#${householdId}`,
    skFrom: 'REV#',
    skTo: `REV#${instant}#~`,
  }),
};

export const parameterKeys = {
  current: (jurisdiction: string) => ({
    pk: `PARAMS#${jurisdiction}`,
    sk: 'CURRENT',
  }),
  version: (jurisdiction: string, version: number) => ({
    pk: `PARAMS#${jurisdiction}`,
    sk: `V#${String(version).padStart(6, '0')}`,
  }),
};

export const standardKeys = {
  version: (jurisdiction: string, itemId: string, version: number) => ({
    pk: `STD#${jurisdiction}`,
    sk: `${itemId}#V#${String(version).padStart(6, '0')}`,
  }),
  ofJurisdiction: (jurisdiction: string) => ({ name: 'pk', value: `STD#${jurisdiction}` }),
  subject: (jurisdiction: string, itemId: string) => `STD#${jurisdiction}#${itemId}`,
};

export const runKeys = {
  run: (period: string, region: string) => ({
    pk: `RUN#${period}`,
    sk: region,
  }),
  ofPeriod: (period: string) => ({ name: 'pk', value: `RUN#${period}` }),
  /** The regions of a jurisdiction that hold a run of the period (one item: starts exclude each other on it). */
  claim: (period: string, jurisdiction: string) => ({
    pk: `RUNCLAIM#${period}`,
    sk: jurisdiction,
  }),
  /** The approved-roster index: one county's approved runs, by period (the public payments lookup reads it). */
  approvedIndex: (period: string, region: string) => ({ gsi2pk: `APPROVED_RUNS#${region.slice(0, 6)}`, gsi2sk: `${period}#${region}` }),
  approvedInCounty: (village: string) => ({ name: 'gsi2pk', value: `APPROVED_RUNS#${village.slice(0, 6)}` }),
  runId: (period: string, region: string, attempt: number) => `${period}:${region}:${attempt}`,
  rosterId: (period: string, region: string) => `${period}:${region}`,
  subject: (period: string, region: string) => `RUN#${period}#${region}`,
};

export const lineKeys = {
  line: (period: string, village: string, householdId: string, itemId: string) => ({ pk: `LINE#${period}#${village}`, sk: `${householdId}#${itemId}` }),
  village: (period: string, village: string) => ({
    name: 'pk',
    value: `LINE#${period}#${village}`,
  }),
  /** Sort-key range of one household's lines. */
  householdRange: (householdId: string) => ({
    from: `${householdId}#`,
    to: `${householdId}#~`,
  }),
};

export const diffKeys = {
  diff: (period: string, region: string, attempt: number, householdId: string, itemId: string) => ({
    pk: `DIFF#${period}#${region}#${attempt}`,
    sk: `${householdId}#${itemId}`,
  }),
  ofAttempt: (period: string, region: string, attempt: number) => ({
    name: 'pk',
    value: `DIFF#${period}#${region}#${attempt}`,
  }),
};

/** The payees of a household (ID numbers, 一卡通 accounts) from identification's payees event. */
export const payeeKeys = {
  household: (householdId: string) => ({ pk: `PAYEE#${householdId}`, sk: 'CURRENT' }),
  /**
   * The household a head's ID number belongs to. The number is hashed only to make a key: the
   * payees item beside it holds the number itself, as the bank export needs.
   */
  headId: (idHash: string, householdId: string) => ({ pk: `PAYEE_ID#${idHash}`, sk: householdId }),
  ofHeadId: (idHash: string) => ({ name: 'pk', value: `PAYEE_ID#${idHash}` }),
};

/** Hourly flood counters of the public payments lookup (platform rate-limit.ts). */
export const rateKeys = {
  lookupsByAddress: (addressHash: string, hour: string) => ({ pk: `RATE#PAYMENT_LOOKUP_ADDRESS#${addressHash}#${hour}`, sk: 'RATE' }),
  lookupsByIdNumber: (idHash: string, hour: string) => ({ pk: `RATE#PAYMENT_LOOKUP_ID#${idHash}#${hour}`, sk: 'RATE' }),
};

/**
 * Payment results per roster line. A roster is the run's (`period:region`) or a re-issue roster
 * (`period:region:R<n>`); a line reference is the same in every roster that pays it.
 */
export const paymentKeys = {
  result: (rosterId: string, lineRef: string) => ({ pk: `PAY#${rosterId}`, sk: lineRef }),
  ofRoster: (rosterId: string) => ({ name: 'pk', value: `PAY#${rosterId}` }),
  import: (rosterId: string, importId: string) => ({ pk: `PAYIMPORT#${rosterId}`, sk: importId }),
};

export const reissueKeys = {
  roster: (period: string, region: string, n: number) => ({ pk: `REISSUE#${period}#${region}`, sk: `R${String(n).padStart(3, '0')}` }),
  ofRun: (period: string, region: string) => ({ name: 'pk', value: `REISSUE#${period}#${region}` }),
  rosterId: (period: string, region: string, n: number) => `${period}:${region}:R${n}`,
  line: (period: string, region: string, n: number, lineRef: string) => ({ pk: `RLINE#${period}#${region}#${n}`, sk: lineRef }),
  lines: (period: string, region: string, n: number) => ({ name: 'pk', value: `RLINE#${period}#${region}#${n}` }),
};
