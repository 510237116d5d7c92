import { getItem, queryAll, tableName, type UnitOfWork } from '@jingzhun/platform';
import type { AssessmentStatus } from '../domain/assessment.js';
import type { ConsequenceKind, ConsequenceProposal } from '../domain/consequences.js';
import type { KeyVillage } from '../domain/coverage.js';
import type { Pairing } from '../domain/pairings.js';
import type { Finding } from '../domain/rectification.js';
import type { UnitResult } from '../domain/results.js';
import type { Scheme } from '../domain/scheme.js';
import type { IndicatorInput } from '../domain/scoring.js';
import type { Assignment, TeamCheckKind } from '../domain/teams.js';
import type { ResponsibleUnit, YearlyTask } from '../domain/units.js';
import type { Evidence, Incident } from '../domain/veto.js';
import {
  assessmentKeys,
  assignmentKeys,
  checkKeys,
  consequenceKeys,
  coverageKeys,
  districtKeys,
  findingKeys,
  helperKeys,
  householdKeys,
  incidentKeys,
  pairingKeys,
  taskKeys,
  unitKeys,
  villageKeys,
} from './keys.js';
import { supervisionTable } from './table.js';

export const table = () => tableName(supervisionTable);

interface Stored {
  pk: string;
  sk: string;
  entity: string;
  version: number;
  [key: string]: unknown;
}

export type UnitItem = Stored & ResponsibleUnit & { entity: 'unit'; district: string };
export type TaskItem = Stored & YearlyTask & { entity: 'task'; district: string };
export type IncidentItem = Stored & Incident & { entity: 'incident'; district: string; recordedAt: string };
export type FindingItem = Stored & Finding & { entity: 'finding' };
export type AssignmentItem = Stored & Assignment & { entity: 'assignment'; district: string };
export type PairingItem = Stored & Pairing & { entity: 'pairing'; district: string };
export type VillageItem = Stored & KeyVillage & { entity: 'key-village'; district: string; townName: string; level: 'provincial' | 'municipal'; taskDone: boolean };
export type CheckItem = Stored & { entity: 'team-check'; checkId: string; village: string; kind: TeamCheckKind; on: string; result: string; by: string };
export type HouseholdItem = Stored & { entity: 'household-projection'; householdId: string; village: string; headName: string; status: string; lastAt: string };
export type HelperItem = Stored & { entity: 'helper'; householdId: string; village: string; helperName: string; helperUnit: string; from: string };
export type ConsequenceItem = Stored & {
  entity: 'consequence';
  consequenceId: string;
  year: number;
  unitId: string;
  unitName: string;
  kind: ConsequenceKind;
  name: string;
  citation: string;
  basis: string[];
  heads: { name: string; post: string }[];
  status: 'proposed' | 'done' | 'declined';
  decision?: { on: string; summary: string; evidence: Evidence[]; by: string };
};
export type AssessmentItem = Stored & {
  entity: 'assessment';
  district: string;
  year: number;
  status: AssessmentStatus;
  scheme: Scheme;
  entered: Record<string, IndicatorInput[]>;
  results: UnitResult[];
  /** The consequences found at computation; recorded on approval. */
  proposals?: { unitId: string; unitName: string; proposal: ConsequenceProposal }[];
  computedAt?: string;
  reviewedAt?: string;
  approvedAt?: string;
  publishedAt?: string;
};

const all = <T>(partition: { name: string; value: string }) => queryAll<T>({ table: table(), partition });

export const listUnitItems = (d: string) => all<UnitItem>(unitKeys.all(d));
export const getUnit = (d: string, unitId: string) => getItem<UnitItem>(table(), unitKeys.item(d, unitId));
export const listTaskItems = (d: string) => all<TaskItem>(taskKeys.all(d));
export const getTask = (d: string, taskId: string) => getItem<TaskItem>(table(), taskKeys.item(d, taskId));
export const listIncidentItems = (d: string, year: number) => all<IncidentItem>(incidentKeys.ofYear(d, year));
export const getAssessmentItem = (d: string, year: number) => getItem<AssessmentItem>(table(), assessmentKeys.item(d, year));
export const listConsequenceItems = (d: string, year: number) => all<ConsequenceItem>(consequenceKeys.ofYear(d, year));
export const getConsequence = (d: string, year: number, id: string) => getItem<ConsequenceItem>(table(), consequenceKeys.item(d, year, id));
export const listFindingItems = (d: string) => all<FindingItem>(findingKeys.all(d));
export const getFinding = (d: string, id: string) => getItem<FindingItem>(table(), findingKeys.item(d, id));
export const listVillageItems = (d: string) => all<VillageItem>(villageKeys.all(d));
export const getVillage = (d: string, village: string) => getItem<VillageItem>(table(), villageKeys.item(d, village));
export const listAssignmentItems = (d: string) => all<AssignmentItem>(assignmentKeys.all(d));
export const getAssignment = (d: string, id: string) => getItem<AssignmentItem>(table(), assignmentKeys.item(d, id));
export const getPerson = (d: string, personId: string) => getItem<Stored>(table(), assignmentKeys.person(d, personId));
export const listCheckItems = (d: string) => all<CheckItem>(checkKeys.all(d));
export const listPairingItems = (d: string) => all<PairingItem>(pairingKeys.all(d));
export const getPairing = (d: string, id: string) => getItem<PairingItem>(table(), pairingKeys.item(d, id));
export const listHouseholdItems = (d: string) => all<HouseholdItem>(householdKeys.all(d));
export const getHousehold = (d: string, id: string) => getItem<HouseholdItem>(table(), householdKeys.item(d, id));
export const listHelperItems = (d: string) => all<HelperItem>(helperKeys.all(d));
export const getHelper = (d: string, id: string) => getItem<HelperItem>(table(), helperKeys.item(d, id));
export const getCoverageItem = (d: string, on: string) => getItem<Stored>(table(), coverageKeys.item(d, on));
export const listDistricts = () => all<Stored & { district: string }>(districtKeys.all());
export const listAuditOf = (subject: string) => queryAll<Record<string, unknown>>({ table: table(), partition: { name: 'pk', value: `AUDIT#${subject}` } });

/** Creates an item on its first write (version 0 = not stored), replaces it conditionally afterwards. */
export function save<T extends Stored>(uow: UnitOfWork, item: T): T {
  if (item.version === 0) {
    const { version: _v, ...rest } = item;
    return uow.create(rest) as T;
  }
  return uow.replace(item) as T;
}

/** Strips the storage attributes for a response. */
export function plain<T extends Stored>(item: T): T {
  const { pk: _p, sk: _s, entity: _e, createdAt: _c, updatedAt: _u, ...rest } = item;
  return rest as T;
}
