import type { FactKind } from '../domain/projection.js';

/**
 * Key builders for the dispatch table: the only place key strings are written.
 *
 * | entity        | pk                              | sk                                  | gsi1pk                          | gsi1sk            |
 * |---------------|---------------------------------|-------------------------------------|---------------------------------|-------------------|
 * | counter       | COUNT#<region>                  | <period>                            | COUNT_CHILDREN#<parent>#<period> | <region>          |
 * | fact          | FACT#<kind>#<id>                | FACT                                |                                 |                   |
 * | monitor case  | FACT#monitoring#<householdId>   | FACT                                | MONCASE#<county>                | <signalledOn>#<id>|
 * | aid case      | FACT#aid-case#<aidId>           | FACT                                | AIDCASE#<county>                | <openedOn>#<id>   |
 * | assessment    | FACT#assessment#<id>            | FACT                                | ASSESSMENTS#<district>          | <year>#<id>       |
 * | target        | TARGET#<jurisdiction>           | <code>                              |                                 |                   |
 * | target hist.  | TARGET_HISTORY#<jur>#<code>     | <version, 6 digits>                 |                                 |                   |
 * | filing        | FILING#<jurisdiction>#<period>  | <filer>                             |                                 |                   |
 * | filing hist.  | FILING_HISTORY#<jur>#<period>#<filer> | <version, 6 digits>           |                                 |                   |
 * | report        | REPORT#<region>                 | <kind>#<period>                     |                                 |                   |
 * | job run       | JOBRUN#<job>                    | <period>#<region>#<startedAt>#<id>  | JOBRUNS                         | <startedAt>#<id>  |
 * | job output    | JOBOUT#<job>#<region>           | <period>                            |                                 |                   |
 *
 * Metric values of a counter are top-level attributes named `m:<metric>` (one item per region and
 * month, so one event touches one item per region level).
 */
export const METRIC_ATTRIBUTE_PREFIX = 'm:';

const pad = (version: number) => String(version).padStart(6, '0');

export const counterKeys = {
  item: (region: string, period: string) => ({ pk: `COUNT#${region}`, sk: period }),
  partition: (region: string) => ({ name: 'pk', value: `COUNT#${region}` }),
  childIndex: (parent: string, period: string, region: string) => ({ gsi1pk: `COUNT_CHILDREN#${parent}#${period}`, gsi1sk: region }),
  childrenOf: (parent: string, period: string) => ({ name: 'gsi1pk', value: `COUNT_CHILDREN#${parent}#${period}` }),
  attribute: (metric: string) => `${METRIC_ATTRIBUTE_PREFIX}${metric}`,
};

export const factKeys = {
  item: (kind: FactKind, id: string) => ({ pk: `FACT#${kind}#${id}`, sk: 'FACT' }),
  monitoringIndex: (county: string, signalledOn: string, householdId: string) => ({ gsi1pk: `MONCASE#${county}`, gsi1sk: `${signalledOn}#${householdId}` }),
  monitoringOf: (county: string) => ({ name: 'gsi1pk', value: `MONCASE#${county}` }),
  assessmentIndex: (district: string, year: number, id: string) => ({ gsi1pk: `ASSESSMENTS#${district}`, gsi1sk: `${year}#${id}` }),
  assessmentsOf: (district: string) => ({ name: 'gsi1pk', value: `ASSESSMENTS#${district}` }),
  /** Temporary-aid cases of a county (issue 20: the overdue list). */
  aidIndex: (county: string, openedOn: string, aidId: string) => ({ gsi1pk: `AIDCASE#${county}`, gsi1sk: `${openedOn}#${aidId}` }),
  aidOf: (county: string) => ({ name: 'gsi1pk', value: `AIDCASE#${county}` }),
};

export const targetKeys = {
  item: (jurisdiction: string, code: string) => ({ pk: `TARGET#${jurisdiction}`, sk: code }),
  partition: (jurisdiction: string) => ({ name: 'pk', value: `TARGET#${jurisdiction}` }),
  history: (jurisdiction: string, code: string, version: number) => ({ pk: `TARGET_HISTORY#${jurisdiction}#${code}`, sk: pad(version) }),
  historyPartition: (jurisdiction: string, code: string) => ({ name: 'pk', value: `TARGET_HISTORY#${jurisdiction}#${code}` }),
  subject: (jurisdiction: string, code: string) => `TARGET#${jurisdiction}#${code}`,
};

export const filingKeys = {
  item: (jurisdiction: string, period: string, filer: string) => ({ pk: `FILING#${jurisdiction}#${period}`, sk: filer }),
  partition: (jurisdiction: string, period: string) => ({ name: 'pk', value: `FILING#${jurisdiction}#${period}` }),
  history: (jurisdiction: string, period: string, filer: string, version: number) => ({
    pk: `FILING_HISTORY#${jurisdiction}#${period}#${filer}`,
    sk: pad(version),
  }),
  historyPartition: (jurisdiction: string, period: string, filer: string) => ({ name: 'pk', value: `FILING_HISTORY#${jurisdiction}#${period}#${filer}` }),
  subject: (jurisdiction: string, period: string, filer: string) => `FILING#${jurisdiction}#${period}#${filer}`,
};

export const reportKeys = {
  item: (region: string, kind: string, period: string) => ({ pk: `REPORT#${region}`, sk: `${kind}#${period}` }),
  subject: (region: string, kind: string, period: string) => `REPORT#${region}#${kind}#${period}`,
};

export const runKeys = {
  item: (job: string, period: string, region: string, startedAt: string, runId: string) => ({
    pk: `JOBRUN#${job}`,
    sk: `${period}#${region}#${startedAt}#${runId}`,
  }),
  recentIndex: (startedAt: string, runId: string) => ({ gsi1pk: 'JOBRUNS', gsi1sk: `${startedAt}#${runId}` }),
  ofJob: (job: string) => ({ name: 'pk', value: `JOBRUN#${job}` }),
  ofJobPeriod: (period: string) => ({ name: 'sk', value: `${period}#` }),
  recent: () => ({ name: 'gsi1pk', value: 'JOBRUNS' }),
};

export const outputKeys = {
  item: (job: string, region: string, period: string) => ({ pk: `JOBOUT#${job}#${region}`, sk: period }),
  subject: (job: string, region: string, period: string) => `JOBOUT#${job}#${region}#${period}`,
};

/** The county index's survey result (seed 004 L885): one item per county and year; its audit subject. */
export const surveyKeys = {
  item: (county: string, year: number) => ({ pk: `SURVEY#${county}`, sk: String(year) }),
  subject: (county: string, year: number) => `SURVEY#${county}#${year}`,
};
