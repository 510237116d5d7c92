import { birthDateOf, DomainError, type identificationApi, type identificationEvents, maskIdNumber, sexOf } from '@jingzhun/types';
import { type Colour, classifyColour, riskFlagsOf } from './colour.js';
import { assertPlausibleIncome, compareToThreshold, fenThreshold, type PerCapita, perCapitaIncomeFen, perCapitaOf } from './income.js';
import { type MonitoringAlert, type MonitoringState, monitoringAlert } from './monitoring.js';
import { withMaskedAccount } from './payees.js';
import { type LineInput, type LineLevel, operativeLine, operativeLineOf, resolveLine } from './poverty-lines.js';

/**
 * The register record of a household (建档立卡 national card items) as plain data, and the rules
 * that keep it consistent. Derived fields (head, size, per-capita income, attribute, standard,
 * colour) are recomputed by `refresh` after every change, never typed in.
 */
type MemberInput = identificationApi.MemberInput;
type Income = identificationApi.IncomeInput;
type Housing = identificationApi.HousingInput;
type Evidence = identificationApi.Evidence;
export type RegisterStatus = identificationEvents.HouseholdSnapshot['status'];
export type MonitorType = NonNullable<identificationEvents.HouseholdSnapshot['monitorType']>;
export type Attribute = identificationEvents.HouseholdSnapshot['attribute'];

export interface MemberRecord extends Omit<MemberInput, 'idNumber'> {
  memberId: string;
  idNumber: string;
  birthDate: string;
  sex: 'male' | 'female';
  status: 'active' | 'deceased' | 'moved_out';
  since?: string;
}

export interface Helper {
  name: string;
  unit: string;
  phone?: string;
  from: string;
  to?: string;
}

export interface Measure {
  measureId: string;
  kind: string;
  description: string;
  year: number;
  amountFen?: number;
}

export interface WorkflowState {
  kind: 'entry' | 'exit' | 'monitoring' | 'no-policy';
  state: string;
  startedAt: string;
  stepAt: string;
  notice?: { requestId: string; type: string; held: boolean };
  monitorType?: MonitorType;
  signalledAt?: string;
  dueDate?: string;
  cityStandard?: boolean;
  statusBefore?: RegisterStatus;
}

export interface HouseholdRecord {
  householdId: string;
  region: string;
  group: string;
  phone?: string;
  status: RegisterStatus;
  mainCause: identificationEvents.HouseholdSnapshot['mainCause'];
  secondaryCauses: identificationEvents.HouseholdSnapshot['secondaryCauses'];
  /** Entered or derived (see deriveStandard). */
  standard: identificationEvents.HouseholdSnapshot['standard'];
  standardEntered?: identificationEvents.HouseholdSnapshot['standard'];
  income: Income;
  welfare: identificationEvents.WelfareChecks;
  housing: Housing;
  dibao: boolean;
  tekun: boolean;
  members: MemberRecord[];
  helpers: Helper[];
  measures: Measure[];
  workflow?: WorkflowState;
  registeredAt?: string;
  exitedAt?: string;
  policyUntil?: string;
  monitorType?: MonitorType;
  /** The day a monitored household was signalled (workflows.md §1.4 D0), kept while it is monitored. */
  monitoringSignalledAt?: string;
  lastDecision?: { action: string; at: string; reason?: string };
  evidence: (Evidence & { at: string; action: string })[];
  // derived
  headName: string;
  size: number;
  incomePerCapitaFen: number;
  attribute: Attribute;
  colour?: Colour;
}

export const MAX_SECONDARY_CAUSES = 2;

/** One main cause and at most two secondary causes, all different (ANC §1; workflows.md §1.2 "Household codes"). */
export function assertCauses(main: string, secondary: readonly string[]): void {
  if (secondary.length > MAX_SECONDARY_CAUSES) throw new DomainError('CAUSES_INVALID', '次要致贫原因最多2项', 400);
  if (new Set(secondary).size !== secondary.length || secondary.includes(main)) {
    throw new DomainError('CAUSES_INVALID', '致贫原因不能重复，次要原因不能与主要原因相同', 400);
  }
}

/** Builds member records from input: one head, no ID number twice, no birth in the future. */
export function buildMembers(inputs: readonly MemberInput[], nextId: () => string, today: string): MemberRecord[] {
  const seen = new Set<string>();
  for (const input of inputs) {
    if (seen.has(input.idNumber)) {
      throw new DomainError('DUPLICATE_ID_NUMBER', `身份证号 ${maskIdNumber(input.idNumber)} 在本户中重复`, 400, { idNumberMasked: maskIdNumber(input.idNumber) });
    }
    seen.add(input.idNumber);
  }
  const members = inputs.map((input) => memberOf(input, nextId(), today));
  assertOneHead(members);
  return members;
}

export function memberOf(input: MemberInput, memberId: string, today: string, since?: string): MemberRecord {
  const birthDate = birthDateOf(input.idNumber);
  if (birthDate > today) throw new DomainError('ID_NUMBER_INVALID', '身份证号中的出生日期晚于今天', 400);
  return { ...input, memberId, birthDate, sex: sexOf(input.idNumber), status: 'active', ...(since ? { since } : {}) };
}

export function activeMembers(household: Pick<HouseholdRecord, 'members'>): MemberRecord[] {
  return household.members.filter((member) => member.status === 'active');
}

export function assertOneHead(members: readonly MemberRecord[]): void {
  const heads = members.filter((member) => member.status === 'active' && member.relation === 'head');
  if (heads.length !== 1) throw new DomainError('HEAD_REQUIRED', '每户须有且只有一名在册户主', 400, { heads: heads.length });
}

/**
 * 贫困户属性 derived from 民政 flags, never typed in (workflows.md §1.2; 004 ID-23 L904):
 * 特困 → 五保户; 低保 with no member able to work → 低保户 (兜底); 低保 otherwise → 低保贫困户;
 * else 一般贫困户.
 */
export function deriveAttribute(dibao: boolean, tekun: boolean, members: readonly MemberRecord[]): Attribute {
  if (tekun) return '五保户';
  if (!dibao) return '一般贫困户';
  const canWork = members.some((member) => member.status === 'active' && member.laborCapacity !== 'none');
  return canWork ? '低保贫困户' : '低保户';
}

/**
 * 识别标准 (000 ID-4; 004 ID-02 L1370): under the national line → 国标 (also under the provincial
 * one); otherwise the operative level of the household's jurisdiction (operativeLineOf). When the year's national line is unknown the
 * entered flag (or the operative level) stands.
 */
export function deriveStandard(income: PerCapita, year: number, entered: LineLevel | undefined, lines: readonly LineInput[], region: string): LineLevel {
  const operative = operativeLineOf(region).level;
  try {
    const national = resolveLine('national', year, lines);
    return compareToThreshold(income, fenThreshold(national.amountYuan * 100)) <= 0 ? 'national' : operative;
  } catch {
    return entered ?? operative;
  }
}

/** Recomputes the derived fields after a change; validates what every state must satisfy. */
export function refresh(household: HouseholdRecord, lines: readonly LineInput[]): HouseholdRecord {
  const active = activeMembers(household);
  assertOneHead(household.members);
  assertCauses(household.mainCause, household.secondaryCauses);
  assertPlausibleIncome(household.income, active.length);
  const incomePerCapitaFen = perCapitaIncomeFen(household.income, active.length);
  const head = active.find((member) => member.relation === 'head') as MemberRecord;
  const exact = perCapitaOf(household.income, active.length);
  const standard = deriveStandard(exact, household.income.year, household.standardEntered, lines, household.region);
  let colour: Colour | undefined;
  try {
    const line = operativeLine(household.region, household.income.year, lines);
    colour = classifyColour({
      status: household.status,
      monitorType: household.monitorType,
      income: exact,
      lineYuan: line.amountYuan,
      welfare: household.welfare,
      riskFlags: riskFlagsOf({
        houseDangerGrade: household.housing.dangerGrade,
        mainWorkerLost: head.laborCapacity === 'none' && !active.some((m) => m.laborCapacity === 'full'),
        childDroppedOut: !household.welfare.education,
      }),
    });
  } catch {
    colour = undefined;
  }
  const next: HouseholdRecord = {
    ...household,
    headName: head.name,
    size: active.length,
    incomePerCapitaFen,
    attribute: deriveAttribute(household.dibao, household.tekun, household.members),
    standard,
  };
  if (colour) next.colour = colour;
  else delete next.colour;
  return next;
}

/** The facts other services need (subsidy, dispatch). No ID numbers (ARCHITECTURE "Personal data"). */
export function snapshotOf(household: HouseholdRecord): identificationEvents.HouseholdSnapshot {
  return {
    householdId: household.householdId,
    region: household.region,
    group: household.group,
    headName: household.headName,
    size: household.size,
    status: household.status,
    attribute: household.attribute,
    standard: household.standard,
    mainCause: household.mainCause,
    secondaryCauses: household.secondaryCauses,
    incomeYear: household.income.year,
    incomePerCapitaFen: household.incomePerCapitaFen,
    welfare: household.welfare,
    houseDangerGrade: household.housing.dangerGrade,
    dibao: household.dibao,
    tekun: household.tekun,
    ...(household.registeredAt ? { registeredAt: household.registeredAt } : {}),
    ...(household.exitedAt ? { exitedAt: household.exitedAt } : {}),
    ...(household.policyUntil ? { policyUntil: household.policyUntil } : {}),
    ...(household.monitorType ? { monitorType: household.monitorType } : {}),
    ...(household.colour ? { colour: household.colour } : {}),
    hasHelper: household.helpers.length > 0,
    hasMeasures: household.measures.length > 0,
    members: household.members.map((member) => ({
      memberId: member.memberId,
      name: member.name,
      relation: member.relation,
      birthDate: member.birthDate,
      sex: member.sex,
      schooling: member.schooling,
      health: member.health,
      disabilityGrade: member.disabilityGrade,
      laborCapacity: member.laborCapacity,
      medicalInsurance: member.medicalInsurance,
      pensionInsurance: member.pensionInsurance,
      status: member.status,
    })),
  };
}

/**
 * The staff view: ID numbers and 一卡通 accounts masked (workflows.md §4.3), evidence kept internal; with `today`, a
 * monitoring case carries its overdue alert.
 */
export function viewOf(household: HouseholdRecord & { version: number; createdAt: string; updatedAt: string }, today?: string): identificationApi.Household {
  const { evidence: _evidence, standardEntered: _entered, members, ...rest } = household;
  const view = {
    ...pick(rest),
    members: members.map(({ idNumber, birthDate, ...member }) => ({
      ...withMaskedAccount(member),
      idNumberMasked: maskIdNumber(idNumber),
      birthYear: Number(birthDate.slice(0, 4)),
    })),
  } as identificationApi.Household;
  const alert = today ? alertOf(household.workflow, today) : undefined;
  if (alert && view.workflow) view.workflow = { ...view.workflow, alert };
  return view;
}

/** The overdue alert of a running monitoring case (none for other workflows). */
export function alertOf(workflow: WorkflowState | undefined, today: string): MonitoringAlert | undefined {
  if (workflow?.kind !== 'monitoring' || !workflow.signalledAt) return undefined;
  return monitoringAlert(workflow.state as MonitoringState, workflow.signalledAt.slice(0, 10), today);
}

const VIEW_FIELDS = [
  'householdId',
  'region',
  'group',
  'headName',
  'phone',
  'status',
  'attribute',
  'standard',
  'mainCause',
  'secondaryCauses',
  'income',
  'incomePerCapitaFen',
  'welfare',
  'housing',
  'dibao',
  'tekun',
  'colour',
  'size',
  'helpers',
  'measures',
  'workflow',
  'registeredAt',
  'exitedAt',
  'policyUntil',
  'monitorType',
  'lastDecision',
  'version',
  'createdAt',
  'updatedAt',
] as const;

function pick(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of VIEW_FIELDS) if (record[field] !== undefined) out[field] = record[field];
  return out;
}
