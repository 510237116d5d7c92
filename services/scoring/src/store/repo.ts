import { getItem, queryAll, tableName, type UnitOfWork } from '@jingzhun/platform';
import type { AssessmentResult } from '../domain/assessment.js';
import { type AssessmentParams, DEFAULT_PARAMS, rewardsDueBy } from '../domain/params.js';
import type { AssessmentStatus } from '../domain/workflow.js';
import { bankKeys, paramKeys, yearKeys } from './keys.js';
import { scoringTable } from './table.js';

export const table = () => tableName(scoringTable);

export interface BankItem {
  pk: string;
  sk: string;
  entity: 'bank';
  bankId: string;
  district: string;
  name: string;
  type: string;
  sizeClass: string;
  headOffices: number;
  branches: number;
  outlets: number;
  ruralOutlets: number;
  active: boolean;
  version: number;
  updatedAt: string;
  [key: string]: unknown;
}

export interface SubmissionItem {
  pk: string;
  sk: string;
  entity: 'submission';
  district: string;
  year: number;
  bankId: string;
  section: 'pboc' | 'innovation' | 'tax' | 'routine';
  data: Record<string, unknown>;
  enteredBy: { sub: string; name?: string; role: string };
  version: number;
  updatedAt: string;
  [key: string]: unknown;
}

export interface YearItem {
  pk: string;
  sk: string;
  entity: 'assessment-year';
  district: string;
  year: number;
  locked: boolean;
  status: AssessmentStatus;
  paramsId: string;
  params: AssessmentParams;
  result?: AssessmentResult;
  computedAt?: string;
  reviewedAt?: string;
  approvedAt?: string;
  publishedAt?: string;
  rewardsDueBy: string;
  rewardsPaidOn?: string;
  version: number;
  gsi1pk?: string;
  gsi1sk?: string;
  [key: string]: unknown;
}

export interface ReminderItem {
  pk: string;
  sk: string;
  entity: 'reward-reminder';
  on: string;
  kind: string;
  message: string;
}

export const getBank = (district: string, bankId: string) => getItem<BankItem>(table(), bankKeys.item(district, bankId));
export const listBanks = (district: string) => queryAll<BankItem>({ table: table(), ...bankKeys.ofDistrict(district) });
export const listSubmissions = (district: string, year: number) => queryAll<SubmissionItem>({ table: table(), ...yearKeys.submissions(district, year) });
export const getSubmission = (district: string, year: number, bankId: string, section: string) =>
  getItem<SubmissionItem>(table(), yearKeys.submission(district, year, bankId, section));
export const listReminders = (district: string, year: number) => queryAll<ReminderItem>({ table: table(), ...yearKeys.reminders(district, year) });
export const getParamSet = (paramsId: string) => getItem<{ params: AssessmentParams }>(table(), paramKeys.item(paramsId));
export const listAuditOf = (district: string, year: number) => queryAll<Record<string, unknown>>({ table: table(), partition: yearKeys.auditPartition(district, year) });
export const listRewardsOpen = () => queryAll<YearItem>({ table: table(), index: 'gsi1', partition: yearKeys.rewardsOpen() });

/** The year's state, or a fresh draft (version 0, not stored) with the default parameters. */
export async function loadYear(district: string, year: number): Promise<YearItem> {
  const stored = await getItem<YearItem>(table(), yearKeys.state(district, year));
  if (stored) return stored;
  return {
    ...yearKeys.state(district, year),
    entity: 'assessment-year',
    district,
    year,
    locked: false,
    status: 'draft',
    paramsId: DEFAULT_PARAMS.paramsId,
    params: DEFAULT_PARAMS,
    rewardsDueBy: rewardsDueBy(year, DEFAULT_PARAMS),
    version: 0,
  };
}

/** Creates the year item on its first write, replaces it (conditional on version) afterwards. */
export function saveYear(uow: UnitOfWork, item: YearItem): YearItem {
  if (item.version === 0) {
    const { version: _v, ...rest } = item;
    return uow.create(rest) as YearItem;
  }
  return uow.replace(item);
}
