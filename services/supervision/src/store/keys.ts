/**
 * Key builders for the supervision table: the only place key strings are written.
 *
 * | entity        | pk                                   | sk                 |
 * |---------------|--------------------------------------|--------------------|
 * | unit          | UNIT#<district>                      | <unitId>           |
 * | task          | TASK#<district>                      | <taskId>           |
 * | incident      | INCIDENT#<district>#<year>           | <incidentId>       |
 * | assessment    | ASSESSMENT#<district>                | <year>             |
 * | consequence   | CONSEQUENCE#<district>#<year>        | <unitId>#<kind>    |
 * | finding       | FINDING#<district>                   | <findingId>        |
 * | key village   | VILLAGE#<district>                   | <village code>     |
 * | assignment    | ASSIGNMENT#<district>                | <assignmentId>     |
 * | person        | PERSON#<district>#<personId>         | PERSON             |
 * | team check    | CHECK#<district>                     | <village>#<on>#<id>|
 * | pairing       | PAIRING#<district>                   | <pairingId>        |
 * | household     | HOUSEHOLD#<district>                 | <householdId>      |
 * | helper        | HELPER#<district>                    | <householdId>      |
 * | coverage      | COVERAGE#<district>                  | <date>             |
 * | district      | DISTRICTS                            | <district>         |
 *
 * Audit subjects (platform audit items `AUDIT#<subject>`): one per assessment year
 * (`ASSESSMENT#<d>#<y>`), the year's incidents, tasks and consequences, the district's ledger and
 * teams: so the year's audit is a handful of queries.
 */
const p = (value: string) => ({ name: 'pk', value });

export const unitKeys = { item: (d: string, unitId: string) => ({ pk: `UNIT#${d}`, sk: unitId }), all: (d: string) => p(`UNIT#${d}`) };
export const taskKeys = { item: (d: string, taskId: string) => ({ pk: `TASK#${d}`, sk: taskId }), all: (d: string) => p(`TASK#${d}`) };
export const incidentKeys = {
  item: (d: string, year: number, id: string) => ({ pk: `INCIDENT#${d}#${year}`, sk: id }),
  ofYear: (d: string, year: number) => p(`INCIDENT#${d}#${year}`),
};
export const assessmentKeys = { item: (d: string, year: number) => ({ pk: `ASSESSMENT#${d}`, sk: String(year) }) };
export const consequenceKeys = {
  item: (d: string, year: number, consequenceId: string) => ({ pk: `CONSEQUENCE#${d}#${year}`, sk: consequenceId }),
  id: (unitId: string, kind: string) => `${unitId}-${kind}`,
  ofYear: (d: string, year: number) => p(`CONSEQUENCE#${d}#${year}`),
};
export const findingKeys = { item: (d: string, id: string) => ({ pk: `FINDING#${d}`, sk: id }), all: (d: string) => p(`FINDING#${d}`) };
export const villageKeys = { item: (d: string, village: string) => ({ pk: `VILLAGE#${d}`, sk: village }), all: (d: string) => p(`VILLAGE#${d}`) };
export const assignmentKeys = {
  item: (d: string, id: string) => ({ pk: `ASSIGNMENT#${d}`, sk: id }),
  all: (d: string) => p(`ASSIGNMENT#${d}`),
  person: (d: string, personId: string) => ({ pk: `PERSON#${d}#${personId}`, sk: 'PERSON' }),
};
export const checkKeys = {
  item: (d: string, village: string, on: string, id: string) => ({ pk: `CHECK#${d}`, sk: `${village}#${on}#${id}` }),
  all: (d: string) => p(`CHECK#${d}`),
};
export const pairingKeys = { item: (d: string, id: string) => ({ pk: `PAIRING#${d}`, sk: id }), all: (d: string) => p(`PAIRING#${d}`) };
export const householdKeys = { item: (d: string, id: string) => ({ pk: `HOUSEHOLD#${d}`, sk: id }), all: (d: string) => p(`HOUSEHOLD#${d}`) };
export const helperKeys = { item: (d: string, id: string) => ({ pk: `HELPER#${d}`, sk: id }), all: (d: string) => p(`HELPER#${d}`) };
export const coverageKeys = { item: (d: string, on: string) => ({ pk: `COVERAGE#${d}`, sk: on }) };
export const districtKeys = { item: (d: string) => ({ pk: 'DISTRICTS', sk: d }), all: () => p('DISTRICTS') };

export const auditSubjects = {
  assessment: (d: string, year: number) => `ASSESSMENT#${d}#${year}`,
  incidents: (d: string, year: number) => `INCIDENTS#${d}#${year}`,
  tasks: (d: string, year: number) => `TASKS#${d}#${year}`,
  consequences: (d: string, year: number) => `CONSEQUENCES#${d}#${year}`,
  ledger: (d: string) => `LEDGER#${d}`,
  teams: (d: string) => `TEAMS#${d}`,
  units: (d: string) => `UNITS#${d}`,
};
